package org.rate2spike.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.task.Task;
import org.rate2spike.task.Tasks;
import org.rate2spike.task.Trial;
import org.rate2spike.util.Seeds;

/** A settings search scores on validation trials; they come from their own stream and are never the test trials. */
class ValidationTrialsTest {

	private static List<String> draw(final Task task, final long seed, final Phase phase, final int n) {
		final Random rng = Seeds.stream(seed, "trials-" + phase.key());
		final List<String> out = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			final Trial t = task.nextTrial(rng);
			out.add(Arrays.deepToString(t.input()) + Arrays.deepToString(t.output()));
		}
		return out;
	}

	@Test
	void validationTrialsAreNeverTestTrials() {
		final Task oscillation = Tasks.create("oscillation", 0.001);
		assertEquals(draw(oscillation, 1, Phase.TEST, 1), draw(oscillation, 1, Phase.VALIDATION, 1),
			"every oscillation trial is the same: there is nothing to hold out (docs/tune.md says so)");
		for (final String name : List.of("integration", "context", "reach")) {
			final Task task = Tasks.create(name, 0.001);
			for (final long seed : new long[] { 1, 2, 3 }) {
				final List<String> validation = draw(task, seed, Phase.VALIDATION, 30), test = draw(task, seed, Phase.TEST, 30);
				for (final String v : validation) assertFalse(test.contains(v), name + ", seed " + seed + ": a validation trial is a test trial");
			}
		}
	}

	@Test
	void validatingLeavesTheTestAsItWas() {
		final TrainingConfig c = TrainingConfig.DEFAULTS.with("task", "integration").with("neurons", "40").with("rate_units", "30").with("trials", "1,3,3,4,3")
			.withSeed(4).validate();
		final Pipeline.Run run = Pipeline.train(c, Progress.NONE);
		final Task task = Pipeline.task(c);
		final TestResult validation = TestStage.validate(run.network(), task, 3, Progress.NONE);
		final TestResult test = TestStage.run(run.network(), task, 3, Progress.NONE);
		assertArrayEquals(run.test().nmse(), test.nmse(), "the same seed gives the same test, validated or not");
		assertEquals(3, validation.nmse().length);
		for (int i = 0; i < 3; i++) assertFalse(Arrays.deepEquals(validation.targets()[i], test.targets()[i]), "trial " + i);
	}
}
