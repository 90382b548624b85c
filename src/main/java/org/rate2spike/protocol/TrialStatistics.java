package org.rate2spike.protocol;

import java.util.Arrays;

/**
 * Per-trial scores of a test, for tables: output nMSE, mean firing rate, and the mean over neurons of the
 * coefficient of variation of their inter-spike intervals within the trial (neurons with fewer than 3 spikes in
 * the trial are left out; NaN when none has 3).
 */
public record TrialStatistics(int trial, double nmse, double meanRateHz, double meanIsiCv, int spikes) {

	public static TrialStatistics[] of(final TestResult r) {
		final int neurons = r.spikeCounts().length;
		final TrialStatistics[] rows = new TrialStatistics[r.trials()];
		long start = 0;
		int q = 0;
		for (int tr = 0; tr < r.trials(); tr++) {
			final long end = start + r.stepsPerTrial()[tr];
			final int first = q;
			while (q < r.spikeStep().length && r.spikeStep()[q] < end) q++;
			final int[] neuron = Arrays.copyOfRange(r.spikeNeuron(), first, q);
			final int[] step = Arrays.copyOfRange(r.spikeStep(), first, q);
			double cvSum = 0;
			int cvCount = 0;
			for (final double cv : Metrics.isiCv(neuron, step, neurons)) {
				if (Double.isNaN(cv)) continue;
				cvSum += cv;
				cvCount++;
			}
			final double rate = neuron.length / (neurons * (double) r.stepsPerTrial()[tr] * r.dt());
			rows[tr] = new TrialStatistics(tr + 1, r.nmse()[tr], rate, cvCount > 0 ? cvSum / cvCount : Double.NaN, neuron.length);
			start = end;
		}
		return rows;
	}
}
