package org.rate2spike.rate;

import org.rate2spike.params.Param;
import org.rate2spike.params.ParamTable;
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
public record RateParams(
	@Param(name = "rate_units", value = "500", min = "1", description = "Ñ, units of the driven rate network") int units,
	@Param(name = "tau_rate", value = "0.01", min = "0", minOpen = true, unit = "s", description = "τx, time constant of the rate units") double tau,
	@Param(name = "rate_gain", value = "1.4", min = "0", description = "g̃, gain of the rate network's random recurrent weights") double gain,
	@Param(name = "frac_pca", value = "0.999", min = "0", minOpen = true, max = "1", description = "keep the fewest PCs explaining more than this fraction of f_J's second moment") double fracPca,
	@Param(name = "pcs", value = "0", min = "0", description = "a fixed number of PCs instead (0: choose by frac_pca)") int pcs,
	@Param(name = "dt", value = "0.001", min = "0", minOpen = true, unit = "s", description = "time step; must be below every time constant") double dt) {

	public static final RateParams DEFAULTS = ParamTable.defaults(RateParams.class);

	private static final ParamTable<RateParams> TABLE = ParamTable.of(RateParams.class);

	/** A copy with one parameter, by its snake_case name, set to {@code value}; e.g. {@code with("neurons", 1000)}. */
	public RateParams with(final String name, final Object value) {
		return TABLE.with(this, name, value);
	}

	public RateParams validate() {
		ParamTable.check(this);
		Check.resolves("tau_rate", tau, dt);
		if (pcs > units) throw new ParameterException("pcs", "asks for " + pcs + " components but the rate network has only " +
			units + " units; use pcs <= rate_units or 0");
		return this;
	}

}
