package org.rate2spike.format;

import java.util.Arrays;

/**
 * Time series of several channels in one or more conditions, as read from a table or an image: what the {@code data}
 * task turns into trials.
 *
 * @param source where the data came from (a file name), for messages
 * @param conditions the label of each condition, in order of first appearance
 * @param channels the name of each channel
 * @param values [condition][channel][sample]
 * @param times [condition][sample]: sample times in seconds, counted from the condition's first sample, increasing
 */
public record Dataset(String source, String[] conditions, String[] channels, double[][][] values, double[][] times) {

	/** Samples at a uniform interval: sample j of every condition at j·interval. */
	public static Dataset uniform(final String source, final String[] conditions, final String[] channels,
		final double[][][] values, final double interval)
	{
		final double[][] times = new double[values.length][];
		for (int c = 0; c < values.length; c++) {
			times[c] = new double[values[c][0].length];
			for (int j = 0; j < times[c].length; j++) times[c][j] = j * interval;
		}
		return new Dataset(source, conditions, channels, values, times);
	}

	public int conditionCount() {
		return conditions.length;
	}

	public int channelCount() {
		return channels.length;
	}

	/** Duration of a condition: the time of its last sample (s). */
	public double duration(final int condition) {
		final double[] t = times[condition];
		return t[t.length - 1];
	}

	public int samples(final int condition) {
		return times[condition].length;
	}

	/** Index of a condition label, or −1. */
	public int indexOf(final String label) {
		return Arrays.asList(conditions).indexOf(label);
	}

	/**
	 * Linear interpolation onto the steps 0, dt, 2dt, … up to the last sample: [condition][channel][step]. The number of
	 * steps of a condition is floor(duration/dt) + 1 (a duration within 10⁻⁶ dt of a whole step counts as whole).
	 */
	public double[][][] resample(final double dt) {
		final double[][][] r = new double[values.length][][];
		for (int c = 0; c < values.length; c++) {
			final double[] t = times[c];
			final int steps = steps(c, dt);
			r[c] = new double[channels.length][steps];
			int j = 0;
			for (int i = 0; i < steps; i++) {
				final double time = i * dt;
				while (j + 2 < t.length && t[j + 1] <= time) j++;
				final int k = Math.min(j + 1, t.length - 1);
				final double w = k == j || t[k] == t[j] ? 0 : Math.min(1, Math.max(0, (time - t[j]) / (t[k] - t[j])));
				for (int ch = 0; ch < channels.length; ch++) {
					final double[] v = values[c][ch];
					r[c][ch][i] = w == 0 ? v[j] : w == 1 ? v[k] : v[j] + w * (v[k] - v[j]);
				}
			}
		}
		return r;
	}

	/** Steps of a condition at time step dt. */
	public int steps(final int condition, final double dt) {
		return (int) Math.floor(duration(condition) / dt + 1e-6) + 1;
	}
}
