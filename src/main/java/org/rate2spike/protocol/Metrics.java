package org.rate2spike.protocol;

import java.util.Arrays;

/** Scores and summary statistics. */
public final class Metrics {

	private Metrics() {}

	/** Median, NaN for an empty array. */
	public static double median(final double[] values) {
		if (values.length == 0) return Double.NaN;
		final double[] s = values.clone();
		Arrays.sort(s);
		final int m = s.length / 2;
		return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
	}

	/** Normalised squared error Σ err² / Σ target²; when the target is all zero, the plain error sum per step. */
	public static double nmse(final double errorSq, final double targetSq, final long steps) {
		if (targetSq > 0) return errorSq / targetSq;
		return steps > 0 ? errorSq / steps : Double.NaN;
	}

	/** Coefficients of variation of the inter-spike intervals, per neuron (NaN for fewer than 3 spikes). */
	public static double[] isiCv(final int[] spikeNeuron, final int[] spikeStep, final int neurons) {
		final int[] count = new int[neurons];
		final int[] last = new int[neurons];
		final double[] sum = new double[neurons], sumSq = new double[neurons];
		Arrays.fill(last, -1);
		for (int q = 0; q < spikeNeuron.length; q++) {
			final int i = spikeNeuron[q];
			if (last[i] >= 0) {
				final double isi = spikeStep[q] - last[i];
				sum[i] += isi;
				sumSq[i] += isi * isi;
				count[i]++;
			}
			last[i] = spikeStep[q];
		}
		final double[] cv = new double[neurons];
		for (int i = 0; i < neurons; i++) {
			if (count[i] < 2) {
				cv[i] = Double.NaN;
				continue;
			}
			final double mean = sum[i] / count[i];
			final double var = Math.max(0, sumSq[i] / count[i] - mean * mean);
			cv[i] = Math.sqrt(var) / mean;
		}
		return cv;
	}
}
