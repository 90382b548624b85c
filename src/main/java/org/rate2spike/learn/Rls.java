package org.rate2spike.learn;

import org.rate2spike.kernels.Kernels;

/**
 * Recursive least squares with one inverse correlation matrix P (2n × 2n, initially I/α) shared by every decoder:
 * k = P·s/(1 + sᵀ·P·s), P ← P − (P·s)·kᵀ, D ← D − e·kᵀ with the a-priori errors e.
 */
public final class Rls {

	private final double[][] p;
	private final double[] ps;

	public Rls(final int size, final double alpha) {
		p = new double[size][size];
		for (int i = 0; i < size; i++) p[i][i] = 1 / alpha;
		ps = new double[size];
	}

	/** One update of P and of the decoders, given traces s and errors e = [ẑ − f_PC; z − f_out]. */
	public void update(final double[] s, final double[] error, final Decoders decoders) {
		final double c = Kernels.rlsUpdateP(p, s, ps);
		decoders.update(error, c, ps);
	}

	/** P itself (not a copy). */
	public double[][] matrix() {
		return p;
	}
}
