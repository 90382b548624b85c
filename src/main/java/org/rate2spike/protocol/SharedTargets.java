package org.rate2spike.protocol;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.rate2spike.task.Task;

/**
 * Rate targets with the teacher trials recorded while making them, made once per rate network and shared by the
 * trainings of a search that agree on it (same task, seed, rate parameters and PCA trials): the first training that
 * asks makes them, the others asking meanwhile wait instead of making them again. Each training gets its own
 * {@link TeacherCache#copy()}, so it replays exactly what it would replay alone, and its result does not depend on
 * which other trainings ran, in which order or on how many threads.
 * <p>
 * Memory: at most {@code keep} rate networks, and their J̃ and recorded f_PC together within {@link #MAX_BYTES}; the
 * least recently used are dropped beyond that (and made again, identically, if asked for again). A training's own
 * additions to its copy are bounded as a lone run's are ({@link TeacherCache}).
 */
public final class SharedTargets {

	/** The most the kept targets hold together: 256 MiB, or a quarter of the heap if less. */
	public static final long MAX_BYTES = TeacherCache.MAX_BYTES;

	private final int keep;
	private final LinkedHashMap<String, FutureTask<TeacherCache>> kept = new LinkedHashMap<>(16, 0.75f, true);

	public SharedTargets(final int keep) {
		this.keep = Math.max(1, keep);
	}

	/**
	 * The targets and recorded teacher of one training, as {@code Pipeline.train} makes them: from the driven rate
	 * network, or from the task's recorded activity.
	 */
	public static TeacherCache make(final TrainingConfig c, final Task task, final Progress progress) {
		return task.hasActivity()
			? new TeacherCache(ActivityTargets.run(task, c.rate(), c.trials(), c.seed(), progress))
			: TargetsStage.runKeeping(task, c.rate(), c.trials(), c.seed(), progress).cache();
	}

	/**
	 * A cache of its own for one training on the targets {@code key} names, made by {@code make} unless kept. A failure
	 * of {@code make} (e.g. cancelled) reaches every training waiting for it and is not kept.
	 */
	public TeacherCache get(final String key, final Callable<TeacherCache> make) {
		final FutureTask<TeacherCache> mine = new FutureTask<>(make);
		final FutureTask<TeacherCache> f;
		synchronized (kept) {
			final FutureTask<TeacherCache> there = kept.get(key);
			f = there != null ? there : mine;
			if (there == null) kept.put(key, mine);
		}
		if (f == mine) mine.run();
		try {
			final TeacherCache shared = f.get();
			if (f == mine) trim();
			return shared.copy();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancelledException("interrupted");
		}
		catch (final ExecutionException e) {
			synchronized (kept) {
				kept.remove(key, f);
			}
			if (e.getCause() instanceof RuntimeException r) throw r;
			if (e.getCause() instanceof Error r) throw r;
			throw new IllegalStateException(e.getCause());
		}
	}

	/** Rate networks kept (made or being made). */
	public int size() {
		synchronized (kept) {
			return kept.size();
		}
	}

	/** Drops the least recently used targets beyond {@code keep} or {@link #MAX_BYTES}, never the newest. */
	private void trim() {
		synchronized (kept) {
			long bytes = 0;
			for (final FutureTask<TeacherCache> f : kept.values()) bytes += bytes(f);
			final Iterator<FutureTask<TeacherCache>> it = kept.values().iterator();
			while (kept.size() > 1 && (kept.size() > keep || bytes > MAX_BYTES)) {
				bytes -= bytes(it.next());
				it.remove();
			}
		}
	}

	/** J̃ and the recorded f_PC of made targets; 0 while being made or failed. */
	private static long bytes(final FutureTask<TeacherCache> f) {
		if (!f.isDone()) return 0;
		try {
			final TeacherCache c = f.get();
			final long units = c.targets().units();
			return c.bytes() + 8 * units * units;
		}
		catch (final InterruptedException | ExecutionException | RuntimeException e) {
			return 0;
		}
	}
}
