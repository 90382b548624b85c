package org.rate2spike.protocol;

import java.util.Random;

import org.rate2spike.learn.Decoders;
import org.rate2spike.learn.Rls;
import org.rate2spike.rate.RateTargets;
import org.rate2spike.spiking.Populations;
import org.rate2spike.spiking.SpikingConnectivity;
import org.rate2spike.spiking.SpikingParams;
import org.rate2spike.task.Task;
import org.rate2spike.util.ParameterException;
import org.rate2spike.util.Seeds;

/**
 * Stage 2: estimate and subtract each neuron's mean input (demean), then learn W and w online by RLS while the
 * network runs on its own feedback. Cancelling during RLS returns the network trained so far, marked partial.
 */
public final class TrainingStage {

	private TrainingStage() {}

	public static TrainedNetwork run(final RateTargets targets, final Task task, final SpikingParams params,
		final TrialCounts counts, final long seed, final Progress progress)
	{
		return run(targets, task, params, counts, seed, progress, null);
	}

	/** As above; {@code lastTrial}, when not null, records the spikes of the last RLS trial run. */
	public static TrainedNetwork run(final RateTargets targets, final Task task, final SpikingParams params,
		final TrialCounts counts, final long seed, final Progress progress, final LastTrialSpikes lastTrial)
	{
		return run(targets, task, params, counts, seed, progress, lastTrial, Checkpoint.Schedule.NONE);
	}

	/** As above, handing a {@link Checkpoint} to {@code schedule} every so many RLS trials. */
	public static TrainedNetwork run(final RateTargets targets, final Task task, final SpikingParams params,
		final TrialCounts counts, final long seed, final Progress progress, final LastTrialSpikes lastTrial,
		final Checkpoint.Schedule schedule)
	{
		return run(targets, task, params, counts, seed, progress, lastTrial, schedule, null);
	}

	/** As above, keeping the teacher's f_PC in {@code cache} (may be null) for the test of the same run. */
	public static TrainedNetwork run(final RateTargets targets, final Task task, final SpikingParams params,
		final TrialCounts counts, final long seed, final Progress progress, final LastTrialSpikes lastTrial,
		final Checkpoint.Schedule schedule, final TeacherCache cache)
	{
		final double dt = targets.params().dt();
		params.validate(dt);
		counts.validate();
		checkTask(targets, task);
		if (schedule.every() < 0) throw new ParameterException("checkpoint_every", "must be 0 (never) or a number of RLS trials (got " + schedule.every() + ")");

		final SpikingConnectivity conn = SpikingConnectivity.random(params, targets, Seeds.stream(seed, Seeds.SPIKING_CONNECTIVITY));
		final double[] v0 = initialVoltage(params, seed);
		final double[] meanInput = new double[params.neurons()];
		final SpikingSimulation sim = new SpikingSimulation(targets, task, params, seed, counts.init(), conn, v0, meanInput, cache);

		final long start = System.nanoTime();
		final SpikingSimulation.PhaseTotals demean = sim.run(Phase.DEMEAN, counts.demean(), null, null, progress, null);
		final double demeanSeconds = (System.nanoTime() - start) * 1e-9;
		if (demean.cancelled) throw new CancelledException("cancelled during the demean phase; nothing trained yet");
		if (demean.diverged != null) throw new TrainingFailedException("training stopped: " + demean.diverged);

		final TrainedNetwork untrained = new TrainedNetwork(targets, params, seed, counts, conn, v0, meanInput,
			new double[targets.factors()][2 * params.trained()], new double[task.outputs()][2 * params.trained()],
			new TrainingLog(sim.meanRateHz(demean), new double[0], new double[0], demeanSeconds, 0, true, ""));
		return rlsPhase(sim, untrained, task, progress, lastTrial, schedule, null);
	}

	/**
	 * Continues an interrupted training from a checkpoint: the same result, bit for bit, as the run that wrote it would
	 * have reached (the rate network and the random streams are replayed up to the checkpoint, then the saved state
	 * takes over), except where the interrupted run replayed a teacher trial recorded in an earlier phase whose start
	 * state was within {@link TeacherRecord#TOLERANCE} of, but not equal to, a later one's: this run computes that
	 * trial instead (values within the tolerance; see docs/command-line.md).
	 */
	public static TrainedNetwork resume(final Checkpoint c, final Task task, final Progress progress,
		final LastTrialSpikes lastTrial, final Checkpoint.Schedule schedule)
	{
		final TrainedNetwork n = c.network();
		checkTask(n.targets(), task);
		if (c.trialsDone() > n.counts().rls()) throw new ParameterException("resume", "the checkpoint has " + c.trialsDone() +
			" RLS trials but the training asks for " + n.counts().rls());
		final SpikingSimulation sim = new SpikingSimulation(n.targets(), task, n.params(), n.seed(), n.counts().init(),
			n.connectivity(), n.initialVoltage(), n.meanInput());
		return rlsPhase(sim, n, task, progress, lastTrial, schedule, c);
	}

	private static TrainedNetwork rlsPhase(final SpikingSimulation sim, final TrainedNetwork start, final Task task,
		final Progress progress, final LastTrialSpikes lastTrial, final Checkpoint.Schedule schedule, final Checkpoint from)
	{
		final SpikingParams params = start.params();
		final TrialCounts counts = start.counts();
		final int traces = 2 * params.trained();
		final Decoders decoders = Decoders.of(start.feedbackWeights(), start.readoutWeights());
		final Rls rls = new Rls(traces, params.rlsRegularizer());
		if (params.signConstrained()) rls.scalePrior(SpikingSimulation.priorScale(Populations.of(params), start.connectivity().trained()));
		if (from != null) rls.restore(from.rls());
		final TrainingLog before = start.log();
		final double demeanSeconds = before.demeanSeconds(), demeanRate = before.demeanRateHz();
		final long t0 = System.nanoTime();
		final SpikingSimulation.CheckpointSink sink = schedule.every() <= 0 ? null : (done, nmse, factorNmse, net) -> {
			final TrainingLog log = new TrainingLog(demeanRate, nmse, factorNmse, demeanSeconds,
				before.rlsSeconds() + (System.nanoTime() - t0) * 1e-9, true, "checkpoint after " + done + " of " + counts.rls() + " RLS trials");
			schedule.sink().accept(new Checkpoint(withWeights(start, decoders, log), net.saveState(), rls.snapshot(), done));
		};
		if (lastTrial != null) lastTrial.timeStep(start.targets().params().dt());
		final SpikingSimulation.Resume resume = from == null ? null : new SpikingSimulation.Resume(from.trialsDone(),
			from.networkState(), before.rlsNmse(), before.rlsFactorNmse());
		final SpikingSimulation.PhaseTotals train = sim.run(Phase.RLS, counts.rls(), decoders, rls, progress, lastTrial, resume,
			schedule.every(), sink);
		final double rlsSeconds = before.rlsSeconds() + (System.nanoTime() - t0) * 1e-9;

		final String note = train.diverged != null ? "training stopped: " + train.diverged + "; the weights after the last good trial are kept"
			: train.cancelled ? "cancelled after " + train.nmse.length + " of " + counts.rls() + " RLS trials" : "";
		final TrainingLog log = new TrainingLog(demeanRate, train.nmse, train.factorNmse, demeanSeconds, rlsSeconds,
			train.cancelled || train.diverged != null, note);
		return withWeights(start, decoders, log);
	}

	private static TrainedNetwork withWeights(final TrainedNetwork n, final Decoders d, final TrainingLog log) {
		return new TrainedNetwork(n.targets(), n.params(), n.seed(), n.counts(), n.connectivity(), n.initialVoltage(),
			n.meanInput(), d.feedbackWeights(), d.readoutWeights(), log);
	}

	/** V0 ~ v_init·N(0,1), from its own stream. */
	static double[] initialVoltage(final SpikingParams params, final long seed) {
		final Random rng = Seeds.stream(seed, Seeds.INITIAL_STATE);
		final double[] v0 = new double[params.neurons()];
		for (int i = 0; i < v0.length; i++) v0[i] = params.initialVoltage() * rng.nextGaussian();
		return v0;
	}

	public static void checkTask(final RateTargets targets, final Task task) {
		if (task.inputs() != targets.inputs() || task.outputs() != targets.outputs())
			throw new ParameterException("task", "'" + task.name() + "' has " + task.inputs() + " inputs and " +
				task.outputs() + " outputs, but the rate targets were made for " + targets.inputs() + " and " +
				targets.outputs() + " (task '" + targets.task() + "'); use targets made for this task");
		if (task.hasActivity() != ActivityTargets.isActivity(targets))
			throw new ParameterException("data_factors", task.hasActivity()
				? "the task brings population activity but the targets come from a rate network; train anew with the factors file"
				: "the targets were made from population activity; give the same factors file (--factors) as in training");
		if (Math.abs(task.dt() - targets.params().dt()) > 1e-12 * task.dt())
			throw new ParameterException("dt", "the task is sampled at " + task.dt() + " s but the targets at " + targets.params().dt() + " s");
	}
}
