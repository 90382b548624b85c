package org.rate2spike.protocol;

/**
 * The spiking network's firing over a whole test, pooled over its trials (run back to back).
 *
 * @param meanRateHz total spikes / (N × test duration)
 * @param meanIsiCv mean over neurons with at least 3 spikes of the coefficient of variation of their inter-spike
 *        intervals (NaN when none has 3)
 * @param silentFraction fraction of the N neurons without a spike in the test
 * @param saturatedFraction fraction of the N neurons firing above {@value #SATURATED_HZ} Hz over the test. The LIF
 *        neurons have no refractory period, so their only hard ceiling is one spike per step (1/dt, 1000 Hz at the
 *        default dt); a fixed 100 Hz, ten times the usual mean rate and half the default divergence guard, marks the
 *        neurons that fire far faster than the rest.
 */
public record SpikingStatistics(double meanRateHz, double meanIsiCv, double silentFraction, double saturatedFraction) {

	/** Rate above which a neuron counts as saturated (Hz). */
	public static final double SATURATED_HZ = 100;

	public static SpikingStatistics of(final TestResult r) {
		final int neurons = r.spikeCounts().length;
		long steps = 0;
		for (final int s : r.stepsPerTrial()) steps += s;
		final double seconds = steps * r.dt();
		long spikes = 0;
		int silent = 0, saturated = 0;
		for (final int c : r.spikeCounts()) {
			spikes += c;
			if (c == 0) silent++;
			if (c / seconds > SATURATED_HZ) saturated++;
		}
		double cvSum = 0;
		int cvCount = 0;
		for (final double cv : Metrics.isiCv(r.spikeNeuron(), r.spikeStep(), neurons)) {
			if (Double.isNaN(cv)) continue;
			cvSum += cv;
			cvCount++;
		}
		return new SpikingStatistics(neurons == 0 || seconds == 0 ? Double.NaN : spikes / (neurons * seconds),
			cvCount > 0 ? cvSum / cvCount : Double.NaN, neurons == 0 ? Double.NaN : silent / (double) neurons,
			neurons == 0 || seconds == 0 ? Double.NaN : saturated / (double) neurons);
	}
}
