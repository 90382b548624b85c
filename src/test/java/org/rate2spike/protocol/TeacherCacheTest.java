package org.rate2spike.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.task.Task;

/** Copies of a cache share its recorded trials; what a training adds to its copy stays there. */
class TeacherCacheTest {

	@Test
	void aCopyIsExtendedWithoutChangingTheOriginal() {
		// the integration task's trials differ, so training records trials the PCA phase did not
		final TrainingConfig c = TrainingConfig.DEFAULTS.with("task", "integration").withTrials(new TrialCounts(2, 4, 4, 6, 2))
			.with("neurons", "50").with("rate_units", "30").withSeed(7);
		final Task task = Pipeline.task(c);
		final TeacherCache shared = SharedTargets.make(c, task, Progress.NONE);
		final long before = shared.bytes();
		final TeacherCache first = shared.copy(), second = shared.copy();
		final TrainedNetwork a = TrainingStage.run(shared.targets(), task, c.spiking(), c.trials(), c.seed(), Progress.NONE, null,
			Checkpoint.Schedule.NONE, first);
		assertTrue(first.bytes() > before, "the training recorded trials of its own");
		assertEquals(before, shared.bytes(), "the original is unchanged");
		assertEquals(before, second.bytes(), "and so is every other copy");
		final TrainedNetwork b = TrainingStage.run(shared.targets(), task, c.spiking(), c.trials(), c.seed(), Progress.NONE, null,
			Checkpoint.Schedule.NONE, second);
		assertArrayEquals(a.feedbackWeights(), b.feedbackWeights());
		assertArrayEquals(a.readoutWeights(), b.readoutWeights());
		assertEquals(first.bytes(), second.bytes());
	}
}
