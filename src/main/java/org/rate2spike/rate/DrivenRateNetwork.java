package org.rate2spike.rate;

import org.rate2spike.kernels.Kernels;
import org.rate2spike.task.Trial;

/**
 * The driven rate network, the source of the teacher signal: τx dx/dt = −x + f_J + ũ_in·f_in with
 * f_J = J̃·tanh(x) + ũ_out·f_out, integrated exactly over each step with f_J held constant. State arrays are
 * allocated once and reused; {@link #step} allocates nothing.
 */
public final class DrivenRateNetwork {

	/**
	 * Single precision for J̃·tanh(x) (J̃ stored as float, float sums): about 1.8× faster, because J̃ then takes half
	 * the cache; x and its update stay double. Off unless {@code -Drate2spike.rateFloat=true}: it changes results
	 * at the 1e-6 level (see README, Performance).
	 */
	public static final boolean SINGLE_PRECISION = Boolean.getBoolean("rate2spike.rateFloat");

	private final double[][] columns; // J̃ by columns, so that J̃·r is a sum of axpys
	private final float[][] floatColumns;
	private final float[] floatR, floatFJ;
	private final double[][] outputDrive;
	private final double[][] inputDrive;
	private final double decay;
	private final double[] x;
	private final double[] r;
	private final double[] fJ;
	private final int[] nonzero; // scratch of the fused product

	public DrivenRateNetwork(final RateConnectivity c, final double tau, final double dt, final double[] x0) {
		final int n = c.units();
		columns = SINGLE_PRECISION ? null : new double[n][n];
		floatColumns = SINGLE_PRECISION ? new float[n][n] : null;
		for (int i = 0; i < n; i++)
			for (int j = 0; j < n; j++) {
				if (SINGLE_PRECISION) floatColumns[j][i] = (float) c.recurrent()[i][j];
				else columns[j][i] = c.recurrent()[i][j];
			}
		floatR = SINGLE_PRECISION ? new float[n] : null;
		floatFJ = SINGLE_PRECISION ? new float[n] : null;
		outputDrive = c.outputDrive();
		inputDrive = c.inputDrive();
		decay = Math.exp(-dt / tau);
		x = new double[n];
		r = new double[n];
		fJ = new double[n];
		nonzero = new int[n];
		reset(x0);
	}

	public void reset(final double[] x0) {
		System.arraycopy(x0, 0, x, 0, x.length);
		Kernels.tanh(x, r, x.length);
		if (SINGLE_PRECISION) for (int i = 0; i < x.length; i++) floatR[i] = (float) r[i];
	}

	/** Computes f_J for step t of the trial from the current state, then advances x by one step. */
	public void step(final Trial trial, final int t) {
		final int n = x.length;
		if (SINGLE_PRECISION) {
			Kernels.matVecColumns(floatColumns, floatR, floatFJ);
			for (int i = 0; i < n; i++) fJ[i] = floatFJ[i];
		}
		else Kernels.matVecColumnsFused(columns, r, fJ, n, nonzero);
		final double[][] out = trial.output();
		for (int k = 0; k < out.length; k++) Kernels.axpy(out[k][t], outputDrive[k], fJ, n);
		final double[][] in = trial.input();
		for (int i = 0; i < n; i++) {
			double inf = fJ[i];
			for (int k = 0; k < in.length; k++) inf += inputDrive[k][i] * in[k][t];
			final double xi = inf + (x[i] - inf) * decay;
			x[i] = xi;
		}
		Kernels.tanh(x, r, n);
		if (SINGLE_PRECISION) for (int i = 0; i < n; i++) floatR[i] = (float) r[i];
	}

	/** The teacher signal f_J of the last step (J̃·tanh(x) + ũ_out·f_out, before the update). Do not modify. */
	public double[] teacher() {
		return fJ;
	}

	public double[] state() {
		return x;
	}

	public int units() {
		return x.length;
	}
}
