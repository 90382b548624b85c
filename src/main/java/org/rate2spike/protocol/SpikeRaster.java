package org.rate2spike.protocol;

/**
 * Spike times of consecutive trials, for pictures: the spikes of a test run, or of the last training trial.
 *
 * @param neurons N
 * @param stepsPerTrial steps of each trial
 * @param dt time step (s)
 * @param spikeNeuron neuron of each spike, in time order
 * @param spikeStep step of each spike, counted from the start of the first trial
 */
public record SpikeRaster(int neurons, int[] stepsPerTrial, double dt, int[] spikeNeuron, int[] spikeStep) {

	/** The spikes of every trial of a test. */
	public static SpikeRaster of(final TestResult r) {
		return new SpikeRaster(r.spikeCounts().length, r.stepsPerTrial(), r.dt(), r.spikeNeuron(), r.spikeStep());
	}

	public int trials() {
		return stepsPerTrial.length;
	}

	/** Steps of the longest trial. */
	public int maxSteps() {
		int m = 0;
		for (final int s : stepsPerTrial) m = Math.max(m, s);
		return m;
	}

	/** Step at which trial {@code trial} starts. */
	public long trialStart(final int trial) {
		long start = 0;
		for (int i = 0; i < trial; i++) start += stepsPerTrial[i];
		return start;
	}
}
