package org.rate2spike.baseline;

import java.util.Arrays;
import java.util.Random;

import org.rate2spike.learn.Decoders;
import org.rate2spike.learn.Rls;
import org.rate2spike.protocol.CancelledException;
import org.rate2spike.protocol.Metrics;
import org.rate2spike.protocol.Phase;
import org.rate2spike.protocol.Progress;
import org.rate2spike.rate.DrivenRateNetwork;
import org.rate2spike.rate.RateTargets;
import org.rate2spike.task.Task;
import org.rate2spike.task.Trial;
import org.rate2spike.util.Check;
import org.rate2spike.util.Seeds;

/**
 * Trains and tests the rate baseline with full-FORCE: the task network τ dx/dt = −x + J·tanh(x) + ũ_in·f_in runs
 * beside the driven network; RLS (one shared P over tanh(x), Ñ × Ñ) trains J·tanh(x) towards f_J and w·tanh(x)
 * towards f_out. Same phases and trial streams as the spiking protocol: every phase restarts from the driven
 * network's initial state and settles with teacher forcing (recurrent input = f_J).
 */
public final class BaselineStage {

	private BaselineStage() {}

	/** A trained baseline and the output nMSE of each test trial ({@code test} shorter than asked when cancelled). */
	public record Outcome(RateBaseline baseline, double[] test) {

		/** Training and test both ran to the end. */
		public boolean complete(final int rlsTrials, final int testTrials) {
			return baseline.trainingNmse().length == rlsTrials && test != null && test.length == testTrials;
		}
	}

	/** Trains and tests the baseline with a configuration's trial counts and RLS settings (test skipped when cancelled). */
	public static Outcome run(final org.rate2spike.protocol.TrainingConfig c, final RateTargets targets, final Task task,
		final Progress progress)
	{
		final RateBaseline b = train(targets, task, c.trials().init(), c.trials().rls(), c.spiking().rlsInterval(),
			c.spiking().rlsRegularizer(), c.seed(), progress);
		if (b.trainingNmse().length < c.trials().rls()) return new Outcome(b, null);
		return new Outcome(b, test(b, task, c.trials().test(), progress, null));
	}

	/** Trains on {@code rlsTrials} trials after {@code settleTrials} settling trials. J and w start at zero. */
	public static RateBaseline train(final RateTargets targets, final Task task, final int settleTrials, final int rlsTrials,
		final double rlsInterval, final double rlsAlpha, final long seed, final Progress progress)
	{
		Check.atLeast("trials_rls", rlsTrials, 1);
		Check.atLeast("trials_init", settleTrials, 0);
		Check.positive("rls_alpha", rlsAlpha);
		if (!(rlsInterval >= 1)) throw new org.rate2spike.util.ParameterException("dt_rls", "must be at least 1 (got " + rlsInterval + ")");
		final int units = targets.units();
		final Decoders d = new Decoders(units, units, task.outputs());
		final Rls rls = new Rls(units, rlsAlpha);
		final double[] nmse = new Runner(targets, task, seed, settleTrials, d).run(Phase.RLS, rlsTrials, rls, rlsInterval,
			progress, null);
		return new RateBaseline(targets, d.feedbackWeights(), d.readoutWeights(), seed, rlsInterval, rlsAlpha, nmse, settleTrials);
	}

	/** Output nMSE per test trial (the spiking protocol's test trials); {@code outputs} may be null. */
	public static double[] test(final RateBaseline b, final Task task, final int trials, final Progress progress,
		final double[][][] outputs)
	{
		Check.atLeast("trials_test", trials, 1);
		final Decoders d = Decoders.of(b.recurrent(), b.readout());
		return new Runner(b.targets(), task, b.seed(), b.settleTrials(), d).run(Phase.TEST, trials, null, 1, progress, outputs);
	}

	private static final class Runner {
		final RateTargets targets;
		final Task task;
		final long seed;
		final int settle, units;
		final Decoders d;
		final DrivenRateNetwork driven;
		final double[] x, r, error;
		final double decay;
		final double[][] inputDrive;

		Runner(final RateTargets targets, final Task task, final long seed, final int settle, final Decoders d) {
			this.targets = targets;
			this.task = task;
			this.seed = seed;
			this.settle = settle;
			this.d = d;
			units = targets.units();
			driven = new DrivenRateNetwork(targets.connectivity(), targets.params().tau(), targets.params().dt(), targets.initialState());
			x = new double[units];
			r = new double[units];
			error = new double[units + task.outputs()];
			decay = Math.exp(-targets.params().dt() / targets.params().tau());
			inputDrive = targets.connectivity().inputDrive();
		}

		double[] run(final Phase phase, final int counted, final Rls rls, final double interval, final Progress progress,
			final double[][][] outputs)
		{
			driven.reset(targets.initialState());
			System.arraycopy(targets.initialState(), 0, x, 0, units);
			for (int i = 0; i < units; i++) r[i] = Math.tanh(x[i]);
			final Random settleTrials = Seeds.stream(seed, Seeds.SETTLE_TRIALS);
			final Random trials = Seeds.stream(seed, "trials-" + phase.key());
			final Random coin = Seeds.stream(seed, Seeds.RLS_TIMES);
			final double p = 1 / interval;
			final double[] nmse = new double[counted];
			final int total = settle + counted;
			progress.phaseStarted(phase, total);
			for (int tr = 0; tr < total; tr++) {
				final boolean isCounted = tr >= settle;
				final boolean needTeacher = !isCounted || rls != null;
				final Trial trial = task.nextTrial(isCounted ? trials : settleTrials);
				final double[][] in = trial.input(), fOut = trial.output();
				if (outputs != null && isCounted) outputs[tr - settle] = new double[fOut.length][trial.steps()];
				double err = 0, tgt = 0;
				for (int t = 0; t < trial.steps(); t++) {
					if (needTeacher) driven.step(trial, t);
					final double[] fJ = driven.teacher();
					final double[] out = d.apply(r); // [J·r; w·r] from this step's rates
					if (isCounted) {
						for (int o = 0; o < fOut.length; o++) {
							final double e = out[units + o] - fOut[o][t];
							err += e * e;
							tgt += fOut[o][t] * fOut[o][t];
							error[units + o] = e;
							if (outputs != null) outputs[tr - settle][o][t] = out[units + o];
						}
						if (rls != null) for (int i = 0; i < units; i++) error[i] = out[i] - fJ[i];
						if (rls != null && coin.nextDouble() < p) rls.update(r, error, d);
					}
					final double[] current = isCounted ? out : fJ; // teacher forcing while settling
					for (int i = 0; i < units; i++) {
						double inf = current[i];
						for (int k = 0; k < in.length; k++) inf += inputDrive[k][i] * in[k][t];
						x[i] = inf + (x[i] - inf) * decay;
						r[i] = Math.tanh(x[i]);
					}
				}
				if (isCounted) nmse[tr - settle] = Metrics.nmse(err, tgt, trial.steps());
				progress.trialDone(phase, tr + 1, total, isCounted ? nmse[tr - settle] : Double.NaN);
				if (progress.cancelled()) {
					if (!isCounted || rls == null) throw new CancelledException("cancelled while running the rate baseline");
					return Arrays.copyOf(nmse, tr + 1 - settle);
				}
			}
			return nmse;
		}
	}

	/** Median of the per-trial test nMSE. */
	public static double median(final double[] nmse) {
		return Metrics.median(nmse);
	}
}
