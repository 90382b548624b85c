package org.rate2spike.kernels;

/** Plain, obviously correct versions of {@link Kernels}, for tests and benchmarks. */
public final class ReferenceKernels {

	private ReferenceKernels() {}

	public static void matVecColumns(final double[][] cols, final double[] v, final double[] out) {
		for (int i = 0; i < out.length; i++) {
			double s = 0;
			for (int j = 0; j < cols.length; j++) s += cols[j][i] * v[j];
			out[i] = s;
		}
	}

	public static double dot(final double[] a, final double[] b, final int n) {
		double s = 0;
		for (int i = 0; i < n; i++) s += a[i] * b[i];
		return s;
	}

	public static void symmetricRank1(final double[][] c, final double[] v) {
		for (int i = 0; i < v.length; i++)
			for (int j = 0; j < v.length; j++) c[i][j] += v[i] * v[j];
	}

	/** C += w·Σ_t f[t] f[t]ᵀ, t < k, one term at a time (the whole matrix). */
	public static void symmetricRankUpdate(final double[][] c, final double[][] f, final int k, final double w) {
		for (int t = 0; t < k; t++)
			for (int i = 0; i < c.length; i++)
				for (int j = 0; j < c.length; j++) c[i][j] += w * f[t][i] * f[t][j];
	}

	public static double rlsUpdateP(final double[][] p, final double[] s, final double[] ps) {
		final int n = s.length;
		for (int i = 0; i < n; i++) {
			double v = 0;
			for (int j = 0; j < n; j++) v += p[i][j] * s[j];
			ps[i] = v;
		}
		double sps = 0;
		for (int i = 0; i < n; i++) sps += s[i] * ps[i];
		final double c = 1.0 / (1.0 + sps);
		for (int i = 0; i < n; i++)
			for (int j = 0; j < n; j++) p[i][j] -= c * ps[i] * ps[j];
		return c;
	}
	/** k rank-1 updates applied one after another: p[i][j] += (negC[m]·u[m][i])·u[m][j]. */
	public static void rankUpdate(final double[][] p, final double[][] u, final double[] negC, final int k) {
		for (int m = 0; m < k; m++)
			for (int i = 0; i < p.length; i++) {
				final double a = negC[m] * u[m][i];
				for (int j = 0; j < p.length; j++) p[i][j] += a * u[m][j];
			}
	}
	public static void tanh(final double[] x, final double[] r, final int n) {
		for (int i = 0; i < n; i++) r[i] = Math.tanh(x[i]);
	}
}
