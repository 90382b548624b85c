package org.rate2spike.spiking;

import org.rate2spike.params.Param;
import org.rate2spike.params.ParamTable;
import org.rate2spike.util.Check;

/**
 * Parameters of the spiking network and of its RLS training. Voltages are dimensionless (threshold 0, reset −10).
 *
 * @param neurons N
 * @param trainedFraction fraction of neurons whose traces feed the learned feedback and readout (n = round(f·N))
 * @param feedbackGain g_z, norm of the projection U = g_z·Q
 * @param inhibition μf, global fast inhibition μf/(τf·N)·Σ fast traces
 * @param slowGain gs, random slow recurrent weights gs/(τs√N)·N(0,1)
 * @param fastGain gf, random fast recurrent weights gf/(τf√N)·N(0,1)
 * @param tauM membrane time constant (s)
 * @param tauS slow synaptic time constant (s)
 * @param tauF fast synaptic time constant (s)
 * @param threshold spike threshold V_th
 * @param reset a spiking neuron is reset to V_th + reset
 * @param rlsInterval DTRLS: an RLS update happens with probability 1/DTRLS per step
 * @param rlsRegularizer α, initial P = I/α
 * @param initialVoltage V starts at this scale times N(0,1)
 * @param maxRateHz divergence guard: training stops when a trial's population rate exceeds this
 */
public record SpikingParams(
	@Param(name = "neurons", value = "500", min = "1", description = "N, spiking neurons") int neurons,
	@Param(name = "trained_fraction", value = "0.4", min = "0", minOpen = true, max = "1", description = "fraction of neurons whose synaptic traces are read out (n = round(f·N))") double trainedFraction,
	@Param(name = "gz", value = "6", min = "0", description = "g_z, gain of the factor feedback projection U = g_z·Q") double feedbackGain,
	@Param(name = "mu_f", value = "-0.3", description = "μf, strength of the global fast inhibition") double inhibition,
	@Param(name = "gs", value = "0", min = "0", description = "gain of the random slow recurrent weights") double slowGain,
	@Param(name = "gf", value = "0", min = "0", description = "gain of the random fast recurrent weights") double fastGain,
	@Param(name = "tau_m", value = "0.01", min = "0", minOpen = true, unit = "s", description = "τm, membrane time constant") double tauM,
	@Param(name = "tau_s", value = "0.1", min = "0", minOpen = true, unit = "s", description = "τs, slow synaptic time constant") double tauS,
	@Param(name = "tau_f", value = "0.005", min = "0", minOpen = true, unit = "s", description = "τf, fast synaptic time constant") double tauF,
	@Param(name = "v_threshold", value = "0", description = "spike threshold (dimensionless)") double threshold,
	@Param(name = "v_reset", value = "-10", max = "0", maxOpen = true, description = "reset relative to threshold (negative)") double reset,
	// The reference uses 2; with an update every 2 steps RLS corrects each deviation before it grows and the trained loop
	// can be unstable once learning stops (N = 1000 fell off the target); 10 lets it learn to correct its own drift
	// (docs/fit-quality.md).
	@Param(name = "dt_rls", value = "10", min = "1", unit = "steps", description = "mean number of steps between RLS updates") double rlsInterval,
	@Param(name = "rls_alpha", value = "1", min = "0", minOpen = true, description = "RLS regulariser α: P starts as I/α") double rlsRegularizer,
	@Param(name = "v_init", value = "0.001", min = "0", description = "scale of the random initial membrane potentials") double initialVoltage,
	@Param(name = "max_rate_hz", value = "200", min = "0", minOpen = true, unit = "Hz", description = "divergence guard: stop when a trial's population rate exceeds this") double maxRateHz) {

	public static final SpikingParams DEFAULTS = ParamTable.defaults(SpikingParams.class);

	private static final ParamTable<SpikingParams> TABLE = ParamTable.of(SpikingParams.class);

	/** A copy with one parameter, by its snake_case name, set to {@code value}; e.g. {@code with("neurons", 1000)}. */
	public SpikingParams with(final String name, final Object value) {
		return TABLE.with(this, name, value);
	}

	/** n, the number of trained presynaptic neurons. */
	public int trained() {
		return Math.max(1, (int) Math.round(trainedFraction * neurons));
	}

	public SpikingParams validate(final double dt) {
		ParamTable.check(this);
		Check.resolves("tau_m", tauM, dt);
		Check.resolves("tau_s", tauS, dt);
		Check.resolves("tau_f", tauF, dt);
		return this;
	}

}
