package org.rate2spike.protocol;

import java.util.Arrays;
import java.util.Random;

import org.rate2spike.learn.Decoders;
import org.rate2spike.learn.Rls;
import org.rate2spike.rate.RateTargets;
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

	/** Receives every counted step of a phase (for recording); arrays are reused, copy what you keep. */
	interface StepObserver {
		void step(int trial, int t, Trial tr, double[] outputs, SpikingNetwork net);
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

	SpikingSimulation(final RateTargets targets, final Task task, final SpikingParams params, final long seed,
		final int settleTrials, final SpikingConnectivity conn, final double[] initialVoltage, final double[] meanInput)
	{
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
	}

	/** Totals of a phase's counted trials. */
	static final class PhaseTotals {
		long spikes, steps;
		double[] nmse = new double[0], factorNmse = new double[0];
		boolean cancelled;
	}

	/**
	 * Runs one phase. {@code decoders} null means teacher forcing throughout (demean); {@code rls} non-null trains.
	 */
	PhaseTotals run(final Phase phase, final int counted, final Decoders decoders, final Rls rls, final Progress progress,
		final StepObserver observer)
	{
		teacher.reset();
		net.reset(initialVoltage);
		final Random settle = Seeds.stream(seed, Seeds.SETTLE_TRIALS);
		final Random trials = Seeds.stream(seed, "trials-" + phase.key());
		final Random coin = Seeds.stream(seed, Seeds.RLS_TIMES);
		final double rlsProbability = 1.0 / params.rlsInterval();
		final boolean demean = phase == Phase.DEMEAN;
		final boolean test = phase == Phase.TEST;
		final double[] meanSum = demean ? new double[net.neurons()] : null;
		long meanSteps = 0;

		final int init = settleTrials;
		final int total = init + counted;
		final PhaseTotals totals = new PhaseTotals();
		totals.nmse = new double[counted];
		totals.factorNmse = new double[counted];
		progress.phaseStarted(phase, total);
		for (int tr = 0; tr < total; tr++) {
			final boolean isCounted = tr >= init;
			final boolean teacherForced = !isCounted || decoders == null;
			final boolean needTeacher = !isCounted || !test; // f_PC is needed except in the test phase's counted trials
			final Trial trial = task.nextTrial(isCounted ? trials : settle);
			final double[][] fOut = trial.output();
			double err = 0, tgt = 0, ferr = 0, ftgt = 0;
			for (int t = 0; t < trial.steps(); t++) {
				if (needTeacher) teacher.step(trial, t, fPc);
				final int spikes = net.step(trial, t);
				final double[] out;
				if (teacherForced) {
					System.arraycopy(fPc, 0, zHat, 0, factors);
					for (int o = 0; o < fOut.length; o++) zHat[factors + o] = fOut[o][t];
					out = zHat;
				}
				else out = decoders.apply(net.traces());
				net.feedback(out);
				if (!isCounted) continue;

				totals.spikes += spikes;
				totals.steps++;
				for (int o = 0; o < fOut.length; o++) {
					final double e = out[factors + o] - fOut[o][t];
					error[factors + o] = e;
					err += e * e;
					tgt += fOut[o][t] * fOut[o][t];
				}
				if (needTeacher) for (int k = 0; k < factors; k++) {
					final double e = out[k] - fPc[k];
					error[k] = e;
					ferr += e * e;
					ftgt += fPc[k] * fPc[k];
				}
				if (demean) {
					net.accumulateMeanInput(meanSum);
					meanSteps++;
				}
				if (rls != null && coin.nextDouble() < rlsProbability) rls.update(net.traces(), error, decoders);
				if (observer != null) observer.step(tr - init, t, trial, out, net);
			}
			if (isCounted) {
				final int c = tr - init;
				totals.nmse[c] = Metrics.nmse(err, tgt, trial.steps());
				totals.factorNmse[c] = needTeacher ? Metrics.nmse(ferr, ftgt, trial.steps()) : Double.NaN;
				if (demean) { // the running average, applied from the next trial on (as in the reference)
					for (int i = 0; i < meanInput.length; i++) meanInput[i] = meanSum[i] / meanSteps;
				}
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
		return totals;
	}

	double meanRateHz(final PhaseTotals t) {
		return t.steps == 0 ? Double.NaN : t.spikes / (net.neurons() * (double) t.steps * dt);
	}

	SpikingNetwork network() {
		return net;
	}
}
