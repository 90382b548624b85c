package org.rate2spike.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.rate2spike.format.FileLocks;
import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.pipeline.TaskSettings;
import org.rate2spike.protocol.Progress;
import org.rate2spike.render.Charts;
import org.rate2spike.sweep.SlurmExecutor;
import org.rate2spike.sweep.SweepResult;
import org.rate2spike.sweep.SweepRunner;
import org.rate2spike.sweep.SweepSpec;
import org.rate2spike.util.ParameterException;

/**
 * Use case: train and test every point of a grid (and the rate baseline), on local threads or as a SLURM job array,
 * resumable; writes sweep.csv, sweep.json and the picture. Points make their task as {@link TrainRun} does
 * ({@link Pipeline#task}), so a sweep accepts every task and data option that train accepts.
 */
public final class SweepRun {

	/**
	 * @param given the parameters of the base the user set ({@link TaskSettings}); the task's own settings fill the
	 *        others, except the swept ones
	 * @param threads points trained at once on this machine (local executor)
	 */
	public record Request(SweepSpec spec, Set<String> given, Output out, int threads) {}

	private SweepRun() {}

	/**
	 * Validates the grid and makes the base task once, so that a bad task or data file fails before any point runs;
	 * the grid with the task's own settings in its base where neither the user nor an axis sets them (noted).
	 */
	public static SweepSpec withTaskSettings(final SweepSpec spec, final Set<String> given, final Consumer<String> note) {
		spec.validate();
		final Set<String> set = new LinkedHashSet<>(given);
		set.addAll(TaskSettings.given(spec.axes().keySet()));
		final TaskSettings.Chosen c = TaskSettings.choose(spec.base().validate(), Pipeline.task(spec.base()), set);
		if (c.note() != null) note.accept(c.note());
		return new SweepSpec(c.config(), spec.axes(), spec.seeds(), spec.tolerance(), spec.baseline()).validate();
	}

	/** Runs the points; a second sweep into the same folder meanwhile stops with a message (the folder is locked). */
	public static SweepResult run(final Request r, final SweepRunner.Listener listener) throws IOException {
		if (r.threads() < 1) throw new ParameterException("threads", "must be at least 1 (got " + r.threads() + ")");
		final SweepSpec spec = withTaskSettings(r.spec(), r.given(), listener::note);
		try (FileLocks.Held lock = r.out().lock()) {
			final Path dir = r.out().dir();
			final SweepResult result = SweepRunner.run(spec, dir, r.threads(), listener);
			write(result, dir);
			return result;
		}
	}

	/** sweep.json and, when there is a curve, sweep.png. */
	private static void write(final SweepResult r, final Path dir) throws IOException {
		r.write(dir);
		if (!r.curves().isEmpty()) Charts.savePng(Charts.sweep(r), dir.resolve("sweep.png"));
	}

	/**
	 * Submits one array task per point; the job id, or "" when every point is already finished. {@code given} and
	 * {@code note} as for {@link #withTaskSettings}.
	 */
	public static String submit(final SweepSpec spec, final Set<String> given, final Output out,
		final SlurmExecutor.Options slurm, final Consumer<String> note) throws IOException
	{
		final SweepSpec resolved = withTaskSettings(spec, given, note);
		try (FileLocks.Held lock = out.lock()) {
			return SlurmExecutor.submit(resolved, out.dir(), slurm.validate());
		}
	}

	/** What {@link #collect} found: the merged result and the tasks that did not finish, with their reasons. */
	public record Collected(SweepResult result, List<SlurmExecutor.Missing> missing) {}

	/** Merges the finished SLURM tasks of {@code dir} into its sweep.csv/json/png (waiting for the array first when asked). */
	public static Collected collect(final Path dir, final boolean wait, final Progress progress) throws IOException {
		if (wait) SlurmExecutor.await(dir, progress);
		try (FileLocks.Held lock = java.nio.file.Files.isDirectory(dir) ? Output.cli(dir, true).lock() : null) {
			final List<SlurmExecutor.Missing> missing = SlurmExecutor.collect(dir);
			final SweepResult r = SlurmExecutor.result(dir);
			write(r, dir);
			return new Collected(r, missing);
		}
	}
}
