package org.rate2spike.protocol;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.rate2spike.learn.Ridge;

/**
 * How well a network generated its factors during the test, measured against the teacher's f_PC of the same trials,
 * and how well perfect factors could carry the scored output at all.
 *
 * @param trialNmse per test trial, Σ_k Σ_t (ẑ_k − f_PC,k)² / Σ_k Σ_t f_PC,k² (the training's factor nMSE, on test
 *        trials)
 * @param perFactor per test trial and factor, Σ_t (ẑ_k − f_PC,k)² / Σ_t f_PC,k², [trial][factor]
 * @param bySegment the factor nMSE within each of {@value #SEGMENTS} equal parts of the trial (part j holds the steps t
 *        with ⌊{@value #SEGMENTS}·t / steps⌋ = j), pooled over factors and test trials
 * @param readoutGivenFactorsNmse Σ (y − ŷ)² / Σ y² over the test trials of the best affine map ŷ = A·f_PC + b (least
 *        squares on the same trials) from the teacher's factors to the scored output y: the output error that remains
 *        even if the network generated its factors perfectly
 */
public record FactorErrors(double[] trialNmse, double[][] perFactor, double[] bySegment, double readoutGivenFactorsNmse) {

	/** Parts of a trial in {@link #bySegment}: tenths. */
	public static final int SEGMENTS = 10;

	public int factors() {
		return perFactor.length == 0 ? 0 : perFactor[0].length;
	}

	/** Median over the test trials of {@link #trialNmse}. */
	public double medianNmse() {
		return Metrics.median(trialNmse);
	}

	/** Per factor, the median over the test trials of its nMSE. */
	public double[] medianPerFactor() {
		final int k = factors();
		final double[] m = new double[k];
		for (int f = 0; f < k; f++) {
			final int factor = f;
			m[f] = Metrics.median(Arrays.stream(perFactor).mapToDouble(row -> row[factor]).toArray());
		}
		return m;
	}

	/** Collects the errors step by step; {@link #finish} makes the record. */
	public static final class Accumulator {
		private final int factors;
		private final double[][] err, tgt;
		private final int[] steps;
		private final double[][] segErr, segTgt; // [trial][segment]
		private final int outputs;
		private Ridge.Stats fit, trialFit; // the trials before the current one; the current one
		private int fitTrials, current = -1; // trials in fit; the trial in trialFit
		private final double[] x, y;

		public Accumulator(final int trials, final int factors, final int outputs) {
			this.factors = factors;
			this.err = new double[trials][factors];
			this.tgt = new double[trials][factors];
			this.steps = new int[trials];
			this.segErr = new double[trials][SEGMENTS];
			this.segTgt = new double[trials][SEGMENTS];
			this.outputs = outputs;
			this.fit = new Ridge.Stats(factors + 1, outputs);
			this.x = new double[factors + 1];
			this.y = new double[outputs];
			x[factors] = 1;
		}

		/**
		 * One step {@code t} of a trial of {@code trialSteps} steps: the generated factors ẑ (the first
		 * {@code factors} entries of {@code zHat}), the teacher's f_PC and the scored output's target y(t).
		 */
		public void add(final int trial, final int t, final int trialSteps, final double[] zHat, final double[] fPc,
			final double[] target)
		{
			final int segment = (int) ((long) SEGMENTS * t / trialSteps);
			final double[] e = err[trial], g = tgt[trial];
			double se = 0, sg = 0;
			for (int k = 0; k < factors; k++) {
				final double d = zHat[k] - fPc[k];
				e[k] += d * d;
				g[k] += fPc[k] * fPc[k];
				se += d * d;
				sg += fPc[k] * fPc[k];
			}
			segErr[trial][segment] += se;
			segTgt[trial][segment] += sg;
			if (t == 0) steps[trial] = trialSteps;
			System.arraycopy(fPc, 0, x, 0, factors);
			System.arraycopy(target, 0, y, 0, y.length);
			if (trial != current) {
				commit();
				current = trial;
				trialFit = new Ridge.Stats(factors + 1, outputs);
			}
			trialFit.add(x, y);
		}

		private void commit() {
			if (trialFit == null) return;
			fit = fit.plus(trialFit);
			fitTrials++;
			trialFit = null;
		}

		/** The errors of the first {@code trials} trials (all of them, unless the test stopped early). */
		public FactorErrors finish(final int trials) {
			if (current >= 0 && current < trials) commit();
			final double[] trialNmse = new double[trials];
			final double[][] per = new double[trials][factors];
			for (int tr = 0; tr < trials; tr++) {
				double se = 0, sg = 0;
				for (int k = 0; k < factors; k++) {
					per[tr][k] = Metrics.nmse(err[tr][k], tgt[tr][k], steps[tr]);
					se += err[tr][k];
					sg += tgt[tr][k];
				}
				trialNmse[tr] = Metrics.nmse(se, sg, steps[tr]);
			}
			final double[] seg = new double[SEGMENTS];
			for (int j = 0; j < SEGMENTS; j++) {
				double se = 0, sg = 0;
				for (int tr = 0; tr < trials; tr++) {
					se += segErr[tr][j];
					sg += segTgt[tr][j];
				}
				seg[j] = sg > 0 ? se / sg : Double.NaN;
			}
			return new FactorErrors(trialNmse, per, seg, fitTrials == trials ? readoutGivenFactors() : Double.NaN);
		}

		private double readoutGivenFactors() {
			if (fit.count() == 0) return Double.NaN;
			Ridge.finish(fit);
			// a penalty far below the data's scale: only keeps the system definite when factors are collinear
			final DMatrixRMaj w = Ridge.fit(fit, 1e-12 * Ridge.scale(fit));
			final Ridge.Score s = Ridge.score(fit, w);
			double sse = 0, ss = 0;
			for (int k = 0; k < s.sse().length; k++) {
				sse += s.sse()[k];
				ss += s.sumSquares()[k];
			}
			return Metrics.nmse(sse, ss, fit.count());
		}
	}
}
