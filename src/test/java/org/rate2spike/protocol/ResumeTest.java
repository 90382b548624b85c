package org.rate2spike.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.io.FileFormatException;
import org.rate2spike.io.NetworkFile;

/** A training stopped after a checkpoint and resumed from its file ends exactly where the uninterrupted one does. */
class ResumeTest {

	private static final TrainingConfig CONFIG = TrainingConfig.DEFAULTS.withTrials(new TrialCounts(2, 3, 3, 7, 3))
		.with("neurons", "120").with("rate_units", "60").with("gs", "0.1").withSeed(4);

	@Test
	void resumingFromACheckpointFileGivesTheUninterruptedResult(@TempDir final Path dir) throws IOException {
		final Pipeline.Run whole = Pipeline.train(CONFIG, Progress.NONE);

		final List<Integer> seen = new ArrayList<>();
		final Path file = dir.resolve("checkpoint.npz");
		final Progress stopAfterFifth = new Progress() {
			boolean stop;

			@Override
			public void trialDone(final Phase phase, final int trial, final int trials, final double nmse) {
				stop = phase == Phase.RLS && trial == 2 + 5; // settling + 5 RLS trials
			}

			@Override
			public boolean cancelled() {
				return stop;
			}
		};
		final Pipeline.Run stopped = Pipeline.train(CONFIG, stopAfterFifth, new Checkpoint.Schedule(2, c -> {
			seen.add(c.trialsDone());
			try {
				NetworkFile.saveCheckpoint(c, file);
			}
			catch (final IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}));
		assertTrue(stopped.network().log().partial());
		assertEquals(List.of(2, 4), seen, "a checkpoint every second RLS trial until the stop");

		final Checkpoint c = NetworkFile.loadCheckpoint(file);
		assertEquals(4, c.trialsDone());
		assertTrue(c.network().log().partial() && c.network().log().note().contains("checkpoint after 4 of 7"));
		final Pipeline.Run resumed = Pipeline.resume(c, Progress.NONE, Checkpoint.Schedule.NONE);
		assertTrue(!resumed.network().log().partial());
		assertTrue(java.util.Arrays.deepEquals(whole.network().feedbackWeights(), resumed.network().feedbackWeights()),
			"W bit-identical");
		assertTrue(java.util.Arrays.deepEquals(whole.network().readoutWeights(), resumed.network().readoutWeights()));
		assertArrayEquals(whole.network().log().rlsNmse(), resumed.network().log().rlsNmse());
		assertArrayEquals(whole.test().nmse(), resumed.test().nmse());
		assertArrayEquals(whole.test().spikeStep(), resumed.test().spikeStep());
	}

	@Test
	void aFinishedNetworkIsNotACheckpoint(@TempDir final Path dir) throws IOException {
		final Pipeline.Run run = Pipeline.train(CONFIG.withTrials(new TrialCounts(1, 1, 1, 1, 1)), Progress.NONE);
		final Path file = dir.resolve("network.npz");
		NetworkFile.save(run.network(), file);
		final FileFormatException e = assertThrows(FileFormatException.class, () -> NetworkFile.loadCheckpoint(file));
		assertTrue(e.getMessage().contains("without a checkpoint"), e.getMessage());
	}
}
