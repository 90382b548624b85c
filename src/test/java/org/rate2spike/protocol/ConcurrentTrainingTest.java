package org.rate2spike.protocol;

import org.rate2spike.pipeline.Pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** No shared mutable static state: two trainings at once give what they give one after the other. */
class ConcurrentTrainingTest {

	@Test
	void parallelTrainingsMatchSequentialOnes() throws Exception {
		final TrainingConfig a = TrainingConfig.DEFAULTS.withTrials(new TrialCounts(2, 3, 3, 4, 2)).with("neurons", "70")
			.with("rate_units", "40").withSeed(11);
		final TrainingConfig b = a.withSeed(12).with("gs", "0.3");
		final Pipeline.Run sa = Pipeline.train(a, Progress.NONE), sb = Pipeline.train(b, Progress.NONE);
		final ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			final Future<Pipeline.Run> pa = pool.submit(() -> Pipeline.train(a, Progress.NONE));
			final Future<Pipeline.Run> pb = pool.submit(() -> Pipeline.train(b, Progress.NONE));
			assertArrayEquals(sa.test().nmse(), pa.get().test().nmse());
			assertArrayEquals(sb.test().nmse(), pb.get().test().nmse());
			assertArrayEquals(sa.test().spikeStep(), pa.get().test().spikeStep());
			assertArrayEquals(sb.network().meanInput(), pb.get().network().meanInput());
		}
		finally {
			pool.shutdownNow();
		}
	}
}
