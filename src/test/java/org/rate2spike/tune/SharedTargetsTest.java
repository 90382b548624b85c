package org.rate2spike.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.rate2spike.protocol.Phase;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.protocol.TrialCounts;

/** Trainings of a search share their rate targets and recorded teacher, and each scores exactly as it would alone. */
class SharedTargetsTest {

	private static List<TrainingConfig> configs() {
		final TrainingConfig base = TrainingConfig.DEFAULTS.withTrials(new TrialCounts(3, 6, 6, 10, 2)).with("neurons", "60")
			.with("rate_units", "40").withSeed(3);
		final List<TrainingConfig> all = new ArrayList<>();
		for (final String task : new String[] { "oscillation", "integration" }) { // integration: trials differ, so copies grow
			final TrainingConfig t = base.with("task", task);
			all.add(t);
			all.add(t.with("gz", "4").with("trials_rls", "4"));
			all.add(t.with("gz", "8").with("rls_alpha", "0.5"));
		}
		return all;
	}

	@Test
	void aTrainingScoresTheSameAloneAndInsideASearch() throws Exception {
		final List<TrainingConfig> configs = configs();
		final AtomicInteger targetsMade = new AtomicInteger();
		final Progress counting = new Progress() {
			@Override
			public void phaseStarted(final Phase phase, final int trials) {
				if (phase == Phase.PCA) targetsMade.incrementAndGet();
			}
		};
		final TrainingObjective search = new TrainingObjective(3);
		final ExecutorService pool = Executors.newFixedThreadPool(2);
		final List<Future<Tuner.Score>> inSearch = new ArrayList<>();
		try {
			for (int pass = 0; pass < 2; pass++) // the second pass as a promoted configuration would: targets kept
				for (final TrainingConfig c : configs) inSearch.add(pool.submit(() -> search.evaluate(c, counting)));
			for (int i = 0; i < inSearch.size(); i++) {
				final Tuner.Score alone = new TrainingObjective(3).evaluate(configs.get(i % configs.size()), Progress.NONE);
				final Tuner.Score shared = inSearch.get(i).get();
				assertEquals(alone.status(), shared.status());
				assertEquals(Double.doubleToLongBits(alone.value()), Double.doubleToLongBits(shared.value()),
					"configuration " + i % configs.size() + ": " + alone.value() + " alone, " + shared.value() + " in the search");
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertEquals(2, targetsMade.get(), "one rate network per task, made once for its six trainings");
	}
}
