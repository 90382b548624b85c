package org.rate2spike.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.rate2spike.rate.RateParams;
import org.rate2spike.rate.RateTargets;
import org.rate2spike.spiking.SpikingParams;
import org.rate2spike.task.OscillationTask;
import org.rate2spike.task.Task;
import org.rate2spike.task.Trial;

/** Divergence stops training with a message that says what happened, where, and what to try. */
class DivergenceGuardTest {

	/** The oscillation task, until trial {@code badFrom}, after which its targets are absurdly large. */
	private static final class Exploding implements Task {
		final OscillationTask ok = new OscillationTask(0.001);
		final int badFrom;
		int calls;

		Exploding(final int badFrom) {
			this.badFrom = badFrom;
		}

		@Override public String name() { return "oscillation"; }
		@Override public int inputs() { return 1; }
		@Override public int outputs() { return 1; }
		@Override public double dt() { return 0.001; }

		@Override
		public Trial nextTrial(final Random rng) {
			final Trial t = ok.nextTrial(rng);
			if (++calls < badFrom) return t;
			final double[] huge = t.output()[0].clone();
			for (int i = 0; i < huge.length; i++) huge[i] *= 1e200;
			return new Trial(t.input(), new double[][] { huge }, 0);
		}
	}

	private static final TrialCounts COUNTS = new TrialCounts(1, 2, 2, 6, 2);
	private static final SpikingParams SMALL = SpikingParams.DEFAULTS.with("neurons", 60);

	private static RateTargets targets() {
		return TargetsStage.run(new OscillationTask(0.001), RateParams.DEFAULTS.with("rate_units", 30), COUNTS, 1, Progress.NONE);
	}

	@Test
	void divergingDuringRlsKeepsTheLastGoodWeightsAndSaysWhy() {
		// demean: 1 settling + 2 calls; RLS: 1 settling + 6 → explode from the 3rd RLS trial (call 7)
		final TrainedNetwork net = TrainingStage.run(targets(), new Exploding(7), SMALL, COUNTS, 1, Progress.NONE);
		assertTrue(net.log().partial());
		assertEquals(2, net.log().rlsTrialsDone(), "the two good RLS trials are kept");
		assertTrue(net.log().note().startsWith("training stopped: ") && net.log().note().contains("rls trial 3") &&
			net.log().note().contains("; try "), net.log().note());
		for (final double[] row : net.feedbackWeights())
			for (final double w : row) assertTrue(Double.isFinite(w), "the kept weights are the last good ones");
	}

	@Test
	void divergingInTheFirstRlsTrialKeepsTheStartingWeightsNotNaN() {
		// demean: 1 settling + 2 calls; RLS: 1 settling (call 4), then the first counted trial (call 5) explodes
		final TrainedNetwork net = TrainingStage.run(targets(), new Exploding(5), SMALL, COUNTS, 1, Progress.NONE);
		assertEquals(0, net.log().rlsTrialsDone());
		assertTrue(net.log().note().contains("rls trial 1"), net.log().note());
		for (final double[][] w : new double[][][] { net.feedbackWeights(), net.readoutWeights() })
			for (final double[] row : w) for (final double x : row) assertEquals(0.0, x, "the weights training started from");
	}

	@Test
	void aRateAboveTheLimitStopsTrainingWithAMessageOnceTheMeanInputIsSubtracted() {
		final TrainedNetwork net = TrainingStage.run(targets(), new OscillationTask(0.001), SMALL.with("max_rate_hz", 1), COUNTS, 1,
			Progress.NONE);
		assertEquals(0, net.log().rlsTrialsDone());
		assertTrue(net.log().note().startsWith("training stopped: the population rate reached ") &&
			net.log().note().contains("in rls trial 1 (limit max_rate_hz = 1 Hz); try a smaller gz"), net.log().note());
	}
}
