package org.rate2spike.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * The fixed pool of worker threads. Work is split deterministically: either into row ranges whose results do not
 * depend on the split (each output element is computed by one thread in a fixed order), or into a pipeline stage
 * that runs one sequential computation ahead on its own thread. Either way the same seed gives the same result
 * whatever the number of threads. Threads wait by blocking, never by spinning: the machine may be busy.
 * <p>
 * The number of threads is {@code -Drate2spike.threads=K} if given, else the number of processors (at most 8).
 */
public final class Workers {

	private static int threads = defaultThreads();
	private static ExecutorService pool;

	private Workers() {}

	private static int defaultThreads() {
		final String p = System.getProperty("rate2spike.threads");
		if (p != null) {
			try {
				return Math.max(1, Integer.parseInt(p.trim()));
			}
			catch (final NumberFormatException e) {
				// fall through to the default
			}
		}
		return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
	}

	/** Threads used by parallel kernels and pipelines (1: everything on the calling thread). */
	public static synchronized int threads() {
		return threads;
	}

	/** Sets the number of threads (tests use this to show results do not depend on it). */
	public static synchronized void setThreads(final int n) {
		if (n < 1) throw new IllegalArgumentException("threads must be at least 1");
		if (n != threads && pool != null) {
			pool.shutdown();
			pool = null;
		}
		threads = n;
	}

	private static synchronized ExecutorService pool() {
		if (pool == null) pool = Executors.newFixedThreadPool(Math.max(1, threads - 1), daemon("rate2spike-worker"));
		return pool;
	}

	/** A thread factory for daemon threads (a running JVM never waits for them). */
	public static ThreadFactory daemon(final String name) {
		return r -> {
			final Thread t = new Thread(r, name);
			t.setDaemon(true);
			return t;
		};
	}

	/** Body of a parallel loop over [from, to). */
	public interface Range {
		void run(int from, int to);
	}

	/**
	 * Runs {@code body} over [0, n) split into contiguous parts, one per thread, the calling thread taking the last.
	 * Use only where every output element is written by exactly one part (so the split cannot change results).
	 * {@code minPerThread}: below this many items per thread it runs on the calling thread alone.
	 */
	public static void forRange(final int n, final int minPerThread, final Range body) {
		final int t = Math.min(threads(), Math.max(1, n / Math.max(1, minPerThread)));
		if (t <= 1) {
			body.run(0, n);
			return;
		}
		final ExecutorService p = pool();
		final List<Future<?>> futures = new ArrayList<>(t - 1);
		for (int k = 0; k < t - 1; k++) {
			final int from = (int) ((long) n * k / t), to = (int) ((long) n * (k + 1) / t);
			futures.add(p.submit(() -> body.run(from, to)));
		}
		body.run((int) ((long) n * (t - 1) / t), n);
		for (final Future<?> f : futures) await(f);
	}

	/**
	 * Runs tasks 0 … n−1, each once, on the calling thread and the pool together, each thread taking the next task not
	 * yet taken; returns when all are done. For independent work (pictures, files), not for results that must not depend
	 * on the number of threads. The caller never waits for a pool thread that has not started (so a task running on the
	 * pool may call this too), only for tasks already taken. After a failure no new task starts; the first failure is
	 * rethrown (unchecked) once the tasks already taken have finished.
	 */
	public static void each(final int n, final java.util.function.IntConsumer task) {
		final int t = Math.min(threads(), n);
		final Object lock = new Object();
		final int[] next = { 0 }, taken = { 0 };
		final Throwable[] failed = { null };
		final Runnable take = () -> {
			while (true) {
				final int i;
				synchronized (lock) {
					if (next[0] >= n) return;
					i = next[0]++;
					taken[0]++;
				}
				try {
					task.accept(i);
				}
				catch (final RuntimeException | Error e) {
					synchronized (lock) {
						if (failed[0] == null) failed[0] = e;
						next[0] = n;
					}
				}
				finally {
					synchronized (lock) {
						taken[0]--;
						lock.notifyAll();
					}
				}
			}
		};
		if (t > 1) {
			final ExecutorService p = pool();
			for (int k = 0; k < t - 1; k++) p.execute(take);
		}
		take.run();
		boolean interrupted = false;
		synchronized (lock) {
			while (taken[0] > 0) {
				try {
					lock.wait();
				}
				catch (final InterruptedException e) {
					interrupted = true;
				}
			}
		}
		if (interrupted) Thread.currentThread().interrupt();
		if (failed[0] instanceof RuntimeException r) throw r;
		if (failed[0] instanceof Error e) throw e;
	}

	/** Waits for a future, rethrowing its failure unchecked. */
	public static <T> T await(final Future<T> f) {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return f.get();
				}
				catch (final InterruptedException e) {
					interrupted = true;
				}
			}
		}
		catch (final ExecutionException e) {
			final Throwable c = e.getCause();
			if (c instanceof RuntimeException r) throw r;
			if (c instanceof Error err) throw err;
			throw new IllegalStateException(c);
		}
		finally {
			if (interrupted) Thread.currentThread().interrupt();
		}
	}
}
