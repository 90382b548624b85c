package org.rate2spike.protocol;

import java.util.Random;

import org.rate2spike.learn.Decoders;
import org.rate2spike.learn.Rls;
import org.rate2spike.rate.RateTargets;
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
		final double dt = targets.params().dt();
		params.validate(dt);
		counts.validate();
		checkTask(targets, task);

		final SpikingConnectivity conn = SpikingConnectivity.random(params, targets, Seeds.stream(seed, Seeds.SPIKING_CONNECTIVITY));
		final double[] v0 = initialVoltage(params, seed);
		final double[] meanInput = new double[params.neurons()];
		final SpikingSimulation sim = new SpikingSimulation(targets, task, params, seed, counts.init(), conn, v0, meanInput);

		long start = System.nanoTime();
		final SpikingSimulation.PhaseTotals demean = sim.run(Phase.DEMEAN, counts.demean(), null, null, progress, null);
		final double demeanSeconds = (System.nanoTime() - start) * 1e-9;
		if (demean.cancelled) throw new CancelledException("cancelled during the demean phase; nothing trained yet");

		final int traces = 2 * params.trained();
		final Decoders decoders = new Decoders(traces, targets.factors(), task.outputs());
		final Rls rls = new Rls(traces, params.rlsRegularizer());
		start = System.nanoTime();
		final SpikingSimulation.PhaseTotals train = sim.run(Phase.RLS, counts.rls(), decoders, rls, progress, null);
		final double rlsSeconds = (System.nanoTime() - start) * 1e-9;

		final TrainingLog log = new TrainingLog(sim.meanRateHz(demean), train.nmse, train.factorNmse, demeanSeconds,
			rlsSeconds, train.cancelled);
		return new TrainedNetwork(targets, params, seed, counts, conn, v0, meanInput, decoders.feedbackWeights(),
			decoders.readoutWeights(), log);
	}

	/** V0 ~ v_init·N(0,1), from its own stream. */
	static double[] initialVoltage(final SpikingParams params, final long seed) {
		final Random rng = Seeds.stream(seed, Seeds.INITIAL_STATE);
		final double[] v0 = new double[params.neurons()];
		for (int i = 0; i < v0.length; i++) v0[i] = params.initialVoltage() * rng.nextGaussian();
		return v0;
	}

	static void checkTask(final RateTargets targets, final Task task) {
		if (task.inputs() != targets.inputs() || task.outputs() != targets.outputs())
			throw new ParameterException("task", "'" + task.name() + "' has " + task.inputs() + " inputs and " +
				task.outputs() + " outputs, but the rate targets were made for " + targets.inputs() + " and " +
				targets.outputs() + " (task '" + targets.task() + "'); use targets made for this task");
		if (task.hasActivity() != ActivityTargets.isActivity(targets))
			throw new ParameterException("factors_file", task.hasActivity()
				? "the task brings population activity but the targets come from a rate network; train anew with the factors file"
				: "the targets were made from population activity; give the same factors file (--factors) as in training");
		if (Math.abs(task.dt() - targets.params().dt()) > 1e-12 * task.dt())
			throw new ParameterException("dt", "the task is sampled at " + task.dt() + " s but the targets at " + targets.params().dt() + " s");
	}
}
