package org.rate2spike.task;

import java.util.Random;

import org.rate2spike.util.Check;

/**
 * The paper's autonomous-pattern task: a 50 ms input pulse of 0.5 at the start of each 1 s trial, and as output the
 * sum of sines at 1, 2, 3 and 5 Hz, divided by its maximum. Every trial is the same.
 */
public final class OscillationTask implements Task {

	public static final String NAME = "oscillation";
	private static final double[] FREQUENCIES_HZ = { 1, 2, 3, 5 };

	private final double dt;
	private final Trial trial;

	public OscillationTask(final double dt) {
		this.dt = Check.positive("dt", dt);
		final int steps = (int) Math.round(1.0 / dt);
		if (steps < 2) throw new org.rate2spike.util.ParameterException("dt", "must be well below the 1 s trial (got " + dt + " s)");
		final double[] in = new double[steps];
		final double[] out = new double[steps];
		final int pulse = (int) Math.round(0.05 / dt);
		double max = 0;
		for (int t = 0; t < steps; t++) {
			if (t < pulse) in[t] = 0.5;
			final double time = t * dt;
			double sum = 0;
			for (final double f : FREQUENCIES_HZ) sum += Math.sin(2 * Math.PI * f * time);
			out[t] = sum;
			max = Math.max(max, Math.abs(sum));
		}
		for (int t = 0; t < steps; t++) out[t] /= max;
		trial = new Trial(new double[][] { in }, new double[][] { out }, 0);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public int inputs() {
		return 1;
	}

	@Override
	public int outputs() {
		return 1;
	}

	@Override
	public double dt() {
		return dt;
	}

	@Override
	public Trial nextTrial(final Random rng) {
		return trial;
	}
}
