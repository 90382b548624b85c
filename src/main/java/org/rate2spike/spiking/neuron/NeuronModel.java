package org.rate2spike.spiking.neuron;

import java.util.Arrays;

import org.rate2spike.spiking.SpikingParams;
import org.rate2spike.util.ParameterException;

/**
 * The neuron models a population can have, by their parameter values ({@code neuron_model}, {@code neuron_model_i}).
 * Every model receives the same dimensionless drive V∞ (threshold 0 for LIF); each maps it to its own input so that the
 * method's feedback gain range works (docs/neuron-models.md).
 */
public enum NeuronModel {

	/** Leaky integrate-and-fire: τm dV/dt = −V + V∞, reset to V_th + V_r (the method's neuron). */
	LIF("lif"),
	/** LIF with a spike-triggered adaptation current w: τm dV/dt = −V + V∞ − w, τw dw/dt = −w, w += b per spike. */
	ALIF("alif"),
	/** Izhikevich (2003), regular spiking: a 0.02, b 0.2, c −65, d 8. */
	IZHIKEVICH_RS("izhikevich_rs"),
	/** Izhikevich (2003), fast spiking: a 0.1, b 0.2, c −65, d 2. */
	IZHIKEVICH_FS("izhikevich_fs"),
	/** Theta neuron (the quadratic integrate-and-fire neuron as a phase): τm dθ/dt = 1 − cos θ + (1 + cos θ)·g·V∞. */
	THETA("theta");

	/** {@code neuron_model_i}'s value for "as the first population". */
	public static final String SAME = "same";

	private final String key;

	NeuronModel(final String key) {
		this.key = key;
	}

	/** The parameter value, e.g. {@code izhikevich_rs}. */
	public String key() {
		return key;
	}

	/** The model a parameter value names; {@code parameter} is named when there is none. */
	public static NeuronModel of(final String parameter, final String key) {
		for (final NeuronModel m : values()) if (m.key.equals(key)) return m;
		throw new ParameterException(parameter, "must be one of " + String.join(", ", keys()) + " (got '" + key + "')");
	}

	public static String[] keys() {
		return Arrays.stream(values()).map(NeuronModel::key).toArray(String[]::new);
	}

	/** The fast membrane of this model for neurons [start, end) of a network of {@code p.neurons()}. */
	public Membrane membrane(final SpikingParams p, final double dt, final int start, final int end) {
		return switch (this) {
			case LIF -> new Lif(p, dt, start, end);
			case ALIF -> new AdaptiveLif(p, dt, start, end);
			case IZHIKEVICH_RS, IZHIKEVICH_FS -> new Izhikevich(this, p, dt, start, end);
			case THETA -> new Theta(p, dt, start, end);
		};
	}

	/** The plain per-neuron version of {@link #membrane}, for tests: the same numbers, one scalar loop. */
	public Membrane reference(final SpikingParams p, final double dt, final int start, final int end) {
		return new ReferenceMembrane(this, p, dt, start, end);
	}
}
