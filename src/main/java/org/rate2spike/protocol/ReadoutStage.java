package org.rate2spike.protocol;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.rate2spike.learn.Decoders;
import org.rate2spike.learn.Ridge;
import org.rate2spike.learn.Rls;
import org.rate2spike.readout.Features;
import org.rate2spike.readout.Readout;
import org.rate2spike.readout.ReadoutOptions;
import org.rate2spike.readout.Signals;
import org.rate2spike.spiking.SpikingNetwork;
import org.rate2spike.task.Task;
import org.rate2spike.task.Trial;

/**
 * Stage 3 (readout): run a trained network autonomously on fresh trials, fit a linear readout of its traces to
 * chosen signals on the first trials, and score it on the held-out ones. The recurrent weights are not touched.
 * Ridge picks its penalty by k-fold cross-validation over whole fit trials; RLS runs online as in training.
 */
public final class ReadoutStage {

	/** Penalties tried, relative to the mean diagonal of Σ x xᵀ: 10^-8 … 10^2 in half decades. */
	static final double[] RELATIVE_PENALTIES = grid();

	/**
	 * What a fit measured.
	 *
	 * @param readout the fitted readout, ready to store
	 * @param penalties the penalties tried (ridge; empty for rls)
	 * @param cvNmse cross-validated nMSE of each penalty
	 * @param trainNmse per channel, on the fit trials
	 * @param trainR2 per channel, on the fit trials
	 * @param heldoutTrialNmse per held-out trial, all channels
	 * @param outputs read-out signals of the held-out trials, [trial][channel][step]
	 * @param targets target signals of the held-out trials
	 */
	public record Result(Readout readout, double[] penalties, double[] cvNmse, double[] trainNmse, double[] trainR2,
		double[] heldoutTrialNmse, double[][][] outputs, double[][][] targets, double dt, double seconds)
	{
		public double medianHeldoutNmse() {
			return Metrics.median(heldoutTrialNmse);
		}
	}

	private ReadoutStage() {}

	public static Result fit(final TrainedNetwork net, final Task task, final ReadoutOptions options, final Progress progress) {
		return fit(net, task, options, null, progress);
	}

	/**
	 * As above with the signals given (e.g. from an open image, {@link Signals#of}); null: the signals
	 * {@code options.signals()} names.
	 */
	public static Result fit(final TrainedNetwork net, final Task task, final ReadoutOptions options, final Signals given,
		final Progress progress)
	{
		options.validate();
		TrainingStage.checkTask(net.targets(), task);
		final double dt = net.targets().params().dt();
		final Signals signals = given != null ? given : Signals.parse(options.signals(), task);
		final Features features = new Features(options.traces(), options.neurons(), net.params(),
			net.connectivity().trained().length, dt);
		final Fitter fitter = new Fitter(options, signals, features, signals.channels());
		final SpikingSimulation sim = new SpikingSimulation(net.targets(), task, net.params(), net.seed(),
			net.counts().init(), net.connectivity(), net.initialVoltage(), net.meanInput().clone());
		final long start = System.nanoTime();
		final SpikingSimulation.PhaseTotals totals = sim.run(Phase.READOUT, options.fitTrials() + options.heldoutTrials(),
			Decoders.of(net.feedbackWeights(), net.readoutWeights()), null, progress, fitter);
		if (totals.cancelled) throw new CancelledException("cancelled while fitting the readout; the network file is unchanged");
		return fitter.result((System.nanoTime() - start) * 1e-9, dt);
	}

	private static double[] grid() {
		final double[] g = new double[21];
		for (int i = 0; i < g.length; i++) g[i] = Math.pow(10, -8 + 0.5 * i);
		return g;
	}

	/** Sees every step: accumulates statistics on fit trials, fits at the first held-out step, then scores. */
	private static final class Fitter implements SpikingSimulation.StepObserver {
		final ReadoutOptions o;
		final Signals signals;
		final Features features;
		final int channels, f;
		final Ridge.Stats[] folds;
		final Ridge.Stats all;
		final boolean ridge;
		final double[][] rlsP; // online RLS state (rls method only)
		final double[] rlsPs, y, yHat;
		DMatrixRMaj w;
		double penalty = Double.NaN;
		double[] penalties = new double[0], cv = new double[0], trainNmse, trainR2;
		double[][] trialSignals;
		int current = -1;
		final double[] sse, sst, ss, sumY, sumY2, trialErr, trialTgt;
		final double[][][] outputs, targets;
		final double[] trialNmse;

		Fitter(final ReadoutOptions o, final Signals signals, final Features features, final int channels) {
			this.o = o;
			this.signals = signals;
			this.features = features;
			this.channels = channels;
			this.f = features.size();
			ridge = o.method().equals("ridge");
			folds = new Ridge.Stats[ridge ? o.folds() : 0];
			for (int k = 0; k < folds.length; k++) folds[k] = new Ridge.Stats(f, channels);
			all = ridge ? null : new Ridge.Stats(f, channels);
			rlsP = ridge ? null : new double[f][f];
			if (!ridge) for (int i = 0; i < f; i++) rlsP[i][i] = 1 / o.rlsAlpha();
			rlsPs = new double[f];
			y = new double[channels];
			yHat = new double[channels];
			if (!ridge) w = new DMatrixRMaj(f, channels);
			sse = new double[channels];
			sst = new double[channels];
			ss = new double[channels];
			sumY = new double[channels];
			sumY2 = new double[channels];
			trialErr = new double[o.heldoutTrials()];
			trialTgt = new double[o.heldoutTrials()];
			outputs = new double[o.heldoutTrials()][][];
			targets = new double[o.heldoutTrials()][][];
			trialNmse = new double[o.heldoutTrials()];
		}

		@Override
		public void step(final int trial, final int t, final Trial tr, final double[] out, final SpikingNetwork net) {
			final double[] x = features.update(net);
			if (trial < 0) return;
			if (trial != current) {
				current = trial;
				trialSignals = signals.of(tr); // signals.channels() rows: the readout has one channel per signal
				if (trial == o.fitTrials()) fit();
				if (trial >= o.fitTrials()) {
					outputs[trial - o.fitTrials()] = new double[channels][tr.steps()];
					targets[trial - o.fitTrials()] = trialSignals;
				}
			}
			for (int c = 0; c < channels; c++) y[c] = trialSignals[c][t];
			if (trial < o.fitTrials()) {
				if (ridge) folds[trial % folds.length].add(x, y);
				else {
					all.add(x, y);
					rlsStep(x);
				}
				return;
			}
			final int h = trial - o.fitTrials();
			predict(x);
			for (int c = 0; c < channels; c++) {
				final double e = yHat[c] - y[c];
				outputs[h][c][t] = yHat[c];
				sse[c] += e * e;
				ss[c] += y[c] * y[c];
				sumY[c] += y[c];
				sumY2[c] += y[c] * y[c];
				trialErr[h] += e * e;
				trialTgt[h] += y[c] * y[c];
			}
		}

		private void predict(final double[] x) {
			for (int c = 0; c < channels; c++) {
				double v = 0;
				for (int i = 0; i < f; i++) v += w.unsafe_get(i, c) * x[i];
				yHat[c] = v;
			}
		}

		/** k = P·x/(1 + xᵀP·x), P ← P − (P·x)kᵀ, w ← w − k·eᵀ with the a-priori error e. */
		private void rlsStep(final double[] x) {
			predict(x);
			final double c = org.rate2spike.kernels.Kernels.rlsUpdateP(rlsP, x, rlsPs);
			for (int i = 0; i < f; i++)
				for (int k = 0; k < channels; k++) w.unsafe_set(i, k, w.unsafe_get(i, k) - c * rlsPs[i] * (yHat[k] - y[k]));
		}

		private void fit() {
			if (ridge) {
				Ridge.finish(folds);
				final Ridge.Stats pooled = Ridge.pool(folds, -1);
				final double scale = Ridge.scale(pooled);
				penalties = new double[RELATIVE_PENALTIES.length];
				cv = new double[penalties.length];
				int best = 0;
				for (int p = 0; p < penalties.length; p++) {
					penalties[p] = RELATIVE_PENALTIES[p] * scale;
					double err = 0, tgt = 0;
					for (int k = 0; k < folds.length; k++) {
						final Ridge.Score s = Ridge.score(folds[k], Ridge.fit(Ridge.pool(folds, k), penalties[p]));
						for (int c = 0; c < channels; c++) {
							err += s.sse()[c];
							tgt += s.sumSquares()[c];
						}
					}
					cv[p] = Metrics.nmse(err, tgt, 1);
					if (cv[p] < cv[best]) best = p;
				}
				penalty = penalties[best];
				w = Ridge.fit(pooled, penalty);
				score(pooled);
			}
			else {
				Ridge.finish(all);
				score(all);
			}
		}

		private void score(final Ridge.Stats s) {
			final Ridge.Score sc = Ridge.score(s, w);
			trainNmse = new double[channels];
			trainR2 = new double[channels];
			for (int c = 0; c < channels; c++) {
				trainNmse[c] = sc.nmse(c);
				trainR2[c] = sc.r2(c);
			}
		}

		Result result(final double seconds, final double dt) {
			final long n = Arrays.stream(outputs).mapToLong(a -> a == null ? 0 : a[0].length).sum();
			final double[] nmse = new double[channels], r2 = new double[channels];
			for (int c = 0; c < channels; c++) {
				nmse[c] = Metrics.nmse(sse[c], ss[c], n); // an all-zero signal (a file may have one): the MSE
				sst[c] = sumY2[c] - sumY[c] * sumY[c] / Math.max(1, n);
				r2[c] = 1 - sse[c] / sst[c];
			}
			for (int h = 0; h < trialNmse.length; h++) trialNmse[h] = Metrics.nmse(trialErr[h], trialTgt[h], outputs[h][0].length);
			final double[][] weights = new double[channels][f];
			for (int c = 0; c < channels; c++)
				for (int i = 0; i < f; i++) weights[c][i] = w.get(i, c);
			final Readout r = new Readout(o.name(), o.traces(), o.neurons(), o.signals(), o.method(), penalty, weights, nmse, r2);
			return new Result(r, penalties, cv, trainNmse, trainR2, trialNmse, outputs, targets, dt, seconds);
		}
	}
}
