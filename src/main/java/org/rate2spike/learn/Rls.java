package org.rate2spike.learn;

import org.rate2spike.kernels.Kernels;
import org.rate2spike.kernels.Workers;

/**
 * Recursive least squares with one inverse correlation matrix P (2n × 2n, initially I/α) shared by every decoder:
 * k = P·s/(1 + sᵀ·P·s), P ← P − (P·s)·kᵀ, D ← D − e·kᵀ with the a-priori errors e.
 * <p>
 * How it is computed (the equations above are unchanged): the traces s = [slow; fast] only decay and jump by 1
 * where a trained neuron spikes, so when the caller reports every step ({@link #advance}) the products
 * q_slow = P₀[:, slow]·s_slow and q_fast = P₀[:, fast]·s_fast are carried along in O(2n·spikes) per step instead of
 * being recomputed in O((2n)²). The rank-1 updates of P are kept pending (P = P₀ − Σ c_m·u_m·u_mᵀ) and applied
 * together every {@link #pendingLimit()} updates in one cache-friendly sweep ({@link Kernels#rankUpdate}, split over
 * rows between threads). P·s = q_slow + q_fast − Σ c_m·u_m·(u_m·s). P itself ends up bit-identical to applying the
 * updates one by one with the same gains; the gains differ from a direct P·s only by summation order (round-off).
 * Without {@link #advance} calls every update computes P·s directly, as the plain method does.
 */
public final class Rls {

	private final int size, half;
	private final double[][] p;
	private final double[] ps;
	private double initial;
	private final int limit;
	private final double[][] pending;
	private final double[] negC;
	private int count;
	private final double[] qSlow, qFast;
	private boolean tracking, valid;

	public Rls(final int size, final double alpha) {
		this.size = size;
		this.half = size / 2;
		p = new double[size][size];
		for (int i = 0; i < size; i++) p[i][i] = 1 / alpha;
		initial = 1 / alpha;
		ps = new double[size];
		limit = size >= 2048 ? 64 : size >= 1024 ? 32 : 16;
		pending = new double[limit][size];
		negC = new double[limit];
		qSlow = new double[size];
		qFast = new double[size];
	}

	/**
	 * Everything an RLS run carries from one step to the next, for checkpoints: P as it stands (pending updates not
	 * applied), the pending updates and their gains, the carried products P·s, and whether they are in use. Restoring
	 * it continues bit for bit as if never interrupted.
	 *
	 * @param flags {tracking, valid} as 0/1
	 */
	public record Snapshot(double[][] p, double[][] pending, double[] negC, double[] qSlow, double[] qFast, int[] flags) {}

	public Snapshot snapshot() {
		final double[][] pc = new double[size][];
		for (int i = 0; i < size; i++) pc[i] = p[i].clone();
		final double[][] pend = new double[count][];
		for (int m = 0; m < count; m++) pend[m] = pending[m].clone();
		return new Snapshot(pc, pend, java.util.Arrays.copyOf(negC, count), qSlow.clone(), qFast.clone(),
			new int[] { tracking ? 1 : 0, valid ? 1 : 0 });
	}

	public void restore(final Snapshot st) {
		if (st.p().length != size || st.pending().length > limit) throw new IllegalArgumentException("an RLS state of size " +
			st.p().length + " does not fit this RLS of size " + size);
		for (int i = 0; i < size; i++) System.arraycopy(st.p()[i], 0, p[i], 0, size);
		count = st.pending().length;
		for (int m = 0; m < count; m++) System.arraycopy(st.pending()[m], 0, pending[m], 0, size);
		System.arraycopy(st.negC(), 0, negC, 0, count);
		System.arraycopy(st.qSlow(), 0, qSlow, 0, size);
		System.arraycopy(st.qFast(), 0, qFast, 0, size);
		tracking = st.flags()[0] == 1;
		valid = st.flags()[1] == 1;
	}

	/** Pending rank-1 updates applied together. */
	public int pendingLimit() {
		return limit;
	}

	/**
	 * Reports one time step of the traces: s_slow ← decaySlow·s_slow, s_fast ← decayFast·s_fast, then +1 on both
	 * traces of each trained neuron listed (positions 0..n−1). Once called, it must be called after every step.
	 */
	public void advance(final double decaySlow, final double decayFast, final int[] trainedSpikes, final int spikes) {
		tracking = true;
		if (!valid) return;
		Kernels.scale(decaySlow, qSlow, size);
		Kernels.scale(decayFast, qFast, size);
		for (int q = 0; q < spikes; q++) {
			final int k = trainedSpikes[q];
			Kernels.axpy(1, p[k], qSlow, size); // P₀ symmetric: column k = row k
			Kernels.axpy(1, p[half + k], qFast, size);
		}
	}

	/** One update of P and of the decoders, given traces s and errors e = [ẑ − f_PC; z − f_out]. */
	public void update(final double[] s, final double[] error, final Decoders decoders) {
		if (!tracking) {
			flushMatrix();
			final double c = Kernels.rlsUpdateP(p, s, ps);
			decoders.update(error, c, ps, s);
			return;
		}
		if (!valid) {
			flushMatrix();
			matVecHalf(0, half, s, qSlow);
			matVecHalf(half, size, s, qFast);
			valid = true;
		}
		for (int i = 0; i < size; i++) ps[i] = qSlow[i] + qFast[i];
		for (int m = 0; m < count; m++) Kernels.axpy(negC[m] * Kernels.dot(pending[m], s, size), pending[m], ps, size);
		final double c = 1.0 / (1.0 + Kernels.dot(s, ps, size));
		System.arraycopy(ps, 0, pending[count], 0, size);
		negC[count++] = -c;
		decoders.update(error, c, ps, s);
		if (count == limit) {
			for (int m = 0; m < count; m++) {
				final double[] u = pending[m];
				Kernels.axpy(negC[m] * dot(u, s, 0, half), u, qSlow, size);
				Kernels.axpy(negC[m] * dot(u, s, half, size), u, qFast, size);
			}
			flushMatrix();
		}
	}

	/**
	 * A prior per trace: P₀ = diag(scale)/α instead of I/α (ridge penalties α/scale[j]), before any update. Sign-constrained
	 * training gives the fewer inhibitory traces a larger scale, so that their summed weight can balance the excitatory.
	 */
	public void scalePrior(final double[] scale) {
		if (scale.length != size) throw new IllegalArgumentException("a prior of " + scale.length + " traces for an RLS of " + size);
		double max = 0;
		for (int i = 0; i < size; i++) {
			p[i][i] *= scale[i];
			max = Math.max(max, p[i][i]);
		}
		initial = max;
	}

	/**
	 * False when P has gone non-finite or its diagonal has grown far above its start (P should only shrink under
	 * RLS; growth means round-off has broken its positive definiteness). O(2n) per call.
	 */
	public boolean healthy() {
		final double bound = 1e6 * initial;
		for (int i = 0; i < p.length; i++) {
			final double d = p[i][i];
			if (!Double.isFinite(d) || Math.abs(d) > bound) return false;
		}
		return true;
	}

	private void flushMatrix() {
		if (count == 0) return;
		final int k = count;
		Workers.forRange(size, 256, (from, to) -> Kernels.rankUpdate(p, from, to, pending, negC, k));
		count = 0;
	}

	private void matVecHalf(final int from, final int to, final double[] s, final double[] out) {
		java.util.Arrays.fill(out, 0);
		for (int j = from; j < to; j++) if (s[j] != 0) Kernels.axpy(s[j], p[j], out, size);
	}

	private static double dot(final double[] a, final double[] b, final int from, final int to) {
		double s0 = 0, s1 = 0;
		int i = from;
		for (; i + 1 < to; i += 2) {
			s0 += a[i] * b[i];
			s1 += a[i + 1] * b[i + 1];
		}
		if (i < to) s0 += a[i] * b[i];
		return s0 + s1;
	}

	/** P itself (not a copy), with every pending update applied. */
	public double[][] matrix() {
		flushMatrix();
		valid = false; // q is brought up to date from P and s at the next update
		return p;
	}

	/** Bytes held: P, the pending updates and the vectors. */
	public long bytes() {
		return 8L * size * size + 8L * limit * size + 8L * 3 * size;
	}
}
