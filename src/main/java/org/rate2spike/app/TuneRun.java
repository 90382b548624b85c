package org.rate2spike.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rate2spike.format.Json;
import org.rate2spike.params.ParamDef;
import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.pipeline.TaskSettings;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.render.Charts;
import org.rate2spike.sweep.SlurmExecutor;
import org.rate2spike.tune.Axis;
import org.rate2spike.tune.SlurmTuner;
import org.rate2spike.tune.TrainingObjective;
import org.rate2spike.tune.TuneResult;
import org.rate2spike.tune.TuneSpec;
import org.rate2spike.tune.TuneTable;
import org.rate2spike.tune.Tuner;
import org.rate2spike.util.ParameterException;

/**
 * Use case: a settings search ({@link Tuner}) on local threads or as one SLURM job array per rung ({@link SlurmTuner}),
 * resumable in its folder; writes tune.csv, tune.json and
 * one plot per searched parameter ({@code tune_<name>.png}), then trains the winner with the full protocol and tests
 * it, as {@link TrainRun} into the subfolder {@code best/}, and gives the train command line that reproduces it.
 */
public final class TuneRun {

	/** The winner's run folder inside the search folder. */
	public static final String BEST = "best";

	/**
	 * @param given the parameters of the base the user set ({@link TaskSettings}): the task's own settings fill the
	 *        others, searched ones included, so that the first configuration is the task's choice
	 * @param threads trainings run at once on this machine (with SLURM and a time budget: first-rung configurations per
	 *        job array)
	 * @param slurm run each rung's trainings as a SLURM job array with these settings ({@link SlurmTuner}); null: on
	 *        local threads
	 */
	public record Request(TuneSpec spec, Set<String> given, Output out, int threads, SlurmExecutor.Options slurm) {

		public Request(final TuneSpec spec, final Set<String> given, final Output out, final int threads) {
			this(spec, given, out, threads, null);
		}
	}

	/**
	 * @param search the search's evaluations and winner
	 * @param best the winner's full training and test (null when the search did not finish or nothing trained)
	 * @param bestTestNmse the winner's median test nMSE (NaN without one)
	 * @param command the train command line that reproduces the winner (null without one)
	 */
	public record Result(TuneResult search, TrainRun.Result best, double bestTestNmse, String command, Path dir) {}

	private TuneRun() {}

	/** Validates, makes the task once (a bad task or data file fails before any training), runs, writes. */
	public static Result run(final Request r, final Tuner.Listener listener, final Progress progress) throws IOException {
		final TaskSettings.Chosen chosen = chosen(check(r.spec()), r.given());
		if (chosen.note() != null) listener.note(chosen.note());
		final TuneSpec spec = withBase(r.spec(), chosen.config());
		if (r.threads() < 1) throw new ParameterException("threads", "must be at least 1 (got " + r.threads() + ")");
		final Path dir = r.out().prepare();
		if (dir == null) throw new ParameterException(r.out().param(), "is required: the folder for the search");
		final SlurmTuner slurm = r.slurm() == null ? null : new SlurmTuner(spec, dir, r.slurm(), r.threads(), listener::note);
		final Tuner.Executor executor = slurm != null ? slurm : Tuner.local(spec, r.threads(), new TrainingObjective(spec.validationTrials()));
		final TuneResult search = Tuner.run(spec, dir, executor, listener);
		for (final Axis a : spec.space().axes())
			Charts.savePng(Charts.tuneAxis(search, a), dir.resolve(plot(a.name())));
		if (!search.complete() || search.winner() == null) {
			search.write(dir, Map.of(RunFolder.CHOSEN_BY_TASK, chosen.chosen()));
			return new Result(search, null, Double.NaN, null, dir);
		}
		final TrainingConfig winner = search.winnerConfig();
		final Path bestDir = dir.resolve(BEST);
		final String command = command(winner, bestDir, chosen.suggested());
		final Map<String, Object> extra = new LinkedHashMap<>();
		extra.put(RunFolder.CHOSEN_BY_TASK, chosen.chosen());
		extra.put("command", command);
		TrainRun.Result best = null;
		double test;
		final Path summary = bestDir.resolve(RunFolder.SUMMARY);
		if (Files.exists(summary) && sameConfig(summary, winner)) // a finished search run again: the winner is already trained
			test = testNmse(summary);
		else if (slurm != null) { // the winner trains on the cluster too
			final String why = slurm.trainWinner(winner, BEST, progress);
			if (!Files.exists(summary) || !sameConfig(summary, winner)) {
				listener.note("the winner's training on SLURM left no result: " + why);
				search.write(dir, extra);
				return new Result(search, null, Double.NaN, command, dir);
			}
			test = testNmse(summary);
		}
		else {
			best = TrainRun.run(new TrainRun.Request(winner, TaskSettings.all(), null, new Output(bestDir, true, r.out().param(), r.out().overwriteHint()), 0, false),
				progress);
			if (!best.complete()) {
				search.write(dir, extra);
				return new Result(search, best, Double.NaN, command, dir);
			}
			test = best.run().test().medianNmse();
		}
		final Map<String, Object> b = new LinkedHashMap<>();
		b.put("folder", BEST);
		b.put("median_validation_nmse", search.winner().score());
		b.put("median_test_nmse", test);
		extra.put("best", b);
		search.write(dir, extra);
		return new Result(search, best, test, command, dir);
	}

	/** The task's own settings in the base of {@code spec} where the user set none ({@link TaskSettings}). */
	static TaskSettings.Chosen chosen(final TuneSpec spec, final Set<String> given) {
		return TaskSettings.choose(spec.base(), Pipeline.task(spec.base()), given);
	}

	static TuneSpec withBase(final TuneSpec s, final TrainingConfig base) {
		return new TuneSpec(base, s.space(), s.budget(), s.budgetSeconds(), s.eta(), s.rungs(), s.validationTrials()).validate();
	}

	/** Validates the search and makes its task, so that a bad task or data file fails before anything is written. */
	public static TuneSpec check(final TuneSpec spec) {
		spec.validate();
		Pipeline.task(spec.base());
		return spec;
	}

	private static double testNmse(final Path summary) throws IOException {
		return Json.parse(summary, Files.readString(summary)).get("median_test_nmse").getAsDouble();
	}

	/** The winner's full training and test, into {@code best} as {@link #run} does it locally: the body of the SLURM job. */
	static TrainRun.Result trainWinner(final TrainingConfig winner, final Path best) throws IOException {
		return TrainRun.run(new TrainRun.Request(winner, TaskSettings.all(), null, Output.cli(best, true), 0, false), Progress.NONE);
	}

	/**
	 * Whether {@code summary} is of a training with configuration {@code c}. With {@code pcs} 0 (chosen by
	 * {@code frac_pca}) the summary's {@code pcs} is the number chosen, so it is not compared.
	 */
	static boolean sameConfig(final Path summary, final TrainingConfig c) throws IOException {
		final Map<String, String> s = Json.strings(Json.parse(summary, Files.readString(summary)));
		for (final Map.Entry<String, Object> e : c.toMap().entrySet()) {
			if (e.getKey().equals("pcs") && c.rate().pcs() == 0) continue;
			if (!String.valueOf(e.getValue()).equals(s.get(e.getKey()))) return false;
		}
		return true;
	}

	/** The plot of the scores against parameter {@code name}. */
	public static String plot(final String name) {
		return "tune_" + name + ".png";
	}

	/** The files a search writes (besides the plots and best/). */
	public static final String[] FILES = { TuneTable.FILE, TuneResult.FILE, Tuner.SEARCH };

	/**
	 * {@code java -jar rate2spike-cli.jar train} with every parameter of {@code c} that differs from the defaults, and
	 * {@code --out}: the command line that trains {@code c} again.
	 */
	public static String command(final TrainingConfig c, final Path out) {
		return command(c, out, Set.of());
	}

	/**
	 * As above, also naming every parameter in {@code taskSettings} (those the task would otherwise choose by itself)
	 * even at its default, so that the command reproduces {@code c}.
	 */
	public static String command(final TrainingConfig c, final Path out, final Set<String> taskSettings) {
		final List<String> args = new ArrayList<>(List.of("java", "-jar", "rate2spike-cli.jar", "train"));
		final Map<String, Object> mine = c.toMap(), defaults = TrainingConfig.DEFAULTS.toMap();
		for (final ParamDef d : TrainingConfig.TABLE.params()) {
			final Object v = mine.get(d.name());
			if (v == null || (v.equals(defaults.get(d.name())) && !taskSettings.contains(d.name()))) continue;
			args.add("--" + d.name().replace('_', '-'));
			args.add(quote(v instanceof Double x ? number(x) : String.valueOf(v)));
		}
		args.add("--out");
		args.add(quote(out.toString()));
		return String.join(" ", args);
	}

	private static String number(final double x) {
		return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
	}

	private static String quote(final String s) {
		return s.matches("[A-Za-z0-9_./:=+,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
	}
}
