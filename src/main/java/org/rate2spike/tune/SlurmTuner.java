package org.rate2spike.tune;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.rate2spike.format.FileFormatException;
import org.rate2spike.format.Json;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.sweep.SlurmExecutor;
import org.rate2spike.util.ParameterException;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The SLURM executor of a search: one job array per rung (with a time budget, per batch of the first rung), whose task
 * {@code i} trains configuration {@code i} on that rung with the headless main class {@code org.rate2spike.app.TuneTask}
 * ({@link #runTask}, the same {@link Tuner#evaluate} as the local threads) and leaves its row in
 * {@code slurm/rows/}. The search stays attached: it polls the queue once a second, records each row in tune.csv as it
 * appears, and when the array has left the queue records a task that left no row as a 'failed' row with the reason
 * from its log. Cancelled, it cancels the array (what finished is kept). Run again after being killed, it first takes
 * the rows the tasks left meanwhile and waits for an array of the rung that is still queued, so no training runs twice.
 *
 * <p>Files in the search folder: {@code slurm/tune-spec.json} (the whole search, for the tasks),
 * {@code slurm/tune-rung<R>.sbatch}, {@code slurm/tune-jobs.txt} ("rung job-id" lines),
 * {@code slurm/logs/tune-r<R>_<job>_<config>.out}, {@code slurm/rows/r<R>-c<config>.csv}.
 */
public final class SlurmTuner implements Tuner.Executor {

	public static final String SPEC = "slurm/tune-spec.json", JOBS = "slurm/tune-jobs.txt", ROWS = "slurm/rows", LOGS = "slurm/logs",
		WINNER = "slurm/tune-winner.json";

	private final TuneSpec spec;
	private final Path dir;
	private final SlurmExecutor.Options options;
	private final int parallel;
	private final Consumer<String> notes;

	/**
	 * @param parallel with a time budget, first-rung configurations submitted per array
	 * @param notes what was submitted, waited for or cancelled, one line each
	 */
	public SlurmTuner(final TuneSpec spec, final Path dir, final SlurmExecutor.Options options, final int parallel,
		final Consumer<String> notes)
	{
		if (parallel < 1) throw new ParameterException("threads", "must be at least 1 (got " + parallel + ")");
		this.spec = spec;
		this.dir = dir;
		this.options = options.validate();
		this.parallel = parallel;
		this.notes = notes;
	}

	@Override
	public int parallel() {
		return parallel;
	}

	@Override
	public void run(final int rung, final List<Integer> configs, final double fraction, final Progress progress,
		final Consumer<Evaluation> done) throws IOException
	{
		writeSpec(dir, spec);
		Files.createDirectories(dir.resolve(ROWS));
		Files.createDirectories(dir.resolve(LOGS));
		final TreeSet<Integer> left = new TreeSet<>(configs);
		final SlurmExecutor.Poll merge = () -> take(rung, left, done);
		merge.run(); // rows the tasks of an earlier, killed search left meanwhile
		final List<String> earlier = jobs(rung);
		if (!left.isEmpty() && !SlurmExecutor.queued(earlier).isBlank()) {
			notes.accept("rung " + rung + ": waiting for job array " + String.join(", ", earlier) + ", submitted before");
			if (!await(earlier, progress, merge)) return;
		}
		if (left.isEmpty()) return;
		final List<Integer> todo = List.copyOf(left);
		final String id = SlurmExecutor.submitArray(dir.resolve("slurm").resolve("tune-rung" + rung + ".sbatch"), script(rung, todo),
			todo, dir.resolve(JOBS), Integer.toString(rung));
		notes.accept("rung " + rung + ": submitted job array " + id + " (" + todo.size() + " tasks)");
		if (!await(List.of(id), progress, merge)) return;
		final List<String> ids = jobs(rung);
		final String queued = SlurmExecutor.queued(ids);
		for (final int c : List.copyOf(left)) {
			final List<Path> logs = ids.stream().map(j -> log(dir, rung, j, c)).toList();
			final String reason = SlurmExecutor.reason(logs, c, queued);
			final int rls = Tuner.trialsRls(spec, c, fraction, null);
			done.accept(new Evaluation(c, rung, spec.proposal(c), rls, Evaluation.FAILED, Double.NaN, 0,
				"the SLURM task left no result: " + reason));
		}
	}

	/**
	 * Trains {@code winner} (its full protocol, with its test) as one SLURM job, {@code org.rate2spike.app.TuneTask
	 * --winner}, into the folder {@code best}, and waits for it. Returns "cancelled" when cancelled (the job is cancelled
	 * too), else what the job's log says, the reason for when it left no result.
	 */
	public String trainWinner(final TrainingConfig winner, final String best, final Progress progress) throws IOException {
		final Map<String, Object> m = new LinkedHashMap<>();
		final Map<String, String> config = new LinkedHashMap<>();
		winner.toMap().forEach((k, v) -> config.put(k, String.valueOf(v)));
		m.put("folder", best);
		m.put("config", config);
		Json.write(dir.resolve(WINNER), m);
		Files.createDirectories(dir.resolve(LOGS));
		final String script = SlurmExecutor.script("rate2spike-tune", "tune: the winner's full training and test (see " + WINNER + ")",
			options, options.memMb() > 0 ? options.memMb() : SlurmExecutor.memoryMb(List.of(winner)),
			dir.toAbsolutePath().resolve(LOGS).resolve("tune-winner_%A_%a.out"),
			"org.rate2spike.app.TuneTask --dir " + SlurmExecutor.quote(dir.toAbsolutePath().toString()) + " --winner");
		final String id = SlurmExecutor.submitArray(dir.resolve("slurm").resolve("tune-winner.sbatch"), script, List.of(0),
			dir.resolve(JOBS), "winner");
		notes.accept("the winner: submitted job " + id + " (its full training and test, into " + best + "/)");
		if (!await(List.of(id), progress, () -> {})) return "cancelled";
		return SlurmExecutor.reason(List.of(dir.resolve(LOGS).resolve("tune-winner_" + id + "_0.out")), 0, SlurmExecutor.queued(List.of(id)));
	}

	/** The winner's configuration and folder (inside the search folder) that {@link #trainWinner} left for its job. */
	public static Map.Entry<TrainingConfig, Path> winner(final Path dir) throws IOException {
		final Path file = dir.resolve(WINNER);
		if (!Files.isRegularFile(file)) throw new FileFormatException(file, "does not exist: no winner was submitted from " + dir);
		final JsonObject o = Json.parse(file, Files.readString(file));
		return Map.entry(TrainingConfig.fromMap(Json.strings(o.getAsJsonObject("config"))).validate(), dir.resolve(o.get("folder").getAsString()));
	}

	/** Waits for {@code ids}; false when cancelled (the jobs are cancelled too). */
	private boolean await(final List<String> ids, final Progress progress, final SlurmExecutor.Poll merge) throws IOException {
		SlurmExecutor.await(ids, progress, merge);
		if (!progress.cancelled() && !Thread.currentThread().isInterrupted()) return true;
		SlurmExecutor.cancel(ids);
		notes.accept("cancelled job array " + String.join(", ", ids) + "; finished trainings are kept");
		return false;
	}

	/** Hands over and forgets each configuration of {@code left} whose task left its row. */
	private void take(final int rung, final TreeSet<Integer> left, final Consumer<Evaluation> done) throws IOException {
		for (final int c : List.copyOf(left)) {
			final Evaluation e = readRow(dir, spec, rung, c);
			if (e == null) continue;
			left.remove(c);
			done.accept(e);
		}
	}

	private String script(final int rung, final List<Integer> configs) {
		final List<TrainingConfig> cs = new ArrayList<>();
		for (final int c : configs) cs.add(spec.config(spec.proposal(c)));
		final int mem = options.memMb() > 0 ? options.memMb() : SlurmExecutor.memoryMb(cs);
		return SlurmExecutor.script("rate2spike-tune", "tune: rung " + rung + ", one array task per configuration (see " + SPEC + ")",
			options, mem, dir.toAbsolutePath().resolve(LOGS).resolve("tune-r" + rung + "_%A_%a.out"),
			"org.rate2spike.app.TuneTask --dir " + SlurmExecutor.quote(dir.toAbsolutePath().toString()) + " --rung " + rung +
				" --config \"$SLURM_ARRAY_TASK_ID\"");
	}

	private static Path log(final Path dir, final int rung, final String job, final int config) {
		return dir.resolve(LOGS).resolve("tune-r" + rung + "_" + job + "_" + config + ".out");
	}

	/** The job ids submitted for {@code rung}, oldest first. */
	private List<String> jobs(final int rung) throws IOException {
		final Path f = dir.resolve(JOBS);
		if (!Files.exists(f)) return List.of();
		final List<String> ids = new ArrayList<>();
		for (final String l : Files.readAllLines(f)) {
			final String[] p = l.trim().split("\\s+");
			if (p.length == 2 && p[0].equals(Integer.toString(rung))) ids.add(p[1]);
		}
		return ids;
	}

	public static Path rowFile(final Path dir, final int rung, final int config) {
		return dir.resolve(ROWS).resolve("r" + rung + "-c" + config + ".csv");
	}

	/** The row a task left (a tune.csv of one row), or null. */
	public static Evaluation readRow(final Path dir, final TuneSpec spec, final int rung, final int config) throws IOException {
		final Path f = rowFile(dir, rung, config);
		return Files.isRegularFile(f) ? TuneTable.read(f, spec.space().names()).get(config, rung) : null;
	}

	/**
	 * The array task's body: trains configuration {@code config} of the search in {@code dir} on {@code rung} and leaves
	 * its row (a failure is a 'failed' row); a row left already is returned as it is.
	 */
	public static Evaluation runTask(final Path dir, final int rung, final int config) throws IOException {
		final TuneSpec spec = readSpec(dir);
		final TuneSpec.Plan plan = spec.plan(1); // the fractions depend on the number of rungs only
		if (rung < 0 || rung >= plan.rungs()) throw new ParameterException("rung", "must be in 0.." + (plan.rungs() - 1) + " (got " + rung + ")");
		if (config < 0) throw new ParameterException("config", "must be 0 or more (got " + config + ")");
		final Evaluation there = readRow(dir, spec, rung, config);
		if (there != null) return there;
		final Evaluation e = Tuner.evaluate(spec, config, rung, plan.fractions()[rung],
			new TrainingObjective(spec.validationTrials()), Progress.NONE);
		final TuneTable t = new TuneTable(spec.space().names());
		t.put(e);
		Files.createDirectories(dir.resolve(ROWS));
		t.write(rowFile(dir, rung, config));
		return e;
	}

	/** {@code slurm/tune-spec.json}: every parameter of the base configuration and the search ({@link TuneSpec#toMap}). */
	public static void writeSpec(final Path dir, final TuneSpec spec) throws IOException {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("format", "rate2spike-tune-spec");
		m.put("version", 1);
		final Map<String, String> base = new LinkedHashMap<>();
		spec.base().toMap().forEach((k, v) -> base.put(k, String.valueOf(v)));
		m.put("base", base);
		m.put("search", spec.toMap());
		Files.createDirectories(dir.resolve(SPEC).getParent());
		Json.write(dir.resolve(SPEC), m);
	}

	/** The search {@link #writeSpec} wrote; refused when it is not the search of the folder's search.json. */
	public static TuneSpec readSpec(final Path dir) throws IOException {
		final Path file = dir.resolve(SPEC);
		if (!Files.isRegularFile(file)) throw new FileFormatException(file, "does not exist: " + dir +
			" is not a search folder written by 'tune --executor slurm'");
		final JsonObject o = Json.parse(file, Files.readString(file));
		final TuneSpec spec;
		try {
			final TrainingConfig base = TrainingConfig.fromMap(Json.strings(o.getAsJsonObject("base")));
			final JsonObject s = o.getAsJsonObject("search");
			final List<Axis> axes = new ArrayList<>();
			for (final JsonElement e : s.getAsJsonArray("space")) {
				final JsonObject a = e.getAsJsonObject();
				if (a.has("choices")) {
					final List<String> choices = new ArrayList<>();
					for (final JsonElement c : a.getAsJsonArray("choices")) choices.add(c.getAsString());
					axes.add(Axis.choice(a.get("name").getAsString(), choices));
					continue;
				}
				axes.add(new Axis(a.get("name").getAsString(), a.get("low").getAsDouble(), a.get("high").getAsDouble(),
					a.get("scale").getAsString().equals("log"), a.get("type").getAsString().equals("int")));
			}
			spec = new TuneSpec(base, new SearchSpace(axes), s.get("budget").getAsInt(), s.get("budget_s").getAsDouble(),
				s.get("eta").getAsInt(), s.get("rungs").getAsInt(), s.get("trials_validation").getAsInt()).validate();
		}
		catch (final RuntimeException e) {
			if (e instanceof FileFormatException) throw e;
			throw new FileFormatException(file, "is not a readable search description (" + e.getMessage() + ")");
		}
		final Path search = dir.resolve(Tuner.SEARCH);
		if (!Files.isRegularFile(search) || !Files.readString(search).trim().equals(Json.write(spec.toMap()).trim()))
			throw new FileFormatException(file, "does not describe the search in " + search + "; submit the search again with 'tune --executor slurm'");
		return spec;
	}
}
