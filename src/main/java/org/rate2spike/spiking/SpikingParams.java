package org.rate2spike.spiking;

import org.rate2spike.params.Param;
import org.rate2spike.params.ParamTable;
import org.rate2spike.spiking.neuron.NeuronModel;
import org.rate2spike.util.Check;
import org.rate2spike.util.ParameterException;

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
 * @param neuronModel the first (or only) population's neuron model ({@link NeuronModel} keys)
 * @param neuronModelI the second population's model, or {@code same}
 * @param tauAdapt τw, time constant of the adaptation current (alif)
 * @param adaptJump b, what each spike adds to the adaptation current (alif; units of V)
 * @param izhGain Izhikevich input per unit of V∞: I = izh_bias + izh_gain·V∞
 * @param izhBias Izhikevich input at V∞ = 0
 * @param thetaGain theta neuron input per unit of V∞: I = theta_gain·V∞
 * @param excitatoryFraction 1: one population with signed random weights (the method's network); below 1: the first
 *        round(f·N) neurons are excitatory, the rest inhibitory, with Dale's law on every fixed synapse
 * @param connectionP probability of each fixed random synapse (1: dense)
 * @param signConstrained train the factor readout so that the effective recurrent weights keep each trained neuron's
 *        sign (needs an E/I network)
 * @param tauMI the second population's membrane time constant (s), or 0 for tau_m
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
	@Param(name = "max_rate_hz", value = "200", min = "0", minOpen = true, unit = "Hz", description = "divergence guard: stop when a trial's population rate exceeds this") double maxRateHz,
	// the neuron models (docs/neuron-models.md): kept together at the end
	@Param(name = "neuron_model", value = "lif", choices = { "lif", "alif", "izhikevich_rs", "izhikevich_fs", "theta" }, description = "neuron model: lif, alif (adaptive LIF), izhikevich_rs, izhikevich_fs (Izhikevich regular/fast spiking) or theta (quadratic integrate-and-fire)") String neuronModel,
	@Param(name = "neuron_model_i", value = "same", choices = { "same", "lif", "alif", "izhikevich_rs", "izhikevich_fs", "theta" }, description = "the second (inhibitory) population's neuron model, or same") String neuronModelI,
	@Param(name = "tau_adapt", value = "0.1", min = "0", minOpen = true, unit = "s", description = "τw, time constant of the adaptation current (alif)") double tauAdapt,
	@Param(name = "adapt_jump", value = "1", min = "0", description = "b, what each spike adds to the adaptation current (alif; units of V)") double adaptJump,
	@Param(name = "izh_gain", value = "10", min = "0", minOpen = true, description = "Izhikevich input per unit of drive: I = izh_bias + izh_gain·V∞") double izhGain,
	@Param(name = "izh_bias", value = "4", description = "Izhikevich input I at drive V∞ = 0 (4 is the presets' rheobase)") double izhBias,
	@Param(name = "theta_gain", value = "1", min = "0", minOpen = true, description = "theta neuron input per unit of drive: I = theta_gain·V∞") double thetaGain,
	// E/I populations and sparse fixed synapses (FixedSynapses); the defaults keep the method's dense one-population network
	@Param(name = "excitatory_fraction", value = "1", min = "0", minOpen = true, max = "1", description = "fraction of excitatory neurons; 1 keeps one population with signed random weights, below 1 (e.g. 0.8) makes E/I populations with Dale's law on the fixed synapses") double excitatoryFraction,
	@Param(name = "connection_p", value = "1", min = "0", minOpen = true, max = "1", description = "connection probability of the fixed random synapses (1: dense; below 1: stored sparsely)") double connectionP,
	@Param(name = "sign_constrained", value = "false", description = "train the factor feedback so that each trained neuron's effective recurrent weights keep its sign (needs excitatory_fraction below 1)") boolean signConstrained,
	@Param(name = "tau_m_i", value = "0", min = "0", unit = "s", description = "the second (inhibitory) population's membrane time constant τm, or 0 for tau_m") double tauMI) {

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
		if (model(0) == NeuronModel.ALIF || model(1) == NeuronModel.ALIF) Check.resolves("tau_adapt", tauAdapt, dt);
		if (excitatoryFraction < 1) {
			final int e = (int) Math.round(excitatoryFraction * neurons);
			if (e < 1 || e >= neurons) throw new ParameterException("excitatory_fraction", "of " + excitatoryFraction + " gives " + e +
				" excitatory and " + (neurons - e) + " inhibitory neurons of N = " + neurons + "; an E/I network needs at least one of " +
				"each: choose a fraction between " + 1.0 / neurons + " and " + (1 - 1.0 / neurons) + ", or 1 for one population");
			if (inhibition > 0) throw new ParameterException("mu_f", "must be 0 or negative in an E/I network (got " + inhibition +
				"): under Dale's law the global inhibition comes from the inhibitory neurons");
		}
		else if (signConstrained) throw new ParameterException("sign_constrained", "needs E/I populations: set excitatory_fraction " +
			"below 1 (e.g. 0.8) or sign_constrained to false");
		if (tauMI > 0) Check.resolves("tau_m_i", tauMI, dt);
		return this;
	}

	/** The parameters population {@code k}'s membrane uses: these, with the second population's own τm where it has one. */
	public SpikingParams membraneOf(final int k) {
		return k > 0 && tauMI > 0 ? with("tau_m", tauMI) : this;
	}

	/** The neuron model of population {@code k} (0 or 1; see {@link Populations}). */
	public NeuronModel model(final int k) {
		final boolean own = k > 0 && !neuronModelI.equals(NeuronModel.SAME);
		return own ? NeuronModel.of("neuron_model_i", neuronModelI) : NeuronModel.of("neuron_model", neuronModel);
	}

}
