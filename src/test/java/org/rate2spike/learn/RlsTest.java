package org.rate2spike.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class RlsTest {

	/**
	 * RLS from P = I/α is exact recursive ridge regression: after all samples, D = Y·Sᵀ·(S·Sᵀ + α·I)⁻¹. Checked
	 * against EJML's solve on a noisy synthetic problem.
	 */
	@Test
	void convergesToTheBatchLeastSquaresSolution() {
		final int traces = 12, factors = 3, outputs = 2, samples = 400;
		final double alpha = 0.5;
		final Random rng = new Random(7);
		final double[][] truth = new double[factors + outputs][traces];
		for (final double[] row : truth) for (int j = 0; j < traces; j++) row[j] = rng.nextGaussian();

		final Decoders d = new Decoders(traces, factors, outputs);
		final Rls rls = new Rls(traces, alpha);
		final DMatrixRMaj s = new DMatrixRMaj(traces, samples), y = new DMatrixRMaj(factors + outputs, samples);
		final double[] sv = new double[traces], err = new double[factors + outputs];
		for (int t = 0; t < samples; t++) {
			for (int j = 0; j < traces; j++) {
				sv[j] = rng.nextGaussian() + 0.3;
				s.set(j, t, sv[j]);
			}
			final double[] pred = d.apply(sv);
			for (int k = 0; k < factors + outputs; k++) {
				double target = 0.05 * rng.nextGaussian();
				for (int j = 0; j < traces; j++) target += truth[k][j] * sv[j];
				y.set(k, t, target);
				err[k] = pred[k] - target;
			}
			rls.update(sv, err, d);
		}
		final DMatrixRMaj sst = new DMatrixRMaj(traces, traces);
		CommonOps_DDRM.multTransB(s, s, sst);
		for (int i = 0; i < traces; i++) sst.add(i, i, alpha);
		final DMatrixRMaj yst = new DMatrixRMaj(factors + outputs, traces);
		CommonOps_DDRM.multTransB(y, s, yst);
		final DMatrixRMaj batchT = new DMatrixRMaj(traces, factors + outputs);
		CommonOps_DDRM.solve(sst, CommonOps_DDRM.transpose(yst, null), batchT); // (S Sᵀ + αI) Dᵀ = S Yᵀ

		final double[][] w = d.feedbackWeights(), r = d.readoutWeights();
		for (int j = 0; j < traces; j++) {
			for (int k = 0; k < factors; k++) assertEquals(batchT.get(j, k), w[k][j], 1e-9);
			for (int k = 0; k < outputs; k++) assertEquals(batchT.get(j, factors + k), r[k][j], 1e-9);
		}
		// and the noise is small, so the solution is near the truth
		assertEquals(truth[0][0], w[0][0], 0.02);
	}
	/**
	 * Carrying P·s along with the spikes and applying the rank-1 updates in blocks gives the same P and decoders as
	 * the direct method (P·s recomputed at every update, P updated at once), up to round-off: 1e-9 relative.
	 * Traces of 2n = 2·150 follow the spiking network's rule: decay, +1 on both traces of a spiking neuron.
	 */
	@Test
	void incrementalTrackingMatchesTheDirectMethod() {
		for (final int n : new int[] { 5, 150, 1100 }) {
			final int size = 2 * n, factors = 4, outputs = 1, steps = n > 500 ? 300 : 1500;
			final double ds = Math.exp(-0.001 / 0.1), df = Math.exp(-0.001 / 0.005);
			final Random rng = new Random(3 + n);
			final Rls direct = new Rls(size, 1), tracked = new Rls(size, 1);
			final Decoders dd = new Decoders(size, factors, outputs), dt = new Decoders(size, factors, outputs);
			final double[] s = new double[size], err = new double[factors + outputs];
			final int[] spikes = new int[n];
			for (int t = 0; t < steps; t++) {
				int count = 0;
				for (int k = 0; k < n; k++) {
					s[k] *= ds;
					s[n + k] *= df;
					if (rng.nextDouble() < 0.02) {
						s[k] += 1;
						s[n + k] += 1;
						spikes[count++] = k;
					}
				}
				tracked.advance(ds, df, spikes, count);
				if (rng.nextBoolean()) {
					for (int k = 0; k < err.length; k++) err[k] = rng.nextGaussian();
					direct.update(s, err, dd);
					tracked.update(s, err, dt);
				}
			}
			final double[][] a = direct.matrix(), b = tracked.matrix();
			for (int i = 0; i < size; i++)
				for (int j = 0; j < size; j++) assertEquals(a[i][j], b[i][j], 1e-9 * (1 + Math.abs(a[i][j])), "P " + i + "," + j);
			final double[][] wa = dd.feedbackWeights(), wb = dt.feedbackWeights();
			for (int k = 0; k < factors; k++)
				for (int j = 0; j < size; j++) assertEquals(wa[k][j], wb[k][j], 1e-9 * (1 + Math.abs(wa[k][j])), "W " + k + "," + j);
		}
	}
}
