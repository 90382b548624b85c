package org.rate2spike.protocol;

import org.rate2spike.pipeline.Pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rate2spike.kernels.Workers;

/**
 * The same seed gives the same result, to the bit, whatever the number of threads: the teacher runs ahead on its
 * own thread (same sequence of operations) and the parallel P update splits rows, each row computed by one thread.
 * 2n = 1200 here, so the P update is split too.
 */
class ThreadCountTest {

	private final int threads = Workers.threads();

	@AfterEach
	void restore() {
		Workers.setThreads(threads);
	}

	@Test
	void oneTwoAndThreeThreadsGiveIdenticalResults() {
		final TrainingConfig c = TrainingConfig.DEFAULTS.withTrials(new TrialCounts(2, 3, 3, 3, 2)).with("neurons", "1500")
			.with("rate_units", "60");
		Workers.setThreads(1);
		final Pipeline.Run one = Pipeline.train(c, Progress.NONE);
		for (final int t : new int[] { 2, 3 }) {
			Workers.setThreads(t);
			final Pipeline.Run other = Pipeline.train(c, Progress.NONE);
			assertArrayEquals(one.test().nmse(), other.test().nmse(), t + " threads");
			assertArrayEquals(one.network().log().rlsNmse(), other.network().log().rlsNmse(), t + " threads");
			assertArrayEquals(one.test().spikeStep(), other.test().spikeStep(), t + " threads");
			assertArrayEquals(one.network().meanInput(), other.network().meanInput(), t + " threads");
			final double[][] a = one.network().feedbackWeights(), b = other.network().feedbackWeights();
			assertEquals(a.length, b.length);
			for (int k = 0; k < a.length; k++) assertArrayEquals(a[k], b[k], t + " threads, W row " + k);
			assertArrayEquals(one.targets().basis().eigenvalues(), other.targets().basis().eigenvalues(), t + " threads");
		}
	}
}
