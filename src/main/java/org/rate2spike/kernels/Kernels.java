package org.rate2spike.kernels;

/**
 * The per-time-step hot loops. Each is a simple counted loop in which every array is indexed by the same variable,
 * the shape that the JIT turns into SIMD code (measured: ~5x faster than offset indexing). Matrices are therefore
 * passed as arrays of rows (or of columns), never as one flat array with offsets.
 * {@link ReferenceKernels} holds a plain version of each for tests and benchmarks.
 */
public final class Kernels {

	private Kernels() {}

	/** y[i] += a * x[i], i < n. */
	public static void axpy(final double a, final double[] x, final double[] y, final int n) {
		for (int i = 0; i < n; i++) y[i] += a * x[i];
	}

	/** out = sum_j cols[j] * v[j] over the first {@code cols.length} columns; skips zero coefficients. */
	public static void matVecColumns(final double[][] cols, final double[] v, final double[] out) {
		final int n = out.length;
		java.util.Arrays.fill(out, 0, n, 0.0);
		for (int j = 0; j < cols.length; j++) {
			final double a = v[j];
			if (a == 0) continue;
			final double[] c = cols[j];
			for (int i = 0; i < n; i++) out[i] += a * c[i];
		}
	}

	/**
	 * out[0..n) = Σ_j cols[j]·v[j], the columns with v[j] ≠ 0 taken in order of j, four per sweep of out: each
	 * element gets the same sums in the same order as {@link #matVecColumns} (Java does not contract a·b + c), so the
	 * result is bit-identical, with a quarter of the loads and stores of out. {@code nonzero} is scratch of at least
	 * {@code cols.length}.
	 */
	public static void matVecColumnsFused(final double[][] cols, final double[] v, final double[] out, final int n,
		final int[] nonzero)
	{
		int m = 0;
		for (int j = 0; j < cols.length; j++) if (v[j] != 0) nonzero[m++] = j;
		int q = 0;
		if (m == 0) {
			java.util.Arrays.fill(out, 0, n, 0.0);
			return;
		}
		{ // the first sweep writes out instead of adding to zeros: 0 + a·c rounds as a·c, except for the sign of
			// a zero product, which 0.0 + (−0.0) makes +0.0; so start from 0.0 explicitly
			final int take = Math.min(4, m);
			if (take == 4) {
				final double[] c0 = cols[nonzero[0]], c1 = cols[nonzero[1]], c2 = cols[nonzero[2]], c3 = cols[nonzero[3]];
				final double a0 = v[nonzero[0]], a1 = v[nonzero[1]], a2 = v[nonzero[2]], a3 = v[nonzero[3]];
				for (int i = 0; i < n; i++) out[i] = 0.0 + a0 * c0[i] + a1 * c1[i] + a2 * c2[i] + a3 * c3[i];
			}
			else if (take == 3) {
				final double[] c0 = cols[nonzero[0]], c1 = cols[nonzero[1]], c2 = cols[nonzero[2]];
				final double a0 = v[nonzero[0]], a1 = v[nonzero[1]], a2 = v[nonzero[2]];
				for (int i = 0; i < n; i++) out[i] = 0.0 + a0 * c0[i] + a1 * c1[i] + a2 * c2[i];
			}
			else if (take == 2) {
				final double[] c0 = cols[nonzero[0]], c1 = cols[nonzero[1]];
				final double a0 = v[nonzero[0]], a1 = v[nonzero[1]];
				for (int i = 0; i < n; i++) out[i] = 0.0 + a0 * c0[i] + a1 * c1[i];
			}
			else {
				final double[] c0 = cols[nonzero[0]];
				final double a0 = v[nonzero[0]];
				for (int i = 0; i < n; i++) out[i] = 0.0 + a0 * c0[i];
			}
			q = take;
		}
		for (; q + 4 <= m; q += 4) {
			final double[] c0 = cols[nonzero[q]], c1 = cols[nonzero[q + 1]], c2 = cols[nonzero[q + 2]], c3 = cols[nonzero[q + 3]];
			final double a0 = v[nonzero[q]], a1 = v[nonzero[q + 1]], a2 = v[nonzero[q + 2]], a3 = v[nonzero[q + 3]];
			for (int i = 0; i < n; i++) out[i] = out[i] + a0 * c0[i] + a1 * c1[i] + a2 * c2[i] + a3 * c3[i];
		}
		for (; q < m; q++) {
			final double[] c0 = cols[nonzero[q]];
			final double a0 = v[nonzero[q]];
			for (int i = 0; i < n; i++) out[i] = out[i] + a0 * c0[i];
		}
	}

	/** Dot product with four accumulators (reductions are not vectorised by the JIT; this at least pipelines). */
	public static double dot(final double[] a, final double[] b, final int n) {
		double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
		int i = 0;
		for (; i + 3 < n; i += 4) {
			s0 += a[i] * b[i];
			s1 += a[i + 1] * b[i + 1];
			s2 += a[i + 2] * b[i + 2];
			s3 += a[i + 3] * b[i + 3];
		}
		for (; i < n; i++) s0 += a[i] * b[i];
		return (s0 + s1) + (s2 + s3);
	}

	/** Upper triangle of C += v vᵀ (row i, columns j ≥ i); mirror with {@link #mirrorUpper} before use. */
	public static void symmetricRank1Upper(final double[][] c, final double[] v) {
		final int n = v.length;
		for (int i = 0; i < n; i++) {
			final double a = v[i];
			if (a == 0) continue;
			final double[] row = c[i];
			for (int j = i; j < n; j++) row[j] += a * v[j];
		}
	}

	public static void mirrorUpper(final double[][] c) {
		for (int i = 0; i < c.length; i++)
			for (int j = 0; j < i; j++) c[i][j] = c[j][i];
	}

	/**
	 * One recursive-least-squares step on the shared inverse correlation matrix P (symmetric, rows = columns):
	 * ps = P·s, c = 1 / (1 + sᵀ·P·s), P ← P − c·ps·psᵀ. Returns c; the gain vector is k = c·ps.
	 */
	public static double rlsUpdateP(final double[][] p, final double[] s, final double[] ps) {
		final int n = s.length;
		matVecColumns(p, s, ps); // P symmetric: column j = row j
		final double c = 1.0 / (1.0 + dot(s, ps, n));
		for (int i = 0; i < n; i++) {
			final double a = -c * ps[i];
			final double[] row = p[i];
			for (int j = 0; j < n; j++) row[j] += a * ps[j];
		}
		return c;
	}
	/**
	 * Applies {@code k} pending rank-1 updates to rows {@code [rowFrom, rowTo)} of the square matrix p, in order:
	 * for m = 0..k−1, p[i][j] += (negC[m]·u[m][i])·u[m][j]. Each element receives exactly the same sequence of
	 * roundings as k separate rank-1 sweeps (so the result is bit-identical to {@link ReferenceKernels#rankUpdate}),
	 * but every element of p is read and written once instead of k times: the update runs from cache, not memory.
	 * Columns are tiled so that the tile of u stays in L2 while the rows stream past. Rows are independent, so any
	 * split of the row range between threads gives the same result.
	 */
	public static void rankUpdate(final double[][] p, final int rowFrom, final int rowTo, final double[][] u,
		final double[] negC, final int k)
	{
		if (k == 0) return;
		final int n = p.length;
		// Measured (2n = 400 to 4000, fresh JVMs): two rows and two updates per sweep vectorise every time, 14-17 GMAC/s
		// up to 2n = 1024; with four updates per sweep C2 left the loop scalar in some runs and sizes (3.5 GMAC/s, e.g.
		// always at 2n = 400), one row at a time loses the shared loads of u (11-12 GMAC/s).
		final int tile = n <= 2048 ? n : 1024;
		for (int j0 = 0; j0 < n; j0 += tile) {
			final int j1 = Math.min(n, j0 + tile);
			int i = rowFrom;
			for (; i + 2 <= rowTo; i += 2) {
				final double[] ra = p[i], rb = p[i + 1];
				int m = 0;
				for (; m + 2 <= k; m += 2) {
					final double[] u0 = u[m], u1 = u[m + 1];
					final double a0 = negC[m] * u0[i], a1 = negC[m + 1] * u1[i];
					final double b0 = negC[m] * u0[i + 1], b1 = negC[m + 1] * u1[i + 1];
					for (int j = j0; j < j1; j++) {
						final double x0 = u0[j], x1 = u1[j];
						ra[j] = ra[j] + a0 * x0 + a1 * x1;
						rb[j] = rb[j] + b0 * x0 + b1 * x1;
					}
				}
				if (m < k) {
					final double[] u0 = u[m];
					final double a0 = negC[m] * u0[i], b0 = negC[m] * u0[i + 1];
					for (int j = j0; j < j1; j++) {
						final double x0 = u0[j];
						ra[j] = ra[j] + a0 * x0;
						rb[j] = rb[j] + b0 * x0;
					}
				}
			}
			for (; i < rowTo; i++) {
				final double[] row = p[i];
				int m = 0;
				for (; m + 2 <= k; m += 2) {
					final double[] u0 = u[m], u1 = u[m + 1];
					final double a0 = negC[m] * u0[i], a1 = negC[m + 1] * u1[i];
					for (int j = j0; j < j1; j++) row[j] = row[j] + a0 * u0[j] + a1 * u1[j];
				}
				if (m < k) {
					final double[] u0 = u[m];
					final double a0 = negC[m] * u0[i];
					for (int j = j0; j < j1; j++) row[j] = row[j] + a0 * u0[j];
				}
			}
		}
	}

	/**
	 * Upper triangle of C += Σ_t f[t] f[t]ᵀ over t = 0..k−1, applied in order of t: bit-identical to k calls of
	 * {@link #symmetricRank1Upper} (up to the sign of zero), with one sweep of C instead of k.
	 */
	public static void symmetricRankUpdateUpper(final double[][] c, final double[][] f, final int k) {
		final int n = c.length;
		for (int i = 0; i < n; i++) {
			final double[] row = c[i];
			int t = 0;
			for (; t + 2 <= k; t += 2) {
				final double[] f0 = f[t], f1 = f[t + 1];
				final double a0 = f0[i], a1 = f1[i];
				for (int j = i; j < n; j++) row[j] = row[j] + a0 * f0[j] + a1 * f1[j];
			}
			if (t < k) {
				final double[] f0 = f[t];
				final double a0 = f0[i];
				for (int j = i; j < n; j++) row[j] = row[j] + a0 * f0[j];
			}
		}
	}

	/**
	 * Upper triangle of C += w·Σ_t f[t] f[t]ᵀ over t = 0..k−1 (each term as (w·f[t][i])·f[t][j], in order of t): the
	 * contribution of k steps that occurred w times.
	 */
	public static void symmetricRankUpdateUpper(final double[][] c, final double[][] f, final int k, final double w) {
		final int n = c.length;
		for (int i = 0; i < n; i++) {
			final double[] row = c[i];
			int t = 0;
			for (; t + 2 <= k; t += 2) {
				final double[] f0 = f[t], f1 = f[t + 1];
				final double a0 = w * f0[i], a1 = w * f1[i];
				for (int j = i; j < n; j++) row[j] = row[j] + a0 * f0[j] + a1 * f1[j];
			}
			if (t < k) {
				final double[] f0 = f[t];
				final double a0 = w * f0[i];
				for (int j = i; j < n; j++) row[j] = row[j] + a0 * f0[j];
			}
		}
	}

	/** y[i] *= a, i < n. */
	public static void scale(final double a, final double[] y, final int n) {
		for (int i = 0; i < n; i++) y[i] *= a;
	}
	/**
	 * r[i] = tanh(x[i]) as 1 − 2/(exp(2x) + 1): absolute error below 1e-15 (tested against Math.tanh), about three
	 * times faster than Math.tanh because Math.exp is a JIT intrinsic. Saturates to ±1 without overflow trouble.
	 */
	public static void tanh(final double[] x, final double[] r, final int n) {
		for (int i = 0; i < n; i++) r[i] = tanh(x[i]);
	}

	public static double tanh(final double x) {
		return 1 - 2 / (Math.exp(2 * x) + 1);
	}

	/** out = Σ_j cols[j]·v[j] in single precision (the float path of the rate network); skips zero coefficients. */
	public static void matVecColumns(final float[][] cols, final float[] v, final float[] out) {
		final int n = out.length;
		java.util.Arrays.fill(out, 0, n, 0f);
		for (int j = 0; j < cols.length; j++) {
			final float a = v[j];
			if (a == 0) continue;
			final float[] c = cols[j];
			for (int i = 0; i < n; i++) out[i] += a * c[i];
		}
	}
}
