package org.rate2spike.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rate2spike.pipeline.Pipeline;

class FeedbackCacheTest {

	@Test
	void keepsABlocksCurrentsFromItsSecondSightingWithinTheBudget() {
		final FeedbackCache cache = new FeedbackCache(8L * 250);
		final double[] a = new double[10], b = new double[10], c = new double[10];
		assertNull(cache.reserve(a, 100), "first sighting");
		final double[] filled = cache.reserve(a, 100);
		assertNotNull(filled, "second sighting");
		assertNull(cache.get(a), "not kept before its trial is done");
		cache.keep(a, filled);
		assertSame(filled, cache.get(a));
		assertNull(cache.get(new double[10]), "blocks are told apart by identity, not by their values");
		assertNull(cache.reserve(b, 100));
		cache.keep(b, cache.reserve(b, 100));
		assertNull(cache.reserve(c, 100));
		assertNull(cache.reserve(c, 100), "over the budget of 250 values");
	}

	/** The phases' reuse counts as the protocol reports them. */
	private static final class Reuse implements Progress {
		final Map<Phase, Integer> trials = new EnumMap<>(Phase.class);

		@Override
		public void feedbackReused(final Phase phase, final int n) {
			trials.put(phase, n);
		}
	}

	/** Ñ = 500 so that the driven rate network converges and the demean phase replays one recorded trial many times. */
	@Test
	void reusedCurrentsTrainTheSameNetworkToTheBit() {
		final TrainingConfig c = TrainingConfig.DEFAULTS.withTrials(new TrialCounts(5, 25, 25, 4, 3)).with("neurons", "300");
		final Reuse reuse = new Reuse();
		final Pipeline.Run kept = Pipeline.train(c, reuse);
		final String before = System.getProperty("rate2spike.feedbackCacheBytes");
		final Pipeline.Run computed;
		final Reuse none = new Reuse();
		System.setProperty("rate2spike.feedbackCacheBytes", "0");
		try {
			computed = Pipeline.train(c, none);
		}
		finally {
			if (before == null) System.clearProperty("rate2spike.feedbackCacheBytes");
			else System.setProperty("rate2spike.feedbackCacheBytes", before);
		}
		assertTrue(reuse.trials.getOrDefault(Phase.DEMEAN, 0) > 0, "the demean phase reused kept currents: " + reuse.trials);
		assertEquals(0, none.trials.getOrDefault(Phase.DEMEAN, 0));
		assertArrayEquals(computed.network().meanInput(), kept.network().meanInput());
		assertArrayEquals(computed.network().log().rlsNmse(), kept.network().log().rlsNmse());
		assertArrayEquals(computed.test().nmse(), kept.test().nmse());
		assertArrayEquals(computed.test().spikeStep(), kept.test().spikeStep());
	}
}
