package org.rate2spike.protocol;

import org.rate2spike.pipeline.Pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.format.FileFormatException;
import org.rate2spike.io.NetworkFile;
import org.rate2spike.io.OldFiles;
import org.rate2spike.task.DataOptions;
import org.rate2spike.task.DataTask;
import org.rate2spike.util.ParameterException;

/** A training stopped after a checkpoint and resumed from its file ends exactly where the uninterrupted one does. */
class ResumeTest {

	private static final TrainingConfig CONFIG = TrainingConfig.DEFAULTS.withTrials(new TrialCounts(2, 3, 3, 7, 3))
		.with("neurons", "120").with("rate_units", "60").with("gs", "0.1").withSeed(4);

	/** The data task on the shipped EMG table, small enough for a test. */
	private static final TrainingConfig DATA = TrainingConfig.DEFAULTS.withTask(DataTask.NAME)
		.withData(DataOptions.NONE.with("data_targets", "test-data/reach_emg.csv").with("normalize", "max"))
		.withTrials(new TrialCounts(1, 2, 2, 5, 2)).with("neurons", "80").with("rate_units", "40").with("rate_gain", "1.0")
		.withSeed(3);

	@Test
	void resumingFromACheckpointFileGivesTheUninterruptedResult(@TempDir final Path dir) throws IOException {
		final Pipeline.Run whole = Pipeline.train(CONFIG, Progress.NONE);
		final Path file = dir.resolve("checkpoint.npz");
		final Pipeline.Run stopped = stopAfter(CONFIG, 2 + 5, file, List.of(2, 4)); // settling + 5 RLS trials
		assertTrue(stopped.network().log().partial());

		final Checkpoint c = NetworkFile.loadCheckpoint(file);
		assertEquals(4, c.trialsDone());
		assertTrue(c.network().log().partial() && c.network().log().note().contains("checkpoint after 4 of 7"));
		assertSameAsWhole(whole, Pipeline.resume(c, Progress.NONE, Checkpoint.Schedule.NONE));
	}

	/** The neuron models with state besides V (alif's w, Izhikevich's u) resume from the state their checkpoint carries. */
	@Test
	void resumingNeuronModelsWithTheirOwnStateGivesTheUninterruptedResult(@TempDir final Path dir) throws IOException {
		for (final String model : List.of("alif", "izhikevich_fs")) {
			final TrainingConfig config = CONFIG.with("neuron_model", model);
			final Pipeline.Run whole = Pipeline.train(config, Progress.NONE);
			final Path file = dir.resolve(model + ".npz");
			stopAfter(config, 2 + 5, file, List.of(2, 4));
			final Checkpoint c = NetworkFile.loadCheckpoint(file);
			assertEquals(7, c.networkState().length, model + ": the network's 6 rows and the model's own");
			assertEquals(model, c.network().params().neuronModel());
			assertSameAsWhole(whole, Pipeline.resume(c, Progress.NONE, Checkpoint.Schedule.NONE));
		}
	}

	@Test
	void resumingADataTaskFromItsCheckpointFileGivesTheUninterruptedResult(@TempDir final Path dir) throws IOException {
		final Pipeline.Run whole = Pipeline.train(DATA, Progress.NONE);
		final Path file = dir.resolve("checkpoint.npz");
		stopAfter(DATA, 1 + 3, file, List.of(2)); // settling + 3 RLS trials
		final Checkpoint c = NetworkFile.loadCheckpoint(file);
		assertEquals(2, c.trialsDone());
		assertNotNull(c.network().targets().data(), "the checkpoint keeps the data");
		final Pipeline.Run resumed = Pipeline.resume(c, Progress.NONE, Checkpoint.Schedule.NONE);
		assertSameAsWhole(whole, resumed);
		assertEquals(DATA.data(), resumed.config().data(), "the resumed run reports the data options of the training");
		assertTrue(whole.test().nmse().length == 2 && whole.test().spikeStep().length > 0);
	}

	@Test
	void aDataCheckpointWithoutItsDataIsRefusedWithTheFix(@TempDir final Path dir) throws IOException {
		final Path file = dir.resolve("checkpoint.npz");
		stopAfter(DATA, 1 + 3, file, List.of(2));
		OldFiles.dropData(file);
		final Checkpoint c = NetworkFile.loadCheckpoint(file);
		final ParameterException e = assertThrows(ParameterException.class,
			() -> Pipeline.resume(c, Progress.NONE, Checkpoint.Schedule.NONE));
		assertTrue(e.getMessage().startsWith("resume: the checkpoint was saved without the data") &&
			e.getMessage().endsWith("train again"), e.getMessage());
	}

	/** Trains {@code config}, checkpointing every second RLS trial to {@code file}, and stops after trial {@code stopAt} of the RLS phase. */
	private static Pipeline.Run stopAfter(final TrainingConfig config, final int stopAt, final Path file,
		final List<Integer> expected)
	{
		final List<Integer> seen = new ArrayList<>();
		final Progress stop = new Progress() {
			boolean stop;

			@Override
			public void trialDone(final Phase phase, final int trial, final int trials, final double nmse) {
				stop = phase == Phase.RLS && trial == stopAt;
			}

			@Override
			public boolean cancelled() {
				return stop;
			}
		};
		final Pipeline.Run stopped = Pipeline.train(config, stop, new Checkpoint.Schedule(2, c -> {
			seen.add(c.trialsDone());
			try {
				NetworkFile.saveCheckpoint(c, file);
			}
			catch (final IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}));
		assertTrue(stopped.network().log().partial());
		assertEquals(expected, seen, "a checkpoint every second RLS trial until the stop");
		return stopped;
	}

	private static void assertSameAsWhole(final Pipeline.Run whole, final Pipeline.Run resumed) {
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
