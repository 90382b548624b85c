package org.rate2spike.task;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.rate2spike.util.Check;
import org.rate2spike.util.ParameterException;

/**
 * Contextual integration. Each trial starts with a silent rest of 200–400 ms (all inputs and the output zero),
 * followed by 1 s in which input channels 1 and 2 carry noisy evidence — for each channel a constant bias drawn
 * uniformly from [−0.1, 0.1] plus white noise (standard deviation 0.15 per 1 ms sample, scaled by √(1 ms/dt) for
 * other time steps, so that its integral does not depend on dt) — and channels 3 and 4 a one-hot context cue
 * (value 1 on the cued channel). The output is the running integral of the cued evidence channel, times 10 /s, so
 * that a bias of ±0.1 ends at ±1. The condition is the cued channel (0 or 1).
 *
 * <p>Score ({@link #scores}): the fraction of trials whose output, averaged over the last 20 ms, has the sign of the
 * target at the end of the trial.
 */
public final class ContextTask implements Task {

	public static final String NAME = "context";
	public static final double EVIDENCE = 1.0, MAX_BIAS = 0.1, NOISE_PER_MS = 0.15, GAIN = 10, END_WINDOW = 0.02;
	static final double REST_MIN = 0.2, REST_MAX = 0.4;

	private final double dt;
	private final int evidenceSteps;
	private final double noise;

	public ContextTask(final double dt) {
		this.dt = Check.positive("dt", dt);
		evidenceSteps = (int) Math.round(EVIDENCE / dt);
		if (evidenceSteps < 10) throw new ParameterException("dt", "must be well below the 1 s trials of the context task (got " + dt + " s)");
		noise = NOISE_PER_MS * Math.sqrt(0.001 / dt);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public int inputs() {
		return 4;
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
	public int conditions() {
		return 2;
	}

	@Override
	public String conditionLabel(final int condition) {
		return "context " + (condition + 1);
	}

	@Override
	public Trial nextTrial(final Random rng) {
		final int context = rng.nextInt(2);
		final double[] bias = { MAX_BIAS * (2 * rng.nextDouble() - 1), MAX_BIAS * (2 * rng.nextDouble() - 1) };
		final int rest = (int) Math.round((REST_MIN + (REST_MAX - REST_MIN) * rng.nextDouble()) / dt);
		final int steps = rest + evidenceSteps;
		final double[][] in = new double[4][steps];
		final double[] out = new double[steps];
		double integral = 0;
		for (int t = rest; t < steps; t++) {
			for (int c = 0; c < 2; c++) in[c][t] = bias[c] + noise * rng.nextGaussian();
			in[2 + context][t] = 1;
			integral += GAIN * in[context][t] * dt;
			out[t] = integral;
		}
		return new Trial(in, new double[][] { out }, context);
	}

	/** {@code fraction_correct_sign}: the output's mean over the last 20 ms has the sign of the final target. */
	@Override
	public Map<String, Object> scores(final double[][][] outputs, final double[][][] targets, final int[] conditions) {
		final int window = Math.max(1, (int) Math.round(END_WINDOW / dt));
		int correct = 0;
		for (int tr = 0; tr < outputs.length; tr++) {
			final double[] z = outputs[tr][0], f = targets[tr][0];
			double mean = 0;
			for (int t = z.length - window; t < z.length; t++) mean += z[t];
			if (Math.signum(mean) == Math.signum(f[f.length - 1])) correct++;
		}
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("fraction_correct_sign", outputs.length == 0 ? Double.NaN : correct / (double) outputs.length);
		return m;
	}
}
