package org.rate2spike.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.rate2spike.baseline.BaselineStage;
import org.rate2spike.io.NetworkFile;
import org.rate2spike.protocol.CancelledException;
import org.rate2spike.protocol.Checkpoint;
import org.rate2spike.protocol.Metrics;
import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.TestResult;
import org.rate2spike.protocol.TestStage;
import org.rate2spike.protocol.TrainedNetwork;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.protocol.TrainingStage;
import org.rate2spike.rate.RateTargets;
import org.rate2spike.task.Task;

/**
 * Runs a sweep on this machine: independent points in parallel on a fixed pool, each one single-threaded and fixed
 * by its seed (so the table does not depend on the number of threads), finished points kept in {@code sweep.csv}
 * and skipped on restart. Points that share a rate network (same rate parameters and seed) share its targets.
 */
public final class SweepRunner {

	/** Rate-network parameters: points that agree on these and the seed share targets and baseline. */
	static final Set<String> RATE_KEYS = Set.of("rate_units", "tau_rate", "rate_gain", "frac_pca", "pcs", "dt");

	/** Progress of a sweep; {@code cancelled} stops it after the running points' current trial. */
	public interface Listener {
		default void started(final int total, final int alreadyDone) {}

		default void finished(final SweepTable.Row row, final int done, final int total) {}

		/** A line for the user before the points run (the settings the task chose by itself). */
		default void note(final String message) {}

		default boolean cancelled() {
			return false;
		}
	}

	private SweepRunner() {}

	public static SweepResult run(final SweepSpec spec, final Path dir, final int threads, final Listener listener)
		throws IOException
	{
		spec.validate();
		if (threads < 1) throw new org.rate2spike.util.ParameterException("threads", "must be at least 1 (got " + threads + ")");
		Files.createDirectories(dir);
		SweepFiles.checkAndRecord(dir, spec); // never mistake another sweep's points for this one's
		final List<String> axes = new ArrayList<>(spec.axes().keySet());
		final Path csv = dir.resolve(SweepTable.FILE);
		final SweepTable table = SweepTable.read(csv, axes);
		final List<SweepSpec.Job> all = spec.jobs();
		final List<String> order = all.stream().map(SweepSpec.Job::key).toList();
		final int total = order.size();
		int already = 0;
		for (final String k : order) if (table.get(k) != null && table.get(k).done()) already++;
		listener.started(total, already);

		final Map<String, Future<RateTargets>> targets = new ConcurrentHashMap<>();
		final AtomicInteger done = new AtomicInteger(already);
		final Progress progress = new Progress() {
			@Override
			public boolean cancelled() {
				return listener.cancelled();
			}
		};
		final ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
			final Thread t = new Thread(r, "rate2spike-sweep");
			t.setDaemon(true);
			return t;
		});
		try {
			final List<Future<?>> jobs = new ArrayList<>();
			for (final SweepSpec.Job job : all) {
				final SweepTable.Row r = table.get(job.key());
				if (r != null && r.done()) continue;
				jobs.add(pool.submit(() -> record(table, csv, order, listener, done, total, job.key(), job.values(), job.seed(),
					() -> runJob(spec, job, targets, progress))));
			}
			for (final Future<?> j : jobs) j.get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancelledException("interrupted");
		}
		catch (final ExecutionException e) {
			if (e.getCause() instanceof IOException) throw (IOException) e.getCause();
			if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e.getCause();
			throw new IllegalStateException(e.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		return SweepResult.of(spec, table.rows(), total);
	}

	private interface Job {
		SweepTable.Row run() throws Exception;
	}

	/** Runs one job and records its row; a failure is recorded as a 'failed' row (retried on restart), not thrown. */
	private static Void record(final SweepTable table, final Path csv, final List<String> order, final Listener listener,
		final AtomicInteger done, final int total, final String key, final Map<String, String> values, final long seed,
		final Job job) throws IOException
	{
		if (listener.cancelled()) return null;
		SweepTable.Row row;
		try {
			row = job.run();
		}
		catch (final CancelledException e) {
			return null; // unfinished: run again on restart
		}
		catch (final Exception | OutOfMemoryError e) {
			final Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
			final String msg = cause.getMessage() == null ? cause.toString() : cause.getMessage();
			row = new SweepTable.Row("failed", key, values, seed, Double.NaN, Double.NaN, Double.NaN, 0, 0, msg);
		}
		if (row == null) return null;
		table.put(row);
		table.write(csv, order);
		listener.finished(row, done.incrementAndGet(), total);
		return null;
	}

	static Map<String, String> rateValues(final Map<String, String> values) {
		final Map<String, String> m = new LinkedHashMap<>();
		values.forEach((k, v) -> {
			if (RATE_KEYS.contains(k)) m.put(k, v);
		});
		return m;
	}

	static String baselineKey(final Map<String, String> rate, final long seed) {
		final StringBuilder b = new StringBuilder("baseline;");
		rate.forEach((k, v) -> b.append(k).append('=').append(v).append(';'));
		return b.append("seed=").append(seed).toString();
	}

	private static RateTargets targets(final TrainingConfig c, final Task task, final Map<String, Future<RateTargets>> cache,
		final Progress progress) throws Exception
	{
		final String key = baselineKey(rateValues(c.toMap().entrySet().stream().collect(LinkedHashMap::new,
			(m, e) -> m.put(e.getKey(), String.valueOf(e.getValue())), Map::putAll)), c.seed());
		final java.util.concurrent.FutureTask<RateTargets> mine = new java.util.concurrent.FutureTask<>(
			() -> Pipeline.targets(c, task, progress));
		final Future<RateTargets> f = cache.putIfAbsent(key, mine);
		if (f == null) {
			mine.run();
			return mine.get();
		}
		return f.get();
	}

	/** Runs one job: a spiking point or a rate baseline. Null when cancelled. */
	public static SweepTable.Row runJob(final SweepSpec spec, final SweepSpec.Job job,
		final Map<String, Future<RateTargets>> cache, final Progress progress) throws Exception
	{
		return runJob(spec, job, cache, progress, null);
	}

	/**
	 * As above; with a {@code checkpoint} file, a spiking point saves its RLS phase there every tenth of its trials and,
	 * if the file exists when it starts (a preempted or killed task run again), resumes from it — bit for bit.
	 */
	public static SweepTable.Row runJob(final SweepSpec spec, final SweepSpec.Job job,
		final Map<String, Future<RateTargets>> cache, final Progress progress, final Path checkpoint) throws Exception
	{
		return job.baseline() ? baseline(spec, job.values(), job.seed(), job.key(), cache, progress)
			: point(spec, new SweepSpec.Point(job.index(), job.values(), job.seed()), cache, progress, checkpoint);
	}

	private static SweepTable.Row point(final SweepSpec spec, final SweepSpec.Point p,
		final Map<String, Future<RateTargets>> cache, final Progress progress, final Path checkpoint) throws Exception
	{
		final long start = System.nanoTime();
		final TrainingConfig c = p.config(spec.base()).validate();
		final Task task = Pipeline.task(c); // the same task, data options included, as train makes
		final Checkpoint.Schedule schedule = checkpoint == null ? Checkpoint.Schedule.NONE
			: new Checkpoint.Schedule(Math.max(1, c.trials().rls() / 10), ck -> {
				try {
					NetworkFile.saveCheckpoint(ck, checkpoint);
				}
				catch (final IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			});
		final TrainedNetwork net;
		final int pcs;
		if (checkpoint != null && Files.exists(checkpoint)) {
			final Checkpoint ck = NetworkFile.loadCheckpoint(checkpoint);
			net = TrainingStage.resume(ck, task, progress, null, schedule);
			pcs = ck.network().targets().factors();
		}
		else {
			final RateTargets t = targets(c, task, cache, progress);
			net = TrainingStage.run(t, task, c.spiking(), c.trials(), c.seed(), progress, null, schedule);
			pcs = t.factors();
		}
		if (net.log().partial()) {
			if (progress.cancelled()) return null; // unfinished: run again on restart
			return failed(p.key(), p.values(), p.seed(), net.log().note());
		}
		if (checkpoint != null) Files.deleteIfExists(checkpoint);
		final TestResult r = TestStage.run(net, task, c.trials().test(), progress);
		if (r.partial()) {
			if (progress.cancelled()) return null;
			return failed(p.key(), p.values(), p.seed(), "the test diverged after " + r.trials() + " of " + c.trials().test() +
				" trials" + (r.isDiverged() ? ": " + r.diverged() : ""));
		}
		if (!Double.isFinite(r.medianNmse())) return failed(p.key(), p.values(), p.seed(),
			"the median test nMSE is " + r.medianNmse() + " (the network diverged)");
		return new SweepTable.Row("spiking", p.key(), p.values(), p.seed(), r.medianNmse(), r.meanNmse(), r.meanRateHz(),
			pcs, (System.nanoTime() - start) * 1e-9, "");
	}

	private static SweepTable.Row failed(final String key, final Map<String, String> values, final long seed, final String why) {
		return new SweepTable.Row("failed", key, values, seed, Double.NaN, Double.NaN, Double.NaN, 0, 0, why);
	}

	private static SweepTable.Row baseline(final SweepSpec spec, final Map<String, String> rate, final long seed,
		final String key, final Map<String, Future<RateTargets>> cache, final Progress progress) throws Exception
	{
		final long start = System.nanoTime();
		TrainingConfig c = spec.base().withSeed(seed);
		for (final Map.Entry<String, String> e : rate.entrySet()) c = c.with(e.getKey(), e.getValue());
		final Task task = Pipeline.task(c);
		final RateTargets t = targets(c, task, cache, progress);
		final BaselineStage.Outcome o = BaselineStage.run(c, t, task, progress);
		if (!o.complete(c.trials().rls(), c.trials().test())) {
			if (progress.cancelled()) return null;
			return failed(key, rate, seed, "the rate baseline stopped early (diverged)");
		}
		final double[] test = o.test();
		if (!Double.isFinite(Metrics.median(test))) return failed(key, rate, seed,
			"the rate baseline's median test nMSE is " + Metrics.median(test) + " (it diverged)");
		return new SweepTable.Row("baseline", key, rate, seed, Metrics.median(test),
			java.util.Arrays.stream(test).average().orElse(Double.NaN), Double.NaN, t.factors(),
			(System.nanoTime() - start) * 1e-9, "");
	}
}
