package org.rate2spike.task;

import org.rate2spike.format.Dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.rate2spike.util.ParameterException;

/** The built-in tasks' trials are what their documentation says, and their scores credit a perfect output. */
class TasksTest {

	private static final double DT = 0.001;

	@Test
	void everyTaskIsRegistered() {
		assertEquals(java.util.List.of("oscillation", "integration", "context", "reach", "data"), Tasks.names());
		assertEquals(8, Tasks.create("reach", DT).conditions());
		assertTrue(assertThrows(ParameterException.class, () -> Tasks.create("data", DT)).getMessage().startsWith("data_targets"));
	}

	@Test
	void integrationTrialsCountPulsesIntoTheResponseAmplitude() {
		final IntegrationTask task = new IntegrationTask(DT);
		final Random rng = new Random(1);
		final int n = 60;
		final double[][][] outputs = new double[n][][], targets = new double[n][][];
		final int[] conditions = new int[n];
		for (int tr = 0; tr < n; tr++) {
			final Trial trial = task.nextTrial(rng);
			int pulses = 0;
			final double[] in = trial.input()[0];
			for (int t = 0; t < 500; t++) if (in[t] > 0 && (t == 0 || in[t - 1] == 0)) pulses++;
			double area = 0;
			for (final double v : in) area += v;
			assertEquals(20 * trial.condition(), area, 1e-9, "20 ms pulses, never overlapping");
			assertTrue(pulses <= trial.condition());
			assertEquals(1.0, trial.input()[1][500]);
			assertEquals(0.0, trial.input()[1][520]);
			final double[] out = trial.output()[0];
			double peak = 0;
			for (final double v : out) peak = Math.max(peak, v);
			assertEquals(0.2 * trial.condition(), peak, 1e-4);
			for (int t = 0; t < 520; t++) assertEquals(0.0, out[t]);
			assertEquals(IntegrationTask.COUNT_PER_PULSE * trial.condition(), trial.output()[1][819], 1e-9, "the count is held through the response");
			assertEquals(0.0, trial.output()[1][trial.steps() - 1], 1e-12);
			assertTrue(trial.steps() >= 1020 && trial.steps() <= 1820);
			outputs[tr] = trial.output();
			targets[tr] = trial.output();
			conditions[tr] = trial.condition();
		}
		assertEquals(1.0, task.scores(outputs, targets, conditions).get("fraction_within_half_pulse"));
		final double[][][] shifted = new double[n][][];
		for (int tr = 0; tr < n; tr++) {
			shifted[tr] = new double[][] { outputs[tr][0].clone(), outputs[tr][1] };
			for (int t = 0; t < shifted[tr][0].length; t++) shifted[tr][0][t] += 0.11; // more than half a pulse too high
		}
		assertEquals(0.0, task.scores(shifted, targets, conditions).get("fraction_within_half_pulse"));
	}

	@Test
	void contextTrialsIntegrateTheCuedChannel() {
		final ContextTask task = new ContextTask(DT);
		final Random rng = new Random(2);
		final int n = 40;
		final double[][][] outputs = new double[n][][], flipped = new double[n][][];
		int positive = 0;
		for (int tr = 0; tr < n; tr++) {
			final Trial trial = task.nextTrial(rng);
			final int cued = trial.condition();
			final int start = trial.steps() - 1000;
			assertTrue(start >= 200 && start <= 400);
			assertEquals(0.0, trial.input()[2 + cued][start - 1]);
			assertEquals(1.0, trial.input()[2 + cued][start]);
			assertEquals(0.0, trial.input()[3 - cued][start + 10]);
			double sum = 0;
			for (int t = start; t < trial.steps(); t++) sum += 10 * trial.input()[cued][t] * DT;
			assertEquals(sum, trial.output()[0][trial.steps() - 1], 1e-9);
			outputs[tr] = trial.output();
			flipped[tr] = new double[][] { trial.output()[0].clone() };
			for (int t = 0; t < trial.steps(); t++) flipped[tr][0][t] *= -1;
			if (sum > 0) positive++;
		}
		assertTrue(positive > 5 && positive < 35);
		assertEquals(1.0, task.scores(outputs, outputs, new int[n]).get("fraction_correct_sign"));
		assertEquals(0.0, task.scores(flipped, outputs, new int[n]).get("fraction_correct_sign"));
	}

	@Test
	void cuedDataTrialsHoldTheCueThenPlayTheData() {
		final Dataset d = Dataset.uniform("d", new String[] { "a", "b", "c", "d" }, new String[] { "x" },
			new double[][][] { { { 1, 2, 3 } }, { { 0, -2, 0 } }, { { 4, 4, 4 } }, { { 1, 1, 1 } } }, 0.01);
		final DataTask task = new DataTask("data", d, null, null, DT, "max");
		final DataTask pulse = new DataTask("data", new DataSpec(d, null, null, DataOptions.NONE.with("normalize", "max")
			.with("go_cue", "pulse")), DT);
		assertEquals(3, task.inputs());
		assertEquals(4, task.conditions());
		for (final DataTask t : new DataTask[] { task, pulse }) {
			final Random rng = new Random(3);
			for (int k = 0; k < 20; k++) checkCuedTrial(t, t.nextTrial(rng), t == pulse);
		}
		assertArrayEquals(new double[] { 0.25, 0.5, 0.75 }, new double[] { task.targets(0)[0][0], task.targets(0)[0][10],
			task.targets(0)[0][20] }, 1e-12, "normalize = max divides by the channel's largest |value| (4)");
	}

	/** The cue from the end of the rest to the end of the data; the go channel held until the data start, or a pulse there. */
	private static void checkCuedTrial(final DataTask task, final Trial trial, final boolean pulse) {
		final int c = trial.condition();
		final double[] go = trial.input()[2], cue = trial.input()[0];
		int rest = 0;
		while (cue[rest] == 0 && trial.input()[1][rest] == 0) rest++;
		final int start = trial.steps() - 21 - 200; // the data (21 steps at 1 ms), then 200 ms
		for (int t = 0; t < go.length; t++)
			assertEquals(pulse ? (t >= start && t < start + 20 ? 1.0 : 0.0) : (t >= rest && t < start ? 1.0 : 0.0), go[t],
				(pulse ? "pulse" : "hold") + " at step " + t + " (cue from " + rest + ", data from " + start + ")");
		final double theta = 2 * Math.PI * c / 4;
		assertEquals(0.5 * Math.cos(theta), trial.input()[0][start - 1], 1e-12);
		assertEquals(0.5 * Math.sin(theta), trial.input()[1][start + 20], 1e-12);
		assertEquals(0.0, trial.input()[0][0]);
		assertTrue(start - rest >= 300 && start - rest <= 500, "a preparatory period of 300-500 ms: " + (start - rest));
		final double[] y = trial.output()[0];
		final double[] expected = task.targets(c)[0];
		for (int t = 0; t < 21; t++) assertEquals(expected[t], y[start + t], 0.0);
		assertEquals(0.0, y[0]);
		assertEquals(0.0, y[y.length - 1], 1e-12);
		assertEquals(expected[0], y[start - 1], 1e-12);
	}
}
