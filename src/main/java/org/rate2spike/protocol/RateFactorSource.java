package org.rate2spike.protocol;

import org.rate2spike.kernels.Kernels;
import org.rate2spike.rate.DrivenRateNetwork;
import org.rate2spike.rate.RateTargets;
import org.rate2spike.task.Trial;

/** f_PC = uPCᵀ f_J from the driven rate network, restarted from its stored initial state in every phase. */
final class RateFactorSource implements FactorSource {

	private final RateTargets targets;
	private final DrivenRateNetwork rate;
	private final double[][] pcs;

	RateFactorSource(final RateTargets targets) {
		this.targets = targets;
		this.rate = new DrivenRateNetwork(targets.connectivity(), targets.params().tau(), targets.params().dt(),
			targets.initialState());
		this.pcs = targets.basis().components();
	}

	@Override
	public int factors() {
		return pcs.length;
	}

	@Override
	public void reset() {
		rate.reset(targets.initialState());
	}

	/** A copy of the rate network's state (x), to resume from with {@link #restoreState}. */
	double[] saveState() {
		return rate.state().clone();
	}

	/** The rate network's state x itself (not a copy; do not modify). */
	double[] currentState() {
		return rate.state();
	}

	void restoreState(final double[] x) {
		rate.reset(x);
	}

	@Override
	public void step(final Trial trial, final int t, final double[] out) {
		rate.step(trial, t);
		final double[] fJ = rate.teacher();
		for (int k = 0; k < pcs.length; k++) out[k] = Kernels.dot(pcs[k], fJ, fJ.length);
	}
}
