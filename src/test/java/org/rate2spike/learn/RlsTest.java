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
}
