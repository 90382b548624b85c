package org.rate2spike.protocol;

import org.rate2spike.rate.RateTargets;
import org.rate2spike.task.Trial;

/** f_PC = uPCᵀ a(t) from the recorded population activity a(t) that the trial carries ({@link ActivityTargets}). */
final class DataFactorSource implements FactorSource {

	private final double[][] pcs;

	DataFactorSource(final RateTargets targets) {
		this.pcs = targets.basis().components();
	}

	@Override
	public int factors() {
		return pcs.length;
	}

	@Override
	public void reset() {
		// nothing to restart: the activity is data
	}

	@Override
	public void step(final Trial trial, final int t, final double[] out) {
		final double[][] a = trial.activity();
		for (int k = 0; k < pcs.length; k++) {
			final double[] u = pcs[k];
			double sum = 0;
			for (int i = 0; i < u.length; i++) sum += u[i] * a[i][t];
			out[k] = sum;
		}
	}
}
