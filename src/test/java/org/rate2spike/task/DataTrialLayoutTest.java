package org.rate2spike.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.rate2spike.format.Dataset;
import org.rate2spike.util.ParameterException;

/** How a data trial holds its condition: separate trials from rest, or the data alone back to back (periodic data). */
class DataTrialLayoutTest {

	private static final double DT = 0.001, SAMPLE = 0.01;

	/** {@code cycles} periods of a sine and a cosine over {@code samples} samples of one condition each. */
	private static Dataset waves(final int conditions, final int samples, final double cycles, final double phase) {
		final String[] labels = new String[conditions];
		final double[][][] v = new double[conditions][2][samples];
		for (int c = 0; c < conditions; c++) {
			labels[c] = "c" + c;
			for (int t = 0; t < samples; t++) {
				final double a = 2 * Math.PI * cycles * t / (samples - 1) + phase;
				v[c][0][t] = Math.sin(a);
				v[c][1][t] = Math.cos(a);
			}
		}
		return Dataset.uniform("waves", labels, new String[] { "x", "y" }, v, SAMPLE);
	}

	private static DataTask task(final Dataset targets, final Dataset inputs, final Dataset activity, final String layout) {
		return new DataSpec(targets, inputs, activity, DataOptions.NONE.with("trial_layout", layout)).task(DT);
	}

	@Test
	void autoPlaysOnePeriodicConditionBackToBackWithAStartPulse() {
		final Dataset d = waves(1, 201, 4, 0);
		final DataTask task = task(d, null, waves(1, 201, 4, 1), "auto");
		assertTrue(task.continuous());
		assertFalse(task.cued());
		assertEquals(1, task.inputs());
		final Random rng = new Random(4);
		for (int k = 0; k < 3; k++) {
			final Trial trial = task.nextTrial(rng);
			final int n = task.dataSteps(0);
			assertEquals(n, trial.steps(), "a continuous trial is the data alone");
			assertEquals(new DataWindow(0, 0, n, 0), trial.window());
			assertArrayEquals(task.targets(0)[0], trial.output()[0], 0.0);
			final int pulse = (int) Math.round(DataTask.PULSE / DT);
			for (int t = 0; t < n; t++)
				assertEquals(t < pulse ? DataTask.PULSE_AMPLITUDE : 0.0, trial.input()[0][t], "input at step " + t);
			assertEquals(n, trial.activity()[0].length);
		}
	}

	@Test
	void autoKeepsSeparateTrialsForSeveralConditionsOrDataThatDoNotCloseTheirCycle() {
		assertFalse(task(waves(2, 201, 4, 0), null, null, "auto").continuous(), "two conditions");
		assertFalse(task(waves(1, 201, 3.5, 0), null, null, "auto").continuous(), "half a cycle short");
		assertFalse(task(waves(1, 201, 4, 0), null, waves(1, 201, 3.5, 0), "auto").continuous(),
			"periodic targets, activity that does not close");
		final DataTask separate = task(waves(1, 201, 4, 0), null, null, "separate");
		assertFalse(separate.continuous());
		assertTrue(separate.cued());
		assertEquals(3, separate.inputs());
		assertTrue(separate.nextTrial(new Random(1)).steps() > separate.dataSteps(0), "rest, preparation and return around the data");
	}

	@Test
	void continuousTrialsWithInputDataAreTheInputsAlone() {
		final Dataset in = waves(2, 101, 1, 0.3);
		final DataTask task = task(waves(2, 101, 2, 0), in, null, "continuous");
		assertTrue(task.continuous());
		assertEquals(2, task.inputs());
		final Trial trial = task.nextTrial(new Random(2));
		assertEquals(task.dataSteps(trial.condition()), trial.steps());
		assertSame(trial.input().length, 2);
		assertEquals(Math.sin(0.3), trial.input()[0][0], 1e-12);
	}

	@Test
	void anUnknownLayoutIsRefusedByName() {
		final ParameterException e = assertThrows(ParameterException.class, () -> task(waves(1, 51, 1, 0), null, null, "loop")
			.continuous());
		assertTrue(e.getMessage().contains("trial_layout"), e.getMessage());
		assertTrue(e.getMessage().contains("auto, separate or continuous"), e.getMessage());
	}
}
