package org.rate2spike.learn;


import org.rate2spike.kernels.Kernels;

/**
 * The learned linear maps from the traces s (length 2n) to the feedback factors ẑ = W·s (ñ of them) and to the
 * output z = w·s (one per output channel). Stored together and transposed, D[j] = [W[:, j]; w[:, j]], so that both
 * the product and the RLS update are sums of axpys of length ñ + outputs.
 */
public final class Decoders {

	private final int factors, outputs;
	private final double[][] columns; // [2n][factors + outputs]
	private final double[] result;
	private final int[] nonzero; // scratch of apply

	public Decoders(final int traces, final int factors, final int outputs) {
		this.factors = factors;
		this.outputs = outputs;
		columns = new double[traces][factors + outputs];
		result = new double[factors + outputs];
		nonzero = new int[traces];
	}

	/** From W (ñ × 2n) and w (outputs × 2n). */
	public static Decoders of(final double[][] feedbackW, final double[][] readoutW) {
		final int traces = feedbackW.length > 0 ? feedbackW[0].length : readoutW[0].length;
		final Decoders d = new Decoders(traces, feedbackW.length, readoutW.length);
		for (int j = 0; j < traces; j++) {
			for (int k = 0; k < feedbackW.length; k++) d.columns[j][k] = feedbackW[k][j];
			for (int k = 0; k < readoutW.length; k++) d.columns[j][feedbackW.length + k] = readoutW[k][j];
		}
		return d;
	}

	/** [ẑ; z] for traces s; the returned array is reused by the next call. */
	public double[] apply(final double[] s) {
		Kernels.matVecColumnsFused(columns, s, result, result.length, nonzero);
		return result;
	}

	/** D ← D − error·kᵀ with gain k = c·ps, error = [ẑ − f_PC; z − f_out]. */
	public void update(final double[] error, final double c, final double[] ps) {
		final int m = result.length;
		for (int j = 0; j < columns.length; j++) Kernels.axpy(-c * ps[j], error, columns[j], m);
	}

	/**
	 * Projects W (not the output readout w) onto the sign constraints: column j of W is set to max(W[:, j], 0) where
	 * {@code sign[j] > 0}, to min(W[:, j], 0) where {@code sign[j] < 0}, and left alone where it is 0. Called after each
	 * RLS update, this is projected RLS: P is unchanged, the weights are clipped back into the allowed orthant.
	 */
	public void projectSigns(final int[] sign) {
		for (int j = 0; j < columns.length; j++) {
			final double[] c = columns[j];
			if (sign[j] > 0) { for (int k = 0; k < factors; k++) if (c[k] < 0) c[k] = 0; }
			else if (sign[j] < 0) for (int k = 0; k < factors; k++) if (c[k] > 0) c[k] = 0;
		}
	}

	/** A copy of the weights into {@code into} (allocated when null), for {@link #restore}. */
	public double[][] snapshot(final double[][] into) {
		final double[][] c = into != null ? into : new double[columns.length][columns[0].length];
		for (int j = 0; j < columns.length; j++) System.arraycopy(columns[j], 0, c[j], 0, columns[j].length);
		return c;
	}

	/** Whether every weight is a finite number. */
	public boolean finite() {
		for (final double[] c : columns) for (final double w : c) if (!Double.isFinite(w)) return false;
		return true;
	}

	public void restore(final double[][] snapshot) {
		for (int j = 0; j < columns.length; j++) System.arraycopy(snapshot[j], 0, columns[j], 0, columns[j].length);
	}

	/** W, ñ × 2n. */
	public double[][] feedbackWeights() {
		return rows(0, factors);
	}

	/** w, outputs × 2n. */
	public double[][] readoutWeights() {
		return rows(factors, outputs);
	}

	private double[][] rows(final int from, final int count) {
		final double[][] r = new double[count][columns.length];
		for (int j = 0; j < columns.length; j++)
			for (int k = 0; k < count; k++) r[k][j] = columns[j][from + k];
		return r;
	}

	public int factors() {
		return factors;
	}

	public int outputs() {
		return outputs;
	}

	public int traces() {
		return columns.length;
	}
}
