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
	/**
	 * Carry ẑ = W·s along with the spikes, as {@link Rls} carries P·s, instead of the full product every step (unless
	 * {@code -Drate2spike.trackDecoders=false}, read when made). Equal up to round-off, the sums being taken in another
	 * order: over seeds 1–5 of the default protocol and seeds 1–3 of the sharp EMG the test nMSE agree to 1e-13.
	 */
	private final boolean carry = Boolean.parseBoolean(System.getProperty("rate2spike.trackDecoders", "true"));
	private final double[] zSlow, zFast; // D[:, slow]·s_slow and D[:, fast]·s_fast, carried while valid
	private boolean tracking, valid;

	public Decoders(final int traces, final int factors, final int outputs) {
		this.factors = factors;
		this.outputs = outputs;
		columns = new double[traces][factors + outputs];
		result = new double[factors + outputs];
		nonzero = new int[traces];
		zSlow = carry ? new double[factors + outputs] : null;
		zFast = carry ? new double[factors + outputs] : null;
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
		if (!tracking) {
			Kernels.matVecColumnsFused(columns, s, result, result.length, nonzero);
			return result;
		}
		final int m = result.length;
		if (!valid) {
			halfProduct(0, s, zSlow);
			halfProduct(columns.length / 2, s, zFast);
			valid = true;
		}
		for (int k = 0; k < m; k++) result[k] = zSlow[k] + zFast[k];
		return result;
	}

	private void halfProduct(final int from, final double[] s, final double[] out) {
		java.util.Arrays.fill(out, 0);
		for (int j = from; j < from + columns.length / 2; j++) if (s[j] != 0) Kernels.axpy(s[j], columns[j], out, out.length);
	}

	/**
	 * Reports one step of the traces s = [slow; fast] (decay, then +1 on both traces of each trained neuron listed), so
	 * that {@link #apply} carries ẑ along instead of recomputing it; once called, it must be called after every step
	 * (a {@link #resync} starts afresh). Does nothing with {@code -Drate2spike.trackDecoders=false}.
	 */
	public void advance(final double decaySlow, final double decayFast, final int[] trainedSpikes, final int spikes) {
		if (!carry) return;
		tracking = true;
		if (!valid) return;
		final int m = result.length, half = columns.length / 2;
		Kernels.scale(decaySlow, zSlow, m);
		Kernels.scale(decayFast, zFast, m);
		for (int q = 0; q < spikes; q++) {
			final int k = trainedSpikes[q];
			Kernels.axpy(1, columns[k], zSlow, m);
			Kernels.axpy(1, columns[half + k], zFast, m);
		}
	}

	/** The next {@link #apply} computes the full product again (bounds the round-off that carrying accumulates). */
	public void resync() {
		valid = false;
	}

	/** D ← D − error·kᵀ with gain k = c·ps, error = [ẑ − f_PC; z − f_out], s the traces of this step. */
	public void update(final double[] error, final double c, final double[] ps, final double[] s) {
		final int m = result.length;
		for (int j = 0; j < columns.length; j++) Kernels.axpy(-c * ps[j], error, columns[j], m);
		if (tracking && valid) { // D·s moves by −error·c·(ps·s), per half
			final int half = columns.length / 2;
			double slow = 0, fast = 0;
			for (int j = 0; j < half; j++) slow += ps[j] * s[j];
			for (int j = half; j < columns.length; j++) fast += ps[j] * s[j];
			Kernels.axpy(-c * slow, error, zSlow, m);
			Kernels.axpy(-c * fast, error, zFast, m);
		}
	}

	/**
	 * Projects W (not the output readout w) onto the sign constraints: column j of W is set to max(W[:, j], 0) where
	 * {@code sign[j] > 0}, to min(W[:, j], 0) where {@code sign[j] < 0}, and left alone where it is 0. Called after each
	 * RLS update, this is projected RLS: P is unchanged, the weights are clipped back into the allowed orthant.
	 */
	public void projectSigns(final int[] sign) {
		valid = false;
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
		valid = false;
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
