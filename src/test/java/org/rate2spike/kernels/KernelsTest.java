package org.rate2spike.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The optimised kernels agree with the plain reference versions. */
class KernelsTest {

	private static final Random RNG = new Random(11);

	private static double[] vector(final int n) {
		final double[] v = new double[n];
		for (int i = 0; i < n; i++) v[i] = RNG.nextGaussian();
		return v;
	}

	private static double[][] matrix(final int r, final int c) {
		final double[][] m = new double[r][];
		for (int i = 0; i < r; i++) m[i] = vector(c);
		return m;
	}

	@Test
	void matVecColumnsMatchesReference() {
		for (final int n : new int[] { 1, 7, 64, 301 }) {
			final double[][] cols = matrix(n + 3, n);
			final double[] v = vector(n + 3), a = new double[n], b = new double[n];
			v[1] = 0; // the zero-skip path
			Kernels.matVecColumns(cols, v, a);
			ReferenceKernels.matVecColumns(cols, v, b);
			for (int i = 0; i < n; i++) assertEquals(b[i], a[i], 1e-12 * (1 + Math.abs(b[i])));
		}
	}

	@Test
	void fusedMatVecColumnsIsBitIdenticalToMatVecColumns() {
		for (final int cols : new int[] { 0, 1, 2, 3, 4, 5, 9, 30 })
			for (final int n : new int[] { 1, 7, 30, 301 }) {
				final double[][] c = matrix(cols, n);
				final double[] v = vector(cols), a = new double[n], b = new double[n];
				if (cols > 2) v[1] = 0; // the zero-skip path
				if (cols > 5) v[5] = -0.0;
				final int[] scratch = new int[cols];
				Kernels.matVecColumns(c, v, a);
				java.util.Arrays.fill(b, Double.NaN); // it must overwrite, not add
				Kernels.matVecColumnsFused(c, v, b, n, scratch);
				for (int i = 0; i < n; i++)
					assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(b[i]), cols + " columns, n " + n + ", i " + i);
			}
	}

	@Test
	void weightedSymmetricRankUpdateMatchesReference() {
		final int n = 23, k = 5;
		final double[][] f = matrix(k, n), a = new double[n][n], b = new double[n][n];
		Kernels.symmetricRankUpdateUpper(a, f, k, 7);
		ReferenceKernels.symmetricRankUpdate(b, f, k, 7);
		Kernels.mirrorUpper(a);
		for (int i = 0; i < n; i++)
			for (int j = 0; j < n; j++) assertEquals(b[i][j], a[i][j], 1e-12 * (1 + Math.abs(b[i][j])));
	}

	@Test
	void dotMatchesReference() {
		for (final int n : new int[] { 0, 1, 3, 4, 5, 101 }) {
			final double[] a = vector(n), b = vector(n);
			assertEquals(ReferenceKernels.dot(a, b, n), Kernels.dot(a, b, n), 1e-12 * (1 + n));
		}
	}

	@Test
	void symmetricRank1MatchesReferenceAfterMirroring() {
		final int n = 37;
		final double[][] a = new double[n][n], b = new double[n][n];
		for (int k = 0; k < 5; k++) {
			final double[] v = vector(n);
			Kernels.symmetricRank1Upper(a, v);
			ReferenceKernels.symmetricRank1(b, v);
		}
		Kernels.mirrorUpper(a);
		for (int i = 0; i < n; i++)
			for (int j = 0; j < n; j++) assertEquals(b[i][j], a[i][j], 1e-12);
	}

	@Test
	void rlsUpdateMatchesReference() {
		final int n = 50;
		final double[][] p = new double[n][n], q = new double[n][n];
		for (int i = 0; i < n; i++) p[i][i] = q[i][i] = 1;
		final double[] ps = new double[n], qs = new double[n];
		for (int k = 0; k < 20; k++) {
			final double[] s = vector(n);
			final double c1 = Kernels.rlsUpdateP(p, s, ps);
			final double c2 = ReferenceKernels.rlsUpdateP(q, s, qs);
			assertEquals(c2, c1, 1e-12);
		}
		for (int i = 0; i < n; i++)
			for (int j = 0; j < n; j++) assertEquals(q[i][j], p[i][j], 1e-10);
	}
	/** Blocked rank-k update: bit-identical to k rank-1 updates applied one after another, for any row split. */
	@Test
	void rankUpdateIsBitIdenticalToSequentialRankOneUpdates() {
		for (final int n : new int[] { 1, 9, 300, 1030 }) {
			for (final int k : new int[] { 1, 3, 8, 19 }) {
				final double[][] a = matrix(n, n), b = new double[n][];
				for (int i = 0; i < n; i++) b[i] = a[i].clone();
				final double[][] u = matrix(k, n);
				final double[] negC = vector(k);
				ReferenceKernels.rankUpdate(a, u, negC, k);
				final int split = n / 3;
				Kernels.rankUpdate(b, split, n, u, negC, k);
				Kernels.rankUpdate(b, 0, split, u, negC, k);
				for (int i = 0; i < n; i++) org.junit.jupiter.api.Assertions.assertArrayEquals(a[i], b[i], "row " + i);
			}
		}
	}

	/** Blocked symmetric rank-k accumulation equals k rank-1 accumulations exactly (upper triangle). */
	@Test
	void symmetricRankUpdateMatchesRankOneUpdates() {
		for (final int n : new int[] { 1, 17, 200 }) {
			for (final int k : new int[] { 1, 5, 8, 21 }) {
				final double[][] a = new double[n][n], b = new double[n][n];
				final double[][] f = matrix(k, n);
				for (int t = 0; t < k; t++) Kernels.symmetricRank1Upper(a, f[t]);
				Kernels.symmetricRankUpdateUpper(b, f, k);
				for (int i = 0; i < n; i++)
					for (int j = i; j < n; j++) assertEquals(a[i][j], b[i][j], 0.0);
			}
		}
	}
	/** The exp-based tanh is within 1e-15 of Math.tanh everywhere, saturates, and keeps the sign. */
	@Test
	void tanhMatchesMathTanh() {
		final double[] x = new double[20003];
		for (int i = 0; i < 20000; i++) x[i] = (i - 10000) * 2e-3 + RNG.nextGaussian() * 1e-4;
		x[20000] = 1e-300;
		x[20001] = -800;
		x[20002] = 800;
		final double[] a = new double[x.length], b = new double[x.length];
		Kernels.tanh(x, a, x.length);
		ReferenceKernels.tanh(x, b, x.length);
		for (int i = 0; i < x.length; i++) assertEquals(b[i], a[i], 1e-15, "tanh(" + x[i] + ")");
		assertEquals(1.0, a[20002], 0.0);
		assertEquals(-1.0, a[20001], 0.0);
	}

	/** The single-precision matrix-vector product agrees with the double reference to float accuracy (1e-5 relative). */
	@Test
	void floatMatVecColumnsMatchesDoubleReference() {
		final int n = 500;
		final double[][] cols = matrix(n, n);
		final double[] v = vector(n), expected = new double[n];
		final float[][] fc = new float[n][n];
		final float[] fv = new float[n], out = new float[n];
		for (int j = 0; j < n; j++) {
			fv[j] = (float) v[j];
			for (int i = 0; i < n; i++) fc[j][i] = (float) cols[j][i];
		}
		Kernels.matVecColumns(fc, fv, out);
		ReferenceKernels.matVecColumns(cols, v, expected);
		double scale = 0;
		for (final double e : expected) scale = Math.max(scale, Math.abs(e));
		for (int i = 0; i < n; i++) assertEquals(expected[i], out[i], 1e-5 * scale);
	}
}
