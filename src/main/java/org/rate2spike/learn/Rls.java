package org.rate2spike.learn;

import org.rate2spike.kernels.Kernels;

/**
 * Recursive least squares with one inverse correlation matrix P (2n × 2n, initially I/α) shared by every decoder:
 * k = P·s/(1 + sᵀ·P·s), P ← P − (P·s)·kᵀ, D ← D − e·kᵀ with the a-priori errors e.
 */
public final class Rls {

	private final double[][] p;
	private final double[] ps;
	private final double initial;

	public Rls(final int size, final double alpha) {
		p = new double[size][size];
		for (int i = 0; i < size; i++) p[i][i] = 1 / alpha;
		initial = 1 / alpha;
		ps = new double[size];
	}

	/** One update of P and of the decoders, given traces s and errors e = [ẑ − f_PC; z − f_out]. */
	public void update(final double[] s, final double[] error, final Decoders decoders) {
		final double c = Kernels.rlsUpdateP(p, s, ps);
		decoders.update(error, c, ps);
	}

	/**
	 * False when P has gone non-finite or its diagonal has grown far above its start (P should only shrink under
	 * RLS; growth means round-off has broken its positive definiteness). O(2n) per call.
	 */
	public boolean healthy() {
		final double limit = 1e6 * initial;
		for (int i = 0; i < p.length; i++) {
			final double d = p[i][i];
			if (!Double.isFinite(d) || Math.abs(d) > limit) return false;
		}
		return true;
	}

	/** P itself (not a copy). */
	public double[][] matrix() {
		return p;
	}
}
