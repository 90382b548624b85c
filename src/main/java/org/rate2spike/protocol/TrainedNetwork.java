package org.rate2spike.protocol;

import org.rate2spike.rate.RateTargets;
import org.rate2spike.spiking.SpikingConnectivity;
import org.rate2spike.spiking.SpikingParams;

/**
 * The second stage's product: a spiking network that generates the factors itself. A value: save it with
 * {@code io.NetworkFile}, test it, refit its readout.
 *
 * @param targets the rate targets it was trained on
 * @param params spiking parameters
 * @param seed the seed of the spiking network's connectivity, initial state and RLS update times
 * @param counts trial counts used
 * @param connectivity the fixed connectivity
 * @param initialVoltage V at the start of every phase
 * @param meanInput Ī, the per-neuron mean input subtracted after the demean phase
 * @param feedbackWeights W, ñ × 2n
 * @param readoutWeights w, outputs × 2n
 * @param log what training measured
 */
public record TrainedNetwork(RateTargets targets, SpikingParams params, long seed, TrialCounts counts,
	SpikingConnectivity connectivity, double[] initialVoltage, double[] meanInput, double[][] feedbackWeights,
	double[][] readoutWeights, TrainingLog log) {

	public int neurons() {
		return params.neurons();
	}
}
