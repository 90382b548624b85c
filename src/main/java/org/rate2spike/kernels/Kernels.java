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
}
