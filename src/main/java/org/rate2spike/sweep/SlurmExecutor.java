package org.rate2spike.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.rate2spike.format.Json;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.util.ParameterException;

/**
 * Runs a sweep as a SLURM job array: one array task per job of {@link SweepSpec#jobs()}, each running the headless
 * main class {@code org.rate2spike.app.SweepTask} (the command line's {@code sweep-task}) with its index. No scheduler of our own: SLURM's {@code sbatch},
 * {@code squeue} and {@code scancel} do the work; results come back through {@link SweepFiles}.
 */
public final class SlurmExecutor {

	/**
	 * Job settings.
	 *
	 * @param partition SLURM partition ("" for the cluster's default)
	 * @param time time limit per task, e.g. "02:00:00"
	 * @param cpus CPUs per task
	 * @param memMb memory per task in MB (0: derived from the largest point's network state)
	 * @param extra extra {@code #SBATCH} lines, e.g. "--account=lab"
	 */
	public record Options(String partition, String time, int cpus, int memMb, List<String> extra) {

		public static final Options DEFAULTS = new Options("", "02:00:00", 1, 0, List.of());

		public Options validate() {
			if (!time.matches("(\\d+-)?\\d{1,2}(:\\d{2}){0,2}")) throw new ParameterException("time", "must be a SLURM time such as 02:00:00 or 1-00:00:00 (got '" + time + "')");
			if (cpus < 1) throw new ParameterException("cpus_per_task", "must be at least 1 (got " + cpus + ")");
			if (memMb < 0) throw new ParameterException("mem_per_task", "must be a positive number of MB, or 0 for automatic (got " + memMb + ")");
			if (!partition.matches("[A-Za-z0-9_.-]*")) throw new ParameterException("partition", "is not a partition name: '" + partition + "'");
			return this;
		}
	}

	/** A job that did not leave a finished row, with the reason found in its log or the queue. */
	public record Missing(int index, String key, String reason) {}

	private SlurmExecutor() {}

	/** Writes spec.json and the job-array script into {@code dir/slurm}, submits it, returns the job id. */
	public static String submit(final SweepSpec spec, final Path dir, final Options o) throws IOException {
		spec.validate();
		o.validate();
		SweepFiles.checkAndRecord(dir, spec);
		Files.createDirectories(dir.resolve("slurm").resolve("logs"));
		final List<Integer> todo = new ArrayList<>();
		for (final SweepSpec.Job j : spec.jobs()) {
			final SweepTable.Row r = SweepFiles.readRow(dir, j.index());
			if (r == null || !r.done()) todo.add(j.index());
		}
		if (todo.isEmpty()) return "";
		return sbatch(dir, script(spec, dir, o), todo);
	}

	/** Submits again only the jobs that left no finished row. Returns the new job id ("" when none is missing). */
	public static String resubmit(final Path dir, final Options o) throws IOException {
		return submit(SweepFiles.readSpec(dir), dir, o);
	}

	static String script(final SweepSpec spec, final Path dir, final Options o) {
		return script("rate2spike-sweep", "sweep: one array task per grid point or rate baseline (see " + SweepFiles.SPEC + ")",
			o, o.memMb() > 0 ? o.memMb() : memoryMb(spec), dir.toAbsolutePath().resolve("slurm/logs/%A_%a.out"),
			"org.rate2spike.app.SweepTask --dir " + quote(dir.toAbsolutePath().toString()) + " --index \"$SLURM_ARRAY_TASK_ID\"");
	}

	/**
	 * A job-array script whose tasks run {@code mainAndArgs} (a main class and its arguments, quoted for bash) with this
	 * JVM's Java and class path ({@link #classPath}), {@code memMb} of memory and {@code --threads} of the CPUs.
	 *
	 * @param log the {@code --output} pattern of the tasks' logs (absolute)
	 */
	public static String script(final String jobName, final String comment, final Options o, final int memMb, final Path log,
		final String mainAndArgs)
	{
		final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		final String cp = classPath(System.getProperty("java.class.path"), codeSources());
		final StringBuilder b = new StringBuilder("#!/bin/bash\n");
		b.append("# Rate2Spike ").append(comment).append(".\n");
		b.append("#SBATCH --job-name=").append(jobName).append('\n');
		if (!o.partition().isEmpty()) b.append("#SBATCH --partition=").append(o.partition()).append('\n');
		b.append("#SBATCH --time=").append(o.time()).append('\n');
		b.append("#SBATCH --cpus-per-task=").append(o.cpus()).append('\n');
		b.append("#SBATCH --mem=").append(memMb).append("M\n");
		b.append("#SBATCH --requeue\n"); // a preempted task runs again; finished work is skipped
		b.append("#SBATCH --output=").append(log).append('\n');
		for (final String e : o.extra()) b.append("#SBATCH ").append(e.trim()).append('\n');
		b.append("set -euo pipefail\n");
		b.append("exec ").append(quote(java)).append(" -Xmx").append(Math.max(256, memMb * 4 / 5)).append("m -Djava.awt.headless=true")
			.append(" -Drate2spike.threads=").append(o.cpus())
			.append(" -cp ").append(quote(cp)).append(' ').append(mainAndArgs).append(" --threads ").append(o.cpus()).append('\n');
		return b.toString();
	}

	/**
	 * The class path of the array tasks: this JVM's, plus every folder holding a jar that the command line needs but
	 * that is not on it, as {@code folder/*}. Run from the command line or a test, nothing is added; run from Fiji
	 * (whose launcher loads plugins/ and jars/ through its own class loader, so java.class.path names only the
	 * launcher), Fiji's plugins/ and jars/ folders are added and the tasks find the same classes.
	 */
	static String classPath(final String javaClassPath, final List<Path> needed) {
		final List<String> entries = new ArrayList<>();
		for (final String e : (javaClassPath == null ? "" : javaClassPath).split(java.io.File.pathSeparator))
			if (!e.isBlank()) entries.add(e);
		final java.util.Set<Path> have = new java.util.HashSet<>();
		for (final String e : entries) have.add(Path.of(e).toAbsolutePath().normalize());
		for (final Path p : needed) {
			final Path abs = p.toAbsolutePath().normalize();
			if (have.contains(abs) || Files.isDirectory(abs)) continue; // on the class path, or a classes folder (development)
			final Path folder = abs.getParent();
			if (folder == null) continue;
			final String wildcard = folder.resolve("*").toString();
			if (!entries.contains(wildcard) && !have.contains(folder)) entries.add(wildcard);
		}
		return String.join(java.io.File.pathSeparator, entries);
	}

	/** Where this code and the libraries a sweep task loads come from (jars or classes folders). */
	private static List<Path> codeSources() {
		final List<Path> out = new ArrayList<>();
		for (final Class<?> c : new Class<?>[] { SlurmExecutor.class, com.google.gson.Gson.class, org.ejml.data.DMatrixRMaj.class,
			org.ejml.dense.row.CommonOps_DDRM.class, org.jfree.chart.JFreeChart.class }) {
			try {
				final java.security.CodeSource cs = c.getProtectionDomain().getCodeSource();
				if (cs != null && cs.getLocation() != null) out.add(Path.of(cs.getLocation().toURI()));
			}
			catch (final java.net.URISyntaxException | SecurityException | IllegalArgumentException e) {
				// not a file: leave it to java.class.path
			}
		}
		return out;
	}

	/** {@code s} quoted for bash. */
	public static String quote(final String s) {
		return "'" + s.replace("'", "'\\''") + "'";
	}

	/** Memory per task: 1.5 × the largest point's network state plus the JVM's own 512 MB. */
	static int memoryMb(final SweepSpec spec) {
		return memoryMb(spec.points().stream().map(p -> p.config(spec.base())).toList());
	}

	/** Memory per task for trainings of {@code configs}: 1.5 × the largest one's network state plus the JVM's own 512 MB. */
	public static int memoryMb(final java.util.Collection<TrainingConfig> configs) {
		long max = 0;
		for (final TrainingConfig c : configs) max = Math.max(max, stateBytes(c));
		return (int) Math.min(Integer.MAX_VALUE, 512 + (long) Math.ceil(1.5 * max / (1 << 20)));
	}

	/** The largest arrays of a training run: P, the rate network twice (rows and columns), the PCA sums, weights. */
	static long stateBytes(final TrainingConfig c) {
		final long n = c.spiking().neurons(), units = c.rate().units(), traces = 2L * c.spiking().trained();
		long doubles = traces * traces + 3 * units * units + n * 64 + traces * 64;
		final long synapses = (long) Math.ceil(c.spiking().connectionP() * n * n);
		if (c.spiking().slowGain() > 0) doubles += synapses;
		if (c.spiking().fastGain() > 0) doubles += synapses;
		return 8 * doubles;
	}

	private static String sbatch(final Path dir, final String script, final List<Integer> indices) throws IOException {
		return submitArray(dir.resolve("slurm").resolve("sweep.sbatch"), script, indices, dir.resolve("slurm").resolve("jobs.txt"), "");
	}

	/**
	 * Writes {@code script} to {@code file}, submits it as a job array of {@code indices} and appends the job id (after
	 * {@code label}, when not empty, and a space) to {@code jobs}. Returns the job id.
	 */
	public static String submitArray(final Path file, final String script, final List<Integer> indices, final Path jobs,
		final String label) throws IOException
	{
		Files.createDirectories(file.getParent());
		Json.writeAtomically(file, script);
		final String array = indices.stream().map(String::valueOf).collect(Collectors.joining(","));
		final String out = command("sbatch", "--parsable", "--array=" + array, file.toAbsolutePath().toString()).trim();
		final String id = out.contains(";") ? out.substring(0, out.indexOf(';')) : out;
		if (!id.matches("\\d+")) throw new IOException("sbatch did not return a job id: " + out);
		Files.writeString(jobs, (label.isEmpty() ? "" : label + " ") + id + "\n", StandardCharsets.UTF_8,
			java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
		return id;
	}

	/** Waits until none of the sweep's jobs is queued or running. */
	public static void await(final Path dir, final Progress progress) throws IOException {
		await(jobIds(dir), progress, () -> {});
	}

	/**
	 * Waits until none of the jobs {@code ids} is queued or running, or {@code progress} is cancelled (the jobs go on),
	 * calling {@code poll} about once a second meanwhile and once at the end.
	 */
	public static void await(final List<String> ids, final Progress progress, final Poll poll) throws IOException {
		while (!ids.isEmpty() && !progress.cancelled()) {
			poll.run();
			if (command("squeue", "-h", "-o", "%i", "-j", String.join(",", ids)).trim().isEmpty()) break;
			try {
				Thread.sleep(1000);
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		poll.run();
	}

	/** What {@link #await} does while it waits. */
	public interface Poll {
		void run() throws IOException;
	}

	/** Cancels the jobs {@code ids} (their tasks that are queued or running). */
	public static void cancel(final List<String> ids) throws IOException {
		if (!ids.isEmpty()) command(concat(List.of("scancel"), ids).toArray(String[]::new));
	}

	private static List<String> concat(final List<String> a, final List<String> b) {
		final List<String> l = new ArrayList<>(a);
		l.addAll(b);
		return l;
	}

	static List<String> jobIds(final Path dir) throws IOException {
		final Path f = dir.resolve("slurm").resolve("jobs.txt");
		if (!Files.exists(f)) return List.of();
		return Files.readAllLines(f).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	/**
	 * Merges the finished rows into {@code sweep.csv} (the local executor's table) and returns the jobs that left none,
	 * each with the reason: still queued or running, failed (its message), or the last error line of its log.
	 */
	public static List<Missing> collect(final Path dir) throws IOException {
		final SweepSpec spec = SweepFiles.readSpec(dir);
		final List<SweepSpec.Job> jobs = spec.jobs();
		final SweepTable table = new SweepTable(new ArrayList<>(spec.axes().keySet()));
		final List<Missing> missing = new ArrayList<>();
		final String queued = queued(dir);
		for (final SweepSpec.Job j : jobs) {
			final SweepTable.Row r = SweepFiles.readRow(dir, j.index());
			if (r != null) table.put(r);
			if (r != null && r.done()) continue;
			missing.add(new Missing(j.index(), j.key(), r != null ? "failed: " + r.message() : reason(dir, j.index(), queued)));
		}
		table.write(dir.resolve(SweepTable.FILE), jobs.stream().map(SweepSpec.Job::key).toList());
		return missing;
	}

	public static SweepResult result(final Path dir) throws IOException {
		final SweepSpec spec = SweepFiles.readSpec(dir);
		final SweepTable t = SweepTable.read(dir.resolve(SweepTable.FILE), new ArrayList<>(spec.axes().keySet()));
		return SweepResult.of(spec, t.rows(), spec.jobs().size());
	}

	/** "index:state" lines of this sweep's tasks still in the queue. */
	private static String queued(final Path dir) {
		try {
			return queued(jobIds(dir));
		}
		catch (final IOException e) {
			return "";
		}
	}

	/** "index:state" lines of the array tasks of jobs {@code ids} still in the queue ("" when none, or squeue fails). */
	public static String queued(final List<String> ids) {
		try {
			if (ids.isEmpty()) return "";
			return command("squeue", "-h", "-r", "-o", "%K:%T", "-j", String.join(",", ids));
		}
		catch (final IOException e) {
			return "";
		}
	}

	private static String reason(final Path dir, final int index, final String queued) throws IOException {
		final Path logs = dir.resolve("slurm").resolve("logs");
		List<Path> mine = List.of();
		if (Files.isDirectory(logs)) try (var s = Files.list(logs)) {
			mine = s.filter(p -> p.getFileName().toString().endsWith("_" + index + ".out")).sorted().toList();
		}
		return reason(mine, index, queued);
	}

	/**
	 * Why array task {@code index} left no result: still queued or running (by {@link #queued}), else the last error
	 * line (cancelled, time limit, out of memory, an exception) of the last of its {@code logs} that exists, else how
	 * that log ends, or "never ran (no log)".
	 */
	public static String reason(final List<Path> logs, final int index, final String queued) throws IOException {
		for (final String line : queued.split("\n"))
			if (line.startsWith(index + ":")) return "still " + line.substring(line.indexOf(':') + 1).trim().toLowerCase(java.util.Locale.ROOT);
		final List<Path> there = logs.stream().filter(Files::isRegularFile).toList();
		if (there.isEmpty()) return "never ran (no log)";
		final Path log = there.get(there.size() - 1);
		final List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
		for (int i = lines.size() - 1; i >= 0; i--) {
			final String l = lines.get(i);
			if (l.contains("CANCELLED") || l.contains("error") || l.contains("Error") || l.contains("Exception") ||
				l.contains("oom") || l.contains("TIME LIMIT")) return l.trim();
		}
		return "no result; its log " + log.getFileName() + " ends: " + (lines.isEmpty() ? "(empty)" : lines.get(lines.size() - 1).trim());
	}

	/** Runs job {@code index} of the sweep in {@code dir} (the array task's body); skips it if already finished. */
	public static SweepTable.Row runTask(final Path dir, final int index) throws Exception {
		final SweepSpec spec = SweepFiles.readSpec(dir);
		final List<SweepSpec.Job> jobs = spec.jobs();
		if (index < 0 || index >= jobs.size()) throw new ParameterException("index", "must be in 0.." + (jobs.size() - 1) + " (got " + index + ")");
		final SweepTable.Row done = SweepFiles.readRow(dir, index);
		if (done != null && done.done()) return done;
		final SweepSpec.Job job = jobs.get(index);
		SweepTable.Row row;
		try {
			Files.createDirectories(dir.resolve(SweepFiles.POINTS));
			row = SweepRunner.runJob(spec, job, new ConcurrentHashMap<>(), Progress.NONE,
				dir.resolve(SweepFiles.POINTS).resolve(index + ".checkpoint.npz"));
		}
		catch (final RuntimeException e) {
			row = new SweepTable.Row("failed", job.key(), job.values(), job.seed(), Double.NaN, Double.NaN, Double.NaN, 0, 0,
				e.getMessage() == null ? e.toString() : e.getMessage());
		}
		SweepFiles.writeRow(dir, index, row);
		return row;
	}

	static String command(final String... cmd) throws IOException {
		final Process p;
		try {
			p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		}
		catch (final IOException e) {
			throw new ParameterException("executor", "'" + cmd[0] + "' is not available here (" + e.getMessage() +
				"); SLURM's commands must be on the PATH for --executor slurm");
		}
		final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			if (p.waitFor() != 0) throw new IOException(cmd[0] + " failed: " + out.trim());
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException(cmd[0] + " interrupted");
		}
		return out;
	}
}
