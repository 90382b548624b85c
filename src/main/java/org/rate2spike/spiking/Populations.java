package org.rate2spike.spiking;

/**
 * How the N spiking neurons split into populations: neurons [0, excitatory) are the first population and
 * [excitatory, N) the second. One population (excitatory = N) is the method's network; an E/I network has two.
 * Neuron models, fixed synapses and the analysis address populations through these index ranges only.
 *
 * @param neurons N
 * @param excitatory size of the first population (N when there is only one)
 */
public record Populations(int neurons, int excitatory) {

	public Populations {
		if (neurons < 1 || excitatory < 1 || excitatory > neurons) throw new IllegalArgumentException(
			"populations of " + excitatory + " and " + (neurons - excitatory) + " neurons do not split N = " + neurons);
	}

	/** One population of all N neurons. */
	public static Populations single(final int neurons) {
		return new Populations(neurons, neurons);
	}

	/** The populations the parameters ask for: one, or E = [0, round(f·N)) and I = the rest when excitatory_fraction f &lt; 1. */
	public static Populations of(final SpikingParams p) {
		if (p.excitatoryFraction() >= 1) return single(p.neurons());
		final int e = (int) Math.round(p.excitatoryFraction() * p.neurons());
		if (e >= p.neurons()) throw new IllegalArgumentException("excitatory_fraction " + p.excitatoryFraction() +
			" leaves no inhibitory neuron of N = " + p.neurons());
		return new Populations(p.neurons(), e);
	}

	/** Whether neurons [excitatory, N) form an inhibitory population (Dale's law applies). */
	public boolean dale() {
		return count() == 2;
	}

	/** Size of population {@code k}. */
	public int size(final int k) {
		return end(k) - start(k);
	}

	/** 1 or 2. */
	public int count() {
		return excitatory == neurons ? 1 : 2;
	}

	/** First neuron of population {@code k}. */
	public int start(final int k) {
		return k == 0 ? 0 : excitatory;
	}

	/** One past the last neuron of population {@code k}. */
	public int end(final int k) {
		return k == 0 ? excitatory : neurons;
	}

	/** The population neuron {@code i} belongs to. */
	public int of(final int i) {
		return i < excitatory ? 0 : 1;
	}

	/** "all" for one population, "E" and "I" for two. */
	public String name(final int k) {
		return count() == 1 ? "all" : k == 0 ? "E" : "I";
	}
}
