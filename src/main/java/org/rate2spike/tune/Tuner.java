package org.rate2spike.tune;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.rate2spike.format.Json;
import org.rate2spike.protocol.CancelledException;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.util.ParameterException;

/**
 * The search: successive halving over seeded random proposals. Rung 0 trains many configurations with a fraction of
 * their RLS trials; each later rung trains the best 1/eta of the one below eta times longer; the top rung trains the
 * full protocol. Every training is scored by an {@link Objective} (for real runs {@link TrainingObjective}: the median
 * nMSE on validation trials). Each rung's trainings run through an {@link Executor} (a pool of local threads, or
 * {@link SlurmTuner}'s job array per rung), are recorded in tune.csv as they finish, and are skipped when the search is
 * run again in the same folder, so a killed search continues where it stopped and ends as the uninterrupted one would
 * have (with a budget of trainings; with a time budget the number of first-rung configurations depends on the
 * machine's speed).
 *
 * <p>A rung is a list of independent trainings fixed by (configuration, rung): {@link #evaluate} trains one of them the
 * same way wherever it runs, so every executor leaves the same rows.
 */
public final class Tuner {

	/** The search description kept in the folder, so that a different search is not resumed there. */
	public static final String SEARCH = "search.json";

	/** What one training scored. {@code status} is one of {@link Evaluation}'s. */
	public record Score(String status, double value, String message) {

		public static Score of(final double value) {
			return Double.isNaN(value) ? new Score(Evaluation.FAILED, Double.NaN, "the validation nMSE is NaN")
				: new Score(Evaluation.DONE, value, "");
		}
	}

	/** Trains and scores one configuration; null when cancelled (nothing is recorded, it runs again on restart). */
	public interface Objective {
		Score evaluate(TrainingConfig config, Progress progress) throws Exception;
	}

	/** Progress of a search; {@code cancelled} stops it after the running trainings. */
	public interface Listener {
		default void rungStarted(final int rung, final int configurations, final int alreadyDone, final int trialsRls) {}

		default void finished(final Evaluation e, final int done, final int planned) {}

		/** A line about the executor's work (a SLURM job array submitted, waited for or cancelled). */
		default void note(final String message) {}

		default boolean cancelled() {
			return false;
		}
	}

	/**
	 * Runs a list of trainings of one rung: configurations {@code configs} (none of them recorded yet), each trained
	 * with {@code fraction} of its RLS trials as {@link #evaluate} does, handing every finished evaluation to
	 * {@code done} as it comes (from any thread). Returns when all are done, or soon after {@code progress} is
	 * cancelled (what has not finished is not handed over and runs again on restart).
	 */
	public interface Executor {
		void run(int rung, List<Integer> configs, double fraction, Progress progress, Consumer<Evaluation> done) throws IOException;

		/** Trainings run at once: with a time budget the first rung runs in batches of this many. */
		default int parallel() {
			return 1;
		}
	}

	private Tuner() {}

	/** The search on {@code threads} local threads, each training scored by {@code objective}. */
	public static TuneResult run(final TuneSpec spec, final Path dir, final int threads, final Objective objective,
		final Listener listener) throws IOException
	{
		return run(spec, dir, local(spec, threads, objective), listener);
	}

	/** The search, its trainings run by {@code executor}. */
	public static TuneResult run(final TuneSpec spec, final Path dir, final Executor executor, final Listener listener)
		throws IOException
	{
		spec.validate();
		Files.createDirectories(dir);
		checkSearch(dir, spec);
		final Path csv = dir.resolve(TuneTable.FILE);
		final TuneTable table = TuneTable.read(csv, spec.space().names());
		final Progress progress = new Progress() {
			@Override
			public boolean cancelled() {
				return listener.cancelled();
			}
		};
		final Runner runner = new Runner(table, csv, executor, listener, progress, spec);
		TuneSpec.Plan plan;
		if (spec.timed()) {
			plan = spec.plan(1);
			runner.timedFirstRung(plan, executor.parallel());
			plan = spec.plan(Math.max(1, table.rung(0).size()));
		}
		else plan = spec.plan();
		runner.planned = plan.trainings();
		List<Integer> candidates = new ArrayList<>();
		for (int i = 0; i < plan.sizes()[0]; i++) candidates.add(i);
		for (int r = 0; r < plan.rungs() && !listener.cancelled(); r++) {
			if (r > 0) {
				final List<Evaluation> below = table.rung(r - 1);
				if (below.size() < plan.sizes()[r - 1]) break; // the rung below did not finish (cancelled)
				candidates = withStart(promoted(below, plan.sizes()[r]), below);
			}
			runner.rung(r, candidates, plan.fractions()[r]);
		}
		return TuneResult.of(spec, plan, table.rows(), !listener.cancelled());
	}

	/** The local executor: a pool of {@code threads} threads (one per call), each training scored by {@code objective}. */
	public static Executor local(final TuneSpec spec, final int threads, final Objective objective) {
		if (threads < 1) throw new ParameterException("threads", "must be at least 1 (got " + threads + ")");
		return new Executor() {
			@Override
			public void run(final int rung, final List<Integer> configs, final double fraction, final Progress progress,
				final Consumer<Evaluation> done) throws IOException
			{
				final ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
					final Thread t = new Thread(r, "rate2spike-tune");
					t.setDaemon(true);
					return t;
				});
				try {
					final List<Future<?>> jobs = new ArrayList<>();
					for (final int c : configs) jobs.add(pool.submit(() -> {
						final Evaluation e = evaluate(spec, c, rung, fraction, objective, progress);
						if (e != null) done.accept(e);
						return null;
					}));
					for (final Future<?> j : jobs) j.get();
				}
				catch (final InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new CancelledException("interrupted");
				}
				catch (final ExecutionException e) {
					if (e.getCause() instanceof java.io.UncheckedIOException io) throw io.getCause();
					if (e.getCause() instanceof IOException io) throw io;
					if (e.getCause() instanceof RuntimeException re) throw re;
					if (e.getCause() instanceof Error err) throw err;
					throw new IllegalStateException(e.getCause());
				}
				finally {
					pool.shutdownNow();
				}
			}

			@Override
			public int parallel() {
				return threads;
			}
		};
	}

	/**
	 * Trains configuration {@code c} of {@code spec} on {@code rung} ({@code fraction} of its RLS trials) and scores it:
	 * its row of tune.csv, a failure as a 'failed' row rather than thrown; null when cancelled. The one training of
	 * every executor, so the local threads and the SLURM array tasks leave the same rows.
	 */
	public static Evaluation evaluate(final TuneSpec spec, final int c, final int rung, final double fraction,
		final Objective objective, final Progress progress)
	{
		if (progress.cancelled()) return null;
		final Map<String, String> values = spec.proposal(c);
		final long start = System.nanoTime();
		TrainingConfig config = null;
		Score s;
		try {
			config = TuneSpec.shortened(spec.config(values), fraction).validate();
			s = objective.evaluate(config, progress);
		}
		catch (final CancelledException e) {
			return null;
		}
		catch (final Exception | OutOfMemoryError e) {
			s = new Score(Evaluation.FAILED, Double.NaN, e.getMessage() == null ? e.toString() : e.getMessage());
		}
		if (s == null) return null;
		return new Evaluation(c, rung, new LinkedHashMap<>(values), trialsRls(spec, c, fraction, config), s.status(), s.value(),
			(System.nanoTime() - start) * 1e-9, s.message());
	}

	/** The RLS trials configuration {@code c} trains with {@code fraction} of them (0 when its settings are not valid). */
	static int trialsRls(final TuneSpec spec, final int c, final double fraction, final TrainingConfig config) {
		if (config != null) return config.trials().rls();
		try {
			return TuneSpec.shortened(spec.config(spec.proposal(c)), fraction).trials().rls();
		}
		catch (final RuntimeException e) {
			return 0;
		}
	}

	/** The best {@code keep} of a rung's evaluations (see {@link Evaluation#compare}), by configuration number. */
	public static List<Integer> promoted(final List<Evaluation> rung, final int keep) {
		final List<Evaluation> sorted = new ArrayList<>(rung);
		sorted.sort(Evaluation::compare);
		final List<Integer> out = new ArrayList<>();
		for (int i = 0; i < Math.min(keep, sorted.size()); i++) out.add(sorted.get(i).config());
		return out;
	}

	/**
	 * {@code promoted} plus the starting point (configuration 0, the given settings) when it trained on the rung below
	 * but was not promoted: short protocols rank settings by how fast they learn, and settings that learn slowly but
	 * well would otherwise be dropped, so the search could return worse settings than it started from. Carrying the
	 * start costs at most one training per rung and guarantees the winner is at least as good on validation trials.
	 */
	static List<Integer> withStart(final List<Integer> promoted, final List<Evaluation> below) {
		if (promoted.contains(0) || below.stream().noneMatch(e -> e.config() == 0)) return promoted;
		final List<Integer> out = new ArrayList<>(promoted);
		out.add(0);
		return out;
	}

	/** Refuses to continue a different search in {@code dir}; writes the description on the first run. */
	private static void checkSearch(final Path dir, final TuneSpec spec) throws IOException {
		final Path file = dir.resolve(SEARCH);
		final String mine = Json.write(spec.toMap());
		if (Files.exists(file)) {
			final String there = Files.readString(file).trim();
			if (!there.equals(mine.trim())) throw new ParameterException("out", dir + " holds a different search (" + SEARCH +
				" differs: space, budget, seed or fixed settings); choose another folder to start a new one, or give the same options to continue it");
		}
		else Json.writeAtomically(file, mine);
	}

	/** Runs the trainings of one search. */
	private static final class Runner {
		final TuneTable table;
		final Path csv;
		final Executor executor;
		final Listener listener;
		final Progress progress;
		final TuneSpec spec;
		final AtomicInteger done;
		int planned;

		Runner(final TuneTable table, final Path csv, final Executor executor, final Listener listener, final Progress progress,
			final TuneSpec spec)
		{
			this.table = table;
			this.csv = csv;
			this.executor = executor;
			this.listener = listener;
			this.progress = progress;
			this.spec = spec;
			this.done = new AtomicInteger(table.rows().size());
		}

		void rung(final int rung, final List<Integer> configs, final double fraction) throws IOException {
			int already = 0;
			for (final int c : configs) if (table.get(c, rung) != null) already++;
			listener.rungStarted(rung, configs.size(), already,
				TuneSpec.shortened(spec.base(), fraction).trials().rls());
			batch(rung, configs, fraction);
		}

		/**
		 * With a time budget: first-rung configurations in batches of {@code threads} until that rung's share of the time
		 * (1/rungs) is spent, counted as the recorded trainings' wall time over the threads (so a restart counts the same).
		 */
		void timedFirstRung(final TuneSpec.Plan plan, final int threads) throws IOException {
			final double share = spec.budgetSeconds() / plan.rungs();
			listener.rungStarted(0, -1, table.rung(0).size(), TuneSpec.shortened(spec.base(), plan.fractions()[0]).trials().rls());
			while (!listener.cancelled()) {
				final TreeSet<Integer> have = new TreeSet<>();
				double spent = 0;
				for (final Evaluation e : table.rung(0)) {
					have.add(e.config());
					spent += e.wallSeconds();
				}
				final List<Integer> next = new ArrayList<>();
				final int top = have.isEmpty() ? -1 : have.last();
				for (int i = 0; i < top; i++) if (!have.contains(i)) next.add(i); // a batch a kill interrupted
				if (next.isEmpty()) {
					if (spent / threads >= share && !have.isEmpty()) return;
					for (int i = top + 1; next.size() < threads; i++) next.add(i);
				}
				planned = have.size() + next.size();
				batch(0, next, plan.fractions()[0]);
			}
		}

		/** Runs the configurations not yet recorded; records each row as it finishes. */
		private void batch(final int rung, final List<Integer> configs, final double fraction) throws IOException {
			final List<Integer> todo = configs.stream().filter(c -> table.get(c, rung) == null).toList();
			if (todo.isEmpty() || listener.cancelled()) return;
			executor.run(rung, todo, fraction, progress, this::record);
		}

		private synchronized void record(final Evaluation e) {
			table.put(e);
			try {
				table.write(csv);
			}
			catch (final IOException x) {
				throw new java.io.UncheckedIOException(x);
			}
			listener.finished(e, done.incrementAndGet(), planned);
		}
	}
}
