package org.rate2spike.task;

/**
 * Where a {@link DataTask} trial holds its condition's data: {@code rest} steps at a resting value, {@code prep} steps
 * rising smoothly (raised cosine) to the data's first sample, the {@code data} steps themselves, then {@code post}
 * steps returning smoothly to rest. Kept with the trial so that anything given per condition (targets, activity, a
 * readout's signals) can be placed into it in the same way.
 */
public record DataWindow(int rest, int prep, int data, int post) {

	public DataWindow {
		if (rest < 0 || prep < 0 || data < 1 || post < 0) throw new IllegalArgumentException("bad data window " + rest + "/" +
			prep + "/" + data + "/" + post);
	}

	/** The step at which the data start. */
	public int start() {
		return rest + prep;
	}

	/** The trial's length in steps. */
	public int steps() {
		return rest + prep + data + post;
	}

	/**
	 * {@code values} ([channel][data steps]) placed into a whole trial, each channel scaled by {@code scale}: resting
	 * at {@code restValue[channel]}, ramping to the first sample over prep, the data, ramping back over post.
	 */
	public double[][] place(final double[][] values, final double[] restValue, final double scale) {
		final int start = start(), n = data;
		final double[][] out = new double[values.length][steps()];
		for (int k = 0; k < values.length; k++) {
			if (values[k].length != n) throw new IllegalArgumentException("channel " + k + " has " + values[k].length +
				" steps, the window " + n);
			final double r = restValue[k], first = values[k][0], last = values[k][n - 1];
			for (int t = 0; t < rest; t++) out[k][t] = scale * r;
			for (int t = 0; t < prep; t++) out[k][rest + t] = scale * (r + (first - r) * ramp(t + 1, prep));
			for (int t = 0; t < n; t++) out[k][start + t] = scale * values[k][t];
			for (int t = 0; t < post; t++) out[k][start + n + t] = scale * (last + (r - last) * ramp(t + 1, post));
		}
		return out;
	}

	/** Raised cosine from 0 (i = 0) to 1 (i = n). */
	private static double ramp(final int i, final int n) {
		return 0.5 - 0.5 * Math.cos(Math.PI * i / n);
	}
}
