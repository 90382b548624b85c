package org.rate2spike.protocol;

import org.rate2spike.pipeline.Pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** End to end: the method works at the default network sizes on a reduced protocol, and a seed fixes everything. */
class OscillationTrainingTest {

	/** Measured: median test nMSE 0.0077 at seed 1 (the full default protocol reaches ~0.005). */
	@Test
	void reducedProtocolLearnsTheOscillation() {
		final Pipeline.Run run = Fixtures.oscillation();
		assertTrue(run.targets().factors() >= 10 && run.targets().factors() <= 60, "pcs " + run.targets().factors());
		assertEquals(30, run.test().trials());
		assertTrue(run.test().medianNmse() <= 0.02, "median test nMSE " + run.test().medianNmse());
		assertTrue(run.test().meanRateHz() > 5 && run.test().meanRateHz() < 30, "rate " + run.test().meanRateHz());
		final double[] log = run.network().log().rlsNmse();
		assertEquals(200, log.length);
		assertTrue(Metrics.median(java.util.Arrays.copyOfRange(log, 150, 200)) < 0.05, "late training error is small");
	}

	/**
	 * N = 1000 used to fall off the target a few trials into the test: with updates every 2 steps on average
	 * (dt_rls = 2) RLS corrected every deviation before it grew, and the closed loop was unstable once learning stopped
	 * (measured at this protocol, seed 2: the first 3 test trials at nMSE below 10⁻³, then ≈ 1 from the 5th on; 3 of 100
	 * test trials below 0.05). The default interval lets the loop run long enough between updates that RLS learns to
	 * correct its own drift. See docs/fit-quality.md.
	 */
	@Test
	void aThousandNeuronsStayOnTheTargetThroughALongTest() {
		final TrainingConfig c = TrainingConfig.DEFAULTS.withSeed(2).with("neurons", "1000")
			.withTrials(new TrialCounts(10, 60, 60, 100, 40));
		final TestResult test = Pipeline.train(c, Progress.NONE).test();
		final double below = java.util.Arrays.stream(test.nmse()).filter(x -> x < 0.05).count() / (double) test.trials();
		assertTrue(below >= 0.75, "fraction of test trials below nMSE 0.05: " + below);
		assertTrue(test.lastQuarterMedianNmse() < 0.05, "last quarter " + test.lastQuarterMedianNmse());
		assertEquals(null, test.driftWarning());
	}

	@Test
	void theSameSeedGivesTheSameResultAndAnotherSeedDoesNot() {
		final TrainingConfig c = TrainingConfig.DEFAULTS.withTrials(new TrialCounts(2, 3, 3, 3, 2)).with("neurons", "80")
			.with("rate_units", "50");
		final Pipeline.Run a = Pipeline.train(c, Progress.NONE), b = Pipeline.train(c, Progress.NONE);
		assertArrayEquals(a.test().nmse(), b.test().nmse());
		assertArrayEquals(a.test().spikeStep(), b.test().spikeStep());
		assertArrayEquals(a.network().log().rlsNmse(), b.network().log().rlsNmse());
		final Pipeline.Run other = Pipeline.train(c.withSeed(2), Progress.NONE);
		assertTrue(!java.util.Arrays.equals(a.test().nmse(), other.test().nmse()));
	}

	@Test
	void cancellingDuringRlsKeepsThePartialNetwork() {
		final TrainingConfig c = TrainingConfig.DEFAULTS.withTrials(new TrialCounts(1, 2, 2, 10, 2)).with("neurons", "50")
			.with("rate_units", "30");
		final Progress cancelAtThirdRlsTrial = new Progress() {
			boolean stop;

			@Override
			public void trialDone(final Phase phase, final int trial, final int trials, final double nmse) {
				stop = phase == Phase.RLS && trial == 4; // 1 settling + 3 RLS trials
			}

			@Override
			public boolean cancelled() {
				return stop;
			}
		};
		final Pipeline.Run run = Pipeline.train(c, cancelAtThirdRlsTrial);
		assertTrue(run.network().log().partial());
		assertEquals(3, run.network().log().rlsTrialsDone());
		assertEquals(null, run.test());
		assertTrue(run.network().feedbackWeights()[0][0] != 0 || run.network().feedbackWeights()[0][1] != 0, "weights were trained");
	}
}
