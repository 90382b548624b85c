package org.rate2spike.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.rate2spike.task.Tasks;

class TaskAdviceTest {

	private static final double DT = 0.001;

	@Test
	void namesTheSettingsATaskTrainsBestWithWhenTheRunDiffers() {
		final TrainingConfig integration = TrainingConfig.DEFAULTS.with("task", "integration");
		assertEquals("the integration task trains best with rate_gain 1.2 and trained_fraction 1.0 (this run: 1.4 and 0.4); "
			+ "see Tasks in the README", integration.advice(Tasks.create("integration", DT)));
		assertEquals("the integration task trains best with trained_fraction 1.0 (this run: 0.4); see Tasks in the README",
			integration.with("rate_gain", "1.2").advice(Tasks.create("integration", DT)));
		assertNull(integration.with("rate_gain", "1.2").with("trained_fraction", "1").advice(Tasks.create("integration", DT)));
		assertEquals("the reach task trains best with neurons 1000, rate_gain 1.2 and trained_fraction 1.0 (this run: 500, 1.4 and 0.4); see Tasks in the README",
			TrainingConfig.DEFAULTS.advice(Tasks.create("reach", DT)));
		assertNull(TrainingConfig.DEFAULTS.advice(Tasks.create("oscillation", DT)), "the defaults are the oscillation task's");
		assertNull(TrainingConfig.DEFAULTS.advice(Tasks.create("context", DT)));
	}
}
