package org.rate2spike.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class RidgeTest {

	@Test
	void sufficientStatisticsGiveTheDirectRidgeSolutionAndItsErrors() {
		final int f = 6, c = 2, n = 300;
		final double lambda = 3;
		final Random rng = new Random(2);
		final DMatrixRMaj x = new DMatrixRMaj(n, f), y = new DMatrixRMaj(n, c);
		final Ridge.Stats s = new Ridge.Stats(f, c);
		for (int t = 0; t < n; t++) {
			final double[] xv = new double[f], yv = new double[c];
			for (int i = 0; i < f - 1; i++) xv[i] = rng.nextGaussian();
			xv[f - 1] = 1;
			for (int k = 0; k < c; k++) yv[k] = xv[0] * (k + 1) - xv[2] + 0.5 + 0.1 * rng.nextGaussian();
			for (int i = 0; i < f; i++) x.set(t, i, xv[i]);
			for (int k = 0; k < c; k++) y.set(t, k, yv[k]);
			s.add(xv, yv);
		}
		Ridge.finish(s);
		final DMatrixRMaj w = Ridge.fit(s, lambda);
		// direct: (XᵀX + λ·diag(1,…,1,0)) W = XᵀY
		final DMatrixRMaj a = new DMatrixRMaj(f, f), b = new DMatrixRMaj(f, c), direct = new DMatrixRMaj(f, c);
		CommonOps_DDRM.multTransA(x, x, a);
		for (int i = 0; i < f - 1; i++) a.add(i, i, lambda);
		CommonOps_DDRM.multTransA(x, y, b);
		CommonOps_DDRM.solve(a, b, direct);
		for (int i = 0; i < f; i++)
			for (int k = 0; k < c; k++) assertEquals(direct.get(i, k), w.get(i, k), 1e-9);
		assertEquals(0.5, w.get(f - 1, 0), 0.05, "the constant is fitted, not shrunk");

		final DMatrixRMaj pred = new DMatrixRMaj(n, c);
		CommonOps_DDRM.mult(x, w, pred);
		final Ridge.Score score = Ridge.score(s, w);
		for (int k = 0; k < c; k++) {
			double sse = 0;
			for (int t = 0; t < n; t++) sse += Math.pow(pred.get(t, k) - y.get(t, k), 2);
			assertEquals(sse, score.sse()[k], 1e-6 * sse);
		}
	}
}
