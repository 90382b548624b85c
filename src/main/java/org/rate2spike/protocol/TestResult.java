package org.rate2spike.protocol;

import java.util.Arrays;

/**
 * What a test run measured.
 *
 * @param nmse per test trial, Σ‖z − f_out‖² / Σ‖f_out‖²
 * @param meanRateHz total spikes / (N × steps × dt) over the test trials
 * @param spikeCounts per neuron, over the test trials
 * @param outputs z of each test trial, [trial][channel][step]
 * @param targets f_out of each test trial, [trial][channel][step]
 * @param spikeNeuron neuron of each spike in the test trials, in time order
 * @param spikeStep step (counted from the first test trial) of each spike
 * @param stepsPerTrial steps of each test trial
 * @param dt time step (s)
 * @param seconds wall time
 * @param partial true when cancelled before all test trials ran
 */
public record TestResult(double[] nmse, double meanRateHz, int[] spikeCounts, double[][][] outputs, double[][][] targets,
	int[] spikeNeuron, int[] spikeStep, int[] stepsPerTrial, double dt, double seconds, boolean partial) {

	public double medianNmse() {
		return Metrics.median(nmse);
	}

	public double meanNmse() {
		return Arrays.stream(nmse).average().orElse(Double.NaN);
	}

	public int trials() {
		return nmse.length;
	}

	/** Per-neuron firing rates over the test trials (Hz). */
	public double[] rates() {
		long steps = 0;
		for (final int s : stepsPerTrial) steps += s;
		final double seconds = steps * dt;
		final double[] r = new double[spikeCounts.length];
		for (int i = 0; i < r.length; i++) r[i] = spikeCounts[i] / seconds;
		return r;
	}
}
