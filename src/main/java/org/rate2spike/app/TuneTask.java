package org.rate2spike.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.rate2spike.tune.Evaluation;
import org.rate2spike.tune.SlurmTuner;

/**
 * The body of one SLURM array task of a search ({@code tune --executor slurm}): {@code --dir DIR --rung R --config C
 * [--threads K]} trains configuration C on rung R and leaves its row for the search to collect; {@code --dir DIR
 * --winner} trains the winner with the full protocol and tests it in the search's {@code best/}. A plain main, outside
 * the command line, so that searches submitted from Fiji (whose plugin jar carries no command line) run on the cluster
 * too.
 */
public final class TuneTask {

	private TuneTask() {}

	public static void main(final String[] args) {
		try {
			System.exit(main(args, System.out) ? 0 : 1);
		}
		catch (final Exception e) { // one line in the task's log, which the search reports as the training's reason
			System.err.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
			System.exit(1);
		}
	}

	private static boolean main(final String[] args, final java.io.PrintStream out) throws Exception {
		final java.util.List<String> rest = new java.util.ArrayList<>(java.util.List.of(args));
		if (rest.remove("--winner")) {
			final Map<String, String> o = SweepTask.options(rest.toArray(String[]::new), "the winner's task", "--dir DIR --winner", "--dir");
			return winner(Path.of(o.get("--dir")), out);
		}
		final Map<String, String> o = SweepTask.options(args, "a tune task", "--dir DIR --rung R --config C", "--dir", "--rung", "--config");
		return run(Path.of(o.get("--dir")), SweepTask.index(o, "--rung"), SweepTask.index(o, "--config"), out);
	}

	/** Trains and tests the winner that the search in {@code dir} submitted; true when its test finished. */
	public static boolean winner(final Path dir, final java.io.PrintStream out) throws Exception {
		final Map.Entry<org.rate2spike.protocol.TrainingConfig, Path> w = SlurmTuner.winner(dir);
		final TrainRun.Result r = TuneRun.trainWinner(w.getKey(), w.getValue());
		final boolean ok = r.complete();
		out.println(ok ? String.format(Locale.ROOT, "the winner trained and tested in %s: median test nMSE %s", w.getValue(),
			r.run().test().medianNmse()) : "the winner's training did not finish");
		return ok;
	}

	/** Runs configuration {@code config} on {@code rung} of the search in {@code dir}; true when it left a row that is not 'failed'. */
	public static boolean run(final Path dir, final int rung, final int config, final java.io.PrintStream out) throws Exception {
		final Evaluation e = SlurmTuner.runTask(dir, rung, config);
		out.printf(Locale.ROOT, "config %d, rung %d (%d RLS trials): %s%n", config, rung, e.trialsRls(),
			e.status().equals(Evaluation.DONE) ? "median validation nMSE " + e.score() : e.status() + " " + e.message());
		return !e.status().equals(Evaluation.FAILED);
	}
}
