package org.rate2spike.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.rate2spike.baseline.BaselineStage;
import org.rate2spike.io.BaselineFile;
import org.rate2spike.io.NetworkFile;
import org.rate2spike.protocol.ErrorDecomposition;
import org.rate2spike.protocol.Metrics;
import org.rate2spike.app.RunFolder;
import org.rate2spike.protocol.Checkpoint;
import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.pipeline.TaskSettings;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.task.Task;
import org.rate2spike.util.ParameterException;

/** Use case: rate targets → spiking training → test, written to a run folder (summary.json, targets, network, pictures). */
public final class TrainRun {

	/** Where {@code checkpointEvery} writes (and replaces) its checkpoint inside the run folder. */
	public static final String CHECKPOINT = "checkpoint.npz";

	/** The files a training run writes; an earlier run's are only replaced with overwrite. */
	public static final String[] RESULTS = { RunFolder.SUMMARY, RunFolder.NETWORK, RunFolder.TARGETS };

	/**
	 * @param config every parameter of the run
	 * @param given the parameters the user set ({@link TaskSettings}): the task's own settings fill the others
	 * @param task the task, when a door made it itself (e.g. a data task from an open image); null: from the config
	 * @param checkpointEvery write a resumable checkpoint every so many RLS trials (0: never)
	 * @param baseline also train and test the rate baseline on the same targets and trials after the test (costs about
	 *        as much as the spiking training again, or more), written as baseline.npz; its median test nMSE enters the
	 *        error decomposition
	 * @param extraResults further files the door will write into the folder (refused before any work like the others)
	 */
	public record Request(TrainingConfig config, Set<String> given, Task task, Output out, int checkpointEvery,
		boolean baseline, String... extraResults) {

		/** Every parameter as {@code config} has it: the task chooses nothing. */
		public Request(final TrainingConfig config, final Output out) {
			this(config, TaskSettings.all(), null, out, 0, false);
		}
	}

	/**
	 * @param run what the stages produced; {@code run.test()} is null when training stopped early
	 * @param decomposition where the test's error comes from (null without a test)
	 * @param chosen the parameters the task chose by itself (name → value; empty: none)
	 */
	public record Result(Pipeline.Run run, Path dir, ErrorDecomposition decomposition, Map<String, Double> chosen) {

		/** Training and test both ran to the end. */
		public boolean complete() {
			return run.test() != null && !run.test().partial();
		}
	}

	private TrainRun() {}

	/**
	 * Validates, makes the task, lets it choose the settings the user left unset, notes them and any advice, trains,
	 * tests and writes the folder.
	 */
	public static Result run(final Request r, final Progress progress) throws IOException {
		final TrainingConfig asked = r.config().validate();
		if (r.checkpointEvery() < 0) throw new ParameterException("checkpoint_every",
			"must be 0 (never) or a number of RLS trials (got " + r.checkpointEvery() + ")");
		final Task task = r.task() != null ? r.task() : Pipeline.task(asked); // a bad task or file fails before any work
		final TaskSettings.Chosen chosen = TaskSettings.choose(asked, task, r.given());
		final TrainingConfig config = chosen.config();
		final String[] results = results(r.baseline() ? concat(r.extraResults(), BaselineRun.FILE) : r.extraResults());
		try (RunTransaction tx = r.out().open(RunFolder.TRAINING_FILES, results)) {
			final Path dir = tx.dir();
			if (chosen.note() != null) progress.note(chosen.note());
			final String advice = config.advice(task);
			if (advice != null) progress.note(advice);
			progress.trainingStarts(config);
			final Pipeline.Run run = Pipeline.train(config, task, progress, schedule(dir, r.checkpointEvery()));
			double baseline = Double.NaN;
			if (r.baseline() && run.test() != null && !run.test().partial()) {
				final BaselineStage.Outcome o = BaselineStage.run(config, run.targets(), task, progress);
				if (dir != null) BaselineFile.save(o.baseline(), tx.staging().resolve(BaselineRun.FILE));
				if (o.test() != null) baseline = Metrics.median(o.test());
			}
			final ErrorDecomposition d = run.test() == null ? null : new ErrorDecomposition(run.test(), baseline);
			write(tx, run, d, chosen.chosen());
			return new Result(run, dir, d, chosen.chosen());
		}
	}

	/** The run's files, staged and then moved into the folder together. */
	private static void write(final RunTransaction tx, final Pipeline.Run run, final ErrorDecomposition d,
		final Map<String, Double> chosen) throws IOException
	{
		if (tx.dir() == null) return;
		RunFolder.writeTraining(tx.staging(), run, d, chosen);
		tx.commit();
	}

	/** Continues a checkpointed training to the end, as the interrupted run would have, and tests it. */
	public static Result resume(final Path checkpoint, final Output out, final int checkpointEvery, final Progress progress)
		throws IOException
	{
		try (RunTransaction tx = out.open(RunFolder.TRAINING_FILES, RESULTS)) {
			final Path dir = tx.dir();
			final Checkpoint c = NetworkFile.loadCheckpoint(checkpoint);
			progress.note(String.format("resuming '%s' after %d of %d RLS trials", c.network().targets().task(), c.trialsDone(),
				c.network().counts().rls()));
			final Pipeline.Run run = Pipeline.resume(c, progress, schedule(dir, checkpointEvery));
			final ErrorDecomposition d = run.test() == null ? null : ErrorDecomposition.of(run.test());
			write(tx, run, d, Map.of());
			return new Result(run, dir, d, Map.of());
		}
	}

	private static String[] concat(final String[] a, final String b) {
		final String[] all = java.util.Arrays.copyOf(a, a.length + 1);
		all[a.length] = b;
		return all;
	}

	private static String[] results(final String... extra) {
		final String[] all = java.util.Arrays.copyOf(RESULTS, RESULTS.length + extra.length);
		System.arraycopy(extra, 0, all, RESULTS.length, extra.length);
		return all;
	}

	private static Checkpoint.Schedule schedule(final Path dir, final int every) {
		if (dir == null || every == 0) return Checkpoint.Schedule.NONE;
		final Path file = dir.resolve(CHECKPOINT);
		return new Checkpoint.Schedule(every, c -> {
			try {
				NetworkFile.saveCheckpoint(c, file);
			}
			catch (final IOException e) {
				throw new UncheckedIOException("could not write the checkpoint " + file + ": " + e.getMessage(), e);
			}
		});
	}
}
