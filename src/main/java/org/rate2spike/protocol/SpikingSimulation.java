package org.rate2spike.protocol;

import java.util.Arrays;
import java.util.Random;

import org.rate2spike.learn.Decoders;
import org.rate2spike.learn.Rls;
import org.rate2spike.rate.RateTargets;
import org.rate2spike.spiking.Populations;
import org.rate2spike.spiking.SpikingConnectivity;
import org.rate2spike.spiking.SpikingNetwork;
import org.rate2spike.spiking.SpikingParams;
import org.rate2spike.task.Task;
import org.rate2spike.task.Trial;
import org.rate2spike.util.Seeds;

/**
 * Runs the spiking phases. Every phase restarts from the same initial state, settles with teacher forcing
 * (ẑ = f_PC) for the settling trials, then runs its counted trials. Within one step: rate network → f_PC →
 * LIF update with last step's feedback → spikes and traces → feedback ẑ (teacher or W·s) and output z → RLS update
 * with the a-priori errors.
 */
final class SpikingSimulation {

	/**
	 * Receives every step of a phase (for recording); {@code trial} counts the phase's counted trials from 0 and is
	 * negative during settling. Arrays are reused: copy what you keep.
	 */
	interface StepObserver {
		void step(int trial, int t, Trial tr, double[] outputs, SpikingNetwork net);

		/**
		 * True to have the teacher's f_PC computed in the counted trials of the autonomous phases too (where the
		 * network does not need it) and handed to {@link #teacher} before each {@link #step}. It only observes: the
		 * network runs the same either way.
		 */
		default boolean wantsTeacher() {
			return false;
		}

		/** f_PC of a counted step, before its {@link #step}; only when {@link #wantsTeacher} (or while teaching). */
		default void teacher(final int trial, final int t, final double[] fPc) {}
	}

	private final Task task;
	private final SpikingParams params;
	private final long seed;
	private final double dt;
	private final FactorSource teacher;
	private final SpikingNetwork net;
	private final double[] initialVoltage;
	private final double[] meanInput;
	private final double[] fPc;
	private final double[] zHat; // [ẑ; z]
	private final double[] error;
	private final int factors;
	private final int settleTrials;
	/** Sign of each trace's column of W under sign_constrained (+1 excitatory, −1 inhibitory), or null. */
	private final int[] signs;
	/** z̄ of the connectivity (filled during demean under sign_constrained) and its running sum. */
	private final double[] factorOffset, factorSum;
	/** f_PC of earlier phases, replayed where a phase's trials repeat them (see {@link TeacherRecord}). */
	private final TeacherRecord record;
	/** Feedback currents of recurring teacher-forced trials (unused under sign_constrained, where f_PC is centred). */
	private final FeedbackCache feedbackCache = new FeedbackCache();
	private int feedbackReused; // trials of the current phase that reused kept feedback currents

	SpikingSimulation(final RateTargets targets, final Task task, final SpikingParams params, final long seed,
		final int settleTrials, final SpikingConnectivity conn, final double[] initialVoltage, final double[] meanInput)
	{
		this(targets, task, params, seed, settleTrials, conn, initialVoltage, meanInput, null);
	}

	/** As above, replaying (and extending) the f_PC of {@code cache} where it holds these targets' trials. */
	SpikingSimulation(final RateTargets targets, final Task task, final SpikingParams params, final long seed,
		final int settleTrials, final SpikingConnectivity conn, final double[] initialVoltage, final double[] meanInput,
		final TeacherCache cache)
	{
		this.record = TeacherCache.recordFor(cache, targets);
		this.settleTrials = settleTrials;
		this.task = task;
		this.params = params;
		this.seed = seed;
		this.dt = targets.params().dt();
		this.teacher = task.hasActivity() ? new DataFactorSource(targets) : new RateFactorSource(targets);
		this.net = new SpikingNetwork(params, conn, dt, meanInput);
		this.initialVoltage = initialVoltage;
		this.meanInput = meanInput;
		this.factors = teacher.factors();
		this.fPc = new double[factors];
		this.zHat = new double[factors + task.outputs()];
		this.error = new double[factors + task.outputs()];
		this.signs = params.signConstrained() ? traceSigns(Populations.of(params), conn.trained()) : null;
		this.factorOffset = conn.factorOffset();
		this.factorSum = new double[factors];
	}

	/**
	 * Sign-constrained networks learn centred factors f_PC − z̄ (z̄ = factorOffset); during the demean phase's counted
	 * steps the raw f_PC is summed for z̄'s running mean, applied from the next trial on.
	 */
	private void centre(final boolean sum) {
		for (int k = 0; k < factors; k++) {
			if (sum) factorSum[k] += fPc[k];
			fPc[k] -= factorOffset[k];
		}
	}

	/**
	 * The RLS prior of sign-constrained training: 1 for excitatory traces, n_E/n_I (trained neurons of each population)
	 * for inhibitory ones, so that P₀'s inhibitory block sums as the excitatory one does and the first updates, which
	 * clipping splits by sign, do not leave the learned feedback excitatory on the whole.
	 */
	static double[] priorScale(final Populations pops, final int[] trained) {
		int e = 0;
		for (final int i : trained) if (pops.of(i) == 0) e++;
		final int in = trained.length - e;
		final double ratio = in == 0 || e == 0 ? 1 : e / (double) in;
		final double[] scale = new double[2 * trained.length];
		for (int k = 0; k < trained.length; k++) scale[k] = scale[trained.length + k] = pops.of(trained[k]) == 0 ? 1 : ratio;
		return scale;
	}

	/** +1 for the slow and fast traces of excitatory trained neurons, −1 for inhibitory ones: s = [slow; fast]. */
	static int[] traceSigns(final Populations pops, final int[] trained) {
		final int[] sign = new int[2 * trained.length];
		for (int k = 0; k < trained.length; k++) sign[k] = sign[trained.length + k] = pops.of(trained[k]) == 0 ? 1 : -1;
		return sign;
	}

	/** Totals of a phase's counted trials. */
	static final class PhaseTotals {
		long spikes, steps;
		double[] nmse = new double[0], factorNmse = new double[0];
		boolean cancelled;
		/** Why the phase stopped early because the network diverged (null if it did not). */
		String diverged;
	}

	/** Where an interrupted phase continues: counted trials done, the network's state then, their scores. */
	record Resume(int trialsDone, double[][] networkState, double[] nmse, double[] factorNmse) {}

	/** Receives the phase's progress after every {@code every} counted trials, for checkpoints. */
	interface CheckpointSink {
		void at(int trialsDone, double[] nmse, double[] factorNmse, SpikingNetwork net);
	}

	/**
	 * Runs one phase. {@code decoders} null means teacher forcing throughout (demean); {@code rls} non-null trains.
	 */
	PhaseTotals run(final Phase phase, final int counted, final Decoders decoders, final Rls rls, final Progress progress,
		final StepObserver observer)
	{
		return run(phase, counted, decoders, rls, progress, observer, null, 0, null);
	}

	/**
	 * As above. With {@code resume}, the trials before it are replayed for the teacher and the random streams only
	 * (nothing spikes), then the saved network state takes over: the phase continues exactly where it stopped.
	 */
	PhaseTotals run(final Phase phase, final int counted, final Decoders decoders, final Rls rls, final Progress progress,
		final StepObserver observer, final Resume resume, final int checkpointEvery, final CheckpointSink sink)
	{
		net.reset(initialVoltage);
		final Random settle = Seeds.stream(seed, Seeds.SETTLE_TRIALS);
		final Random trials = Seeds.stream(seed, "trials-" + phase.key());
		final Random coin = Seeds.stream(seed, Seeds.RLS_TIMES);
		final double rlsProbability = 1.0 / params.rlsInterval();
		final boolean demean = phase == Phase.DEMEAN;
		final boolean test = phase == Phase.TEST || phase == Phase.READOUT || phase == Phase.VALIDATION; // autonomous: no teacher after settling
		final boolean observeTeacher = observer != null && observer.wantsTeacher();
		final boolean computeTeacher = !test || observeTeacher; // f_PC of the counted trials
		// the kinds of trial the step methods below implement: RLS trains decoders against the teacher
		if (rls != null && (decoders == null || test)) throw new IllegalArgumentException("RLS trains decoders against the teacher: " +
			"not in the " + phase.key() + " phase" + (decoders == null ? " without decoders" : ""));
		final double[] meanSum = demean ? new double[net.neurons()] : null;
		feedbackReused = 0;
		if (demean && signs != null) java.util.Arrays.fill(factorSum, 0);
		long meanSteps = 0;

		final int init = settleTrials;
		final int total = init + counted;
		final PhaseTotals totals = new PhaseTotals();
		totals.nmse = new double[counted];
		totals.factorNmse = new double[counted];
		final int skip = resume == null ? 0 : resume.trialsDone();
		if (resume != null) {
			System.arraycopy(resume.nmse(), 0, totals.nmse, 0, skip);
			System.arraycopy(resume.factorNmse(), 0, totals.factorNmse, 0, skip);
		}
		// the weights training starts from are the first good ones: a first trial that diverges keeps them
		lastGood = decoders != null && rls != null ? decoders.snapshot(null) : null;
		progress.phaseStarted(phase, total);
		try (TeacherPipeline ahead = new TeacherPipeline(teacher, record)) {
		Trial nextTrial = total > 0 ? task.nextTrial(init > 0 ? settle : trials) : null;
		if (nextTrial != null && (init > 0 || computeTeacher)) ahead.submit(nextTrial);
		for (int tr = 0; tr < total; tr++) {
			final boolean isCounted = tr >= init;
			final boolean needTeacher = !isCounted || computeTeacher; // f_PC: except in the autonomous phases' counted trials unless observed
			final Trial trial = nextTrial;
			// draw the next trial now (same streams, same order) so that its f_PC can be computed ahead
			nextTrial = tr + 1 < total ? task.nextTrial(tr + 1 >= init ? trials : settle) : null;
			if (nextTrial != null && (tr + 1 < init || computeTeacher)) ahead.submit(nextTrial);
			final double[] block = needTeacher ? ahead.next() : null;
			if (resume != null && tr < init + skip) { // resuming: replay only what the random streams and the teacher need
				if (isCounted && rls != null) for (int t = 0; t < trial.steps(); t++) coin.nextDouble();
				if (block != null) ahead.release(block);
				progress.trialDone(phase, tr + 1, total, isCounted ? totals.nmse[tr - init] : Double.NaN);
				continue;
			}
			if (resume != null && tr == init + skip) net.restoreState(resume.networkState());
			final TrialSums sums = new TrialSums();
			if (!isCounted) settleSteps(trial, block, rls, observer, tr - init);
			else if (decoders == null) teacherSteps(trial, block, needTeacher && ahead.recorded(), needTeacher, demean, meanSum,
				observer, tr - init, sums);
			else if (rls != null) trainSteps(trial, block, decoders, rls, coin, rlsProbability, observer, tr - init, sums);
			else freeSteps(trial, block, needTeacher, decoders, observer, tr - init, sums);
			if (block != null) ahead.release(block);
			if (isCounted) {
				final int c = tr - init;
				totals.spikes += sums.spikes;
				totals.steps += trial.steps();
				totals.nmse[c] = Metrics.nmse(sums.err, sums.tgt, trial.steps());
				totals.factorNmse[c] = needTeacher ? Metrics.nmse(sums.ferr, sums.ftgt, trial.steps()) : Double.NaN;
				if (demean) { // the running average, applied from the next trial on (as in the reference)
					meanSteps += trial.steps();
					for (int i = 0; i < meanInput.length; i++) meanInput[i] = meanSum[i] / meanSteps;
					if (signs != null) for (int k = 0; k < factors; k++) factorOffset[k] = factorSum[k] / meanSteps;
				}
			}
			if (isCounted) {
				final String why = divergence(phase, tr - init, sums.err, decoders, sums.spikes / (net.neurons() * (double) trial.steps() * dt), rls);
				if (why != null) {
					final int done = tr - init; // this trial is not kept
					totals.nmse = Arrays.copyOf(totals.nmse, done);
					totals.factorNmse = Arrays.copyOf(totals.factorNmse, done);
					totals.diverged = why;
					if (lastGood != null) decoders.restore(lastGood);
					break;
				}
				if (rls != null) lastGood = decoders.snapshot(lastGood);
				final int done = tr - init + 1;
				if (sink != null && checkpointEvery > 0 && done % checkpointEvery == 0 && done < counted)
					sink.at(done, Arrays.copyOf(totals.nmse, done), Arrays.copyOf(totals.factorNmse, done), net);
			}
			progress.trialDone(phase, tr + 1, total, isCounted && !demean ? totals.nmse[tr - init] : Double.NaN);
			if (progress.cancelled() && tr + 1 < total) {
				final int done = Math.max(0, tr + 1 - init);
				totals.nmse = Arrays.copyOf(totals.nmse, done);
				totals.factorNmse = Arrays.copyOf(totals.factorNmse, done);
				totals.cancelled = true;
				break;
			}
		}
		ahead.close();
		if (record != null && teacher instanceof RateFactorSource) progress.teacherTrials(phase, ahead.computed(), ahead.replayed());
		if (decoders == null) progress.feedbackReused(phase, feedbackReused);
		}
		return totals;
	}

	/*
	 * The steps of one trial, one method per kind of trial (settling; counted with the teacher's feedback; training;
	 * autonomous): each is compiled on its own with its own branch profile, so the JIT compiles small pieces once
	 * instead of recompiling one large loop each time a new phase takes branches the last one did not. Every step does
	 * the same arithmetic in the same order as in every other kind.
	 */

	/** What a counted trial's steps add up: squared errors and targets of the outputs and of the factors, spikes. */
	private static final class TrialSums {
		double err, tgt, ferr, ftgt;
		long spikes;
	}

	/** A settling trial: teacher forcing, nothing scored. */
	private void settleSteps(final Trial trial, final double[] block, final Rls rls, final StepObserver observer,
		final int trialIndex)
	{
		final double[][] fOut = trial.output();
		for (int t = 0; t < trial.steps(); t++) {
			teacherAt(block, t, false);
			net.step(trial, t);
			if (rls != null) rls.advance(net.decaySlow(), net.decayFast(), net.trainedSpikes(), net.trainedSpikeCount());
			final double[] out = teacherOutput(fOut, t);
			net.feedback(out);
			if (observer != null) observer.step(trialIndex, t, trial, out, net);
		}
	}

	/**
	 * A counted trial with the teacher's feedback (the demean phase: its mean input summed into {@code meanSum}). A
	 * recorded block ({@code recorded}) reuses the feedback currents computed when it last recurred
	 * ({@link FeedbackCache}).
	 */
	private void teacherSteps(final Trial trial, final double[] block, final boolean recorded, final boolean needTeacher,
		final boolean demean, final double[] meanSum, final StepObserver observer, final int trialIndex, final TrialSums sums)
	{
		final double[][] fOut = trial.output();
		final boolean observeTeacher = observer != null && observer.wantsTeacher();
		final int n = net.neurons();
		final boolean cacheable = recorded && signs == null;
		final double[] cached = cacheable ? feedbackCache.get(block) : null;
		if (cached != null) feedbackReused++;
		final double[] fill = cacheable && cached == null ? feedbackCache.reserve(block, trial.steps() * n) : null;
		for (int t = 0; t < trial.steps(); t++) {
			if (needTeacher) teacherAt(block, t, demean);
			sums.spikes += net.step(trial, t);
			final double[] out = teacherOutput(fOut, t);
			if (cached != null) net.feedbackCurrent(cached, t * n);
			else {
				net.feedback(out);
				if (fill != null) net.copyFeedbackCurrent(fill, t * n);
			}
			scoreOutputs(out, fOut, t, sums);
			if (needTeacher) scoreFactors(out, sums);
			if (demean) net.accumulateMeanInput(meanSum);
			if (observeTeacher && needTeacher) observer.teacher(trialIndex, t, fPc);
			if (observer != null) observer.step(trialIndex, t, trial, out, net);
		}
		if (fill != null) feedbackCache.keep(block, fill);
	}

	/** A counted RLS trial: the network's own feedback, the decoders updated at random steps. */
	private void trainSteps(final Trial trial, final double[] block, final Decoders decoders, final Rls rls,
		final Random coin, final double rlsProbability, final StepObserver observer, final int trialIndex,
		final TrialSums sums)
	{
		final double[][] fOut = trial.output();
		final boolean observeTeacher = observer != null && observer.wantsTeacher();
		decoders.resync();
		for (int t = 0; t < trial.steps(); t++) {
			teacherAt(block, t, false);
			sums.spikes += net.step(trial, t);
			rls.advance(net.decaySlow(), net.decayFast(), net.trainedSpikes(), net.trainedSpikeCount());
			decoders.advance(net.decaySlow(), net.decayFast(), net.trainedSpikes(), net.trainedSpikeCount());
			final double[] out = decoders.apply(net.traces());
			net.feedback(out);
			scoreOutputs(out, fOut, t, sums);
			scoreFactors(out, sums);
			if (coin.nextDouble() < rlsProbability) {
				rls.update(net.traces(), error, decoders);
				if (signs != null) decoders.projectSigns(signs);
			}
			if (observeTeacher) observer.teacher(trialIndex, t, fPc);
			if (observer != null) observer.step(trialIndex, t, trial, out, net);
		}
	}

	/** A counted autonomous trial (test, readout, validation): the network's own feedback, nothing learned. */
	private void freeSteps(final Trial trial, final double[] block, final boolean needTeacher, final Decoders decoders,
		final StepObserver observer, final int trialIndex, final TrialSums sums)
	{
		final double[][] fOut = trial.output();
		final boolean observeTeacher = observer != null && observer.wantsTeacher();
		decoders.resync();
		for (int t = 0; t < trial.steps(); t++) {
			if (needTeacher) teacherAt(block, t, false);
			sums.spikes += net.step(trial, t);
			decoders.advance(net.decaySlow(), net.decayFast(), net.trainedSpikes(), net.trainedSpikeCount());
			final double[] out = decoders.apply(net.traces());
			net.feedback(out);
			scoreOutputs(out, fOut, t, sums);
			if (needTeacher) scoreFactors(out, sums);
			if (observeTeacher && needTeacher) observer.teacher(trialIndex, t, fPc);
			if (observer != null) observer.step(trialIndex, t, trial, out, net);
		}
	}

	/** f_PC of step t from the teacher's block (centred under sign_constrained; {@code sum}: into z̄'s running sum). */
	private void teacherAt(final double[] block, final int t, final boolean sum) {
		System.arraycopy(block, t * factors, fPc, 0, factors);
		if (signs != null) centre(sum);
	}

	/** The teacher's feedback [f_PC; f_out(t)] (teacher forcing). */
	private double[] teacherOutput(final double[][] fOut, final int t) {
		System.arraycopy(fPc, 0, zHat, 0, factors);
		for (int o = 0; o < fOut.length; o++) zHat[factors + o] = fOut[o][t];
		return zHat;
	}

	/** The outputs' a-priori errors into {@code error} and their squares into the trial's sums. */
	private void scoreOutputs(final double[] out, final double[][] fOut, final int t, final TrialSums sums) {
		for (int o = 0; o < fOut.length; o++) {
			final double e = out[factors + o] - fOut[o][t];
			error[factors + o] = e;
			sums.err += e * e;
			sums.tgt += fOut[o][t] * fOut[o][t];
		}
	}

	/** The factors' a-priori errors against f_PC into {@code error} and their squares into the trial's sums. */
	private void scoreFactors(final double[] out, final TrialSums sums) {
		for (int k = 0; k < factors; k++) {
			final double e = out[k] - fPc[k];
			error[k] = e;
			sums.ferr += e * e;
			sums.ftgt += fPc[k] * fPc[k];
		}
	}

	private double[][] lastGood; // the decoders after the last trial that passed the divergence checks

	/** The divergence guard, after every counted trial: a message saying what happened and what to try, or null. */
	private String divergence(final Phase phase, final int trial, final double outputError, final Decoders decoders, final double rateHz, final Rls rls) {
		final String where = " in " + phase.key() + " trial " + (trial + 1);
		final double[] v = net.voltages();
		for (final double x : v)
			if (!Double.isFinite(x)) return "a membrane potential became " + x + where +
				"; check the inputs and targets for NaN or huge values, or lower gz";
		if (!Double.isFinite(outputError)) return "the network output became NaN or infinite" + where +
			"; try a larger rls_alpha, a smaller gz, or more demean trials";
		// not while demeaning: before its mean input is subtracted a network with strong random synapses (gs, gf) fires
		// fast, which is what the demean phase corrects; rates are bounded there (one spike per step), so nothing diverges
		if (phase != Phase.DEMEAN && rateHz > params.maxRateHz()) return String.format("the population rate reached %.0f Hz%s (limit max_rate_hz = %.0f Hz)" +
			"; try a smaller gz, a stronger inhibition (more negative mu_f), or more demean trials", rateHz, where, params.maxRateHz());
		if (rls != null && decoders != null && !decoders.finite()) return "the learned weights became NaN or infinite" + where +
			"; try a larger rls_alpha or a larger dt_rls";
		if (rls != null && !rls.healthy()) return "the RLS matrix P exploded (non-finite or growing entries)" + where +
			"; try a larger rls_alpha or a larger dt_rls";
		return null;
	}

	double meanRateHz(final PhaseTotals t) {
		return t.steps == 0 ? Double.NaN : t.spikes / (net.neurons() * (double) t.steps * dt);
	}

	SpikingNetwork network() {
		return net;
	}
}
