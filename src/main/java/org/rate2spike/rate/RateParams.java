package org.rate2spike.rate;

import org.rate2spike.util.Check;
import org.rate2spike.util.ParameterException;

/**
 * Parameters of the driven rate network and its PCA.
 *
 * @param units Ñ, number of tanh units
 * @param tau τx, the units' time constant (s)
 * @param gain g̃, gain of the random recurrent matrix J̃ = g̃·N(0,1)/√Ñ
 * @param fracPca keep the fewest leading PCs whose eigenvalue fraction exceeds this
 * @param pcs a fixed number of PCs instead (0: choose by fracPca)
 * @param dt the time step (s)
 */
public record RateParams(int units, double tau, double gain, double fracPca, int pcs, double dt) {

	public static final RateParams DEFAULTS = new RateParams(500, 0.01, 1.4, 0.999, 0, 0.001);

	public RateParams validate() {
		Check.atLeast("rate_units", units, 1);
		Check.positive("dt", dt);
		Check.positive("tau_rate", tau);
		Check.resolves("tau_rate", tau, dt);
		Check.nonNegative("rate_gain", gain);
		Check.fraction("frac_pca", fracPca);
		if (pcs < 0) throw new ParameterException("pcs", "must be 0 (choose by frac_pca) or a positive count (got " + pcs + ")");
		if (pcs > units) throw new ParameterException("pcs", "asks for " + pcs + " components but the rate network has only " +
			units + " units; use pcs <= rate_units or 0");
		return this;
	}

	public RateParams withUnits(final int v) { return new RateParams(v, tau, gain, fracPca, pcs, dt); }
	public RateParams withTau(final double v) { return new RateParams(units, v, gain, fracPca, pcs, dt); }
	public RateParams withGain(final double v) { return new RateParams(units, tau, v, fracPca, pcs, dt); }
	public RateParams withFracPca(final double v) { return new RateParams(units, tau, gain, v, pcs, dt); }
	public RateParams withPcs(final int v) { return new RateParams(units, tau, gain, fracPca, v, dt); }
	public RateParams withDt(final double v) { return new RateParams(units, tau, gain, fracPca, pcs, v); }
}
