package org.rate2spike.rate;

import org.rate2spike.kernels.Kernels;
import org.rate2spike.task.Trial;

/**
 * The driven rate network, the source of the teacher signal: τx dx/dt = −x + f_J + ũ_in·f_in with
 * f_J = J̃·tanh(x) + ũ_out·f_out, integrated exactly over each step with f_J held constant. State arrays are
 * allocated once and reused; {@link #step} allocates nothing.
 */
public final class DrivenRateNetwork {

	private final double[][] columns; // J̃ by columns, so that J̃·r is a sum of axpys
	private final double[][] outputDrive;
	private final double[][] inputDrive;
	private final double decay;
	private final double[] x;
	private final double[] r;
	private final double[] fJ;

	public DrivenRateNetwork(final RateConnectivity c, final double tau, final double dt, final double[] x0) {
		final int n = c.units();
		columns = new double[n][n];
		for (int i = 0; i < n; i++)
			for (int j = 0; j < n; j++) columns[j][i] = c.recurrent()[i][j];
		outputDrive = c.outputDrive();
		inputDrive = c.inputDrive();
		decay = Math.exp(-dt / tau);
		x = new double[n];
		r = new double[n];
		fJ = new double[n];
		reset(x0);
	}

	public void reset(final double[] x0) {
		System.arraycopy(x0, 0, x, 0, x.length);
		for (int i = 0; i < x.length; i++) r[i] = Math.tanh(x[i]);
	}

	/** Computes f_J for step t of the trial from the current state, then advances x by one step. */
	public void step(final Trial trial, final int t) {
		final int n = x.length;
		Kernels.matVecColumns(columns, r, fJ);
		final double[][] out = trial.output();
		for (int k = 0; k < out.length; k++) Kernels.axpy(out[k][t], outputDrive[k], fJ, n);
		final double[][] in = trial.input();
		for (int i = 0; i < n; i++) {
			double inf = fJ[i];
			for (int k = 0; k < in.length; k++) inf += inputDrive[k][i] * in[k][t];
			final double xi = inf + (x[i] - inf) * decay;
			x[i] = xi;
			r[i] = Math.tanh(xi);
		}
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
