package org.rate2spike.protocol;

import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.rate2spike.kernels.Workers;
import org.rate2spike.task.Trial;

/**
 * Supplies each trial's f_PC as one block [steps × factors], computed a trial ahead of the spiking network, on its
 * own thread when there are two or more ({@link Workers#threads()}). The source never depends on the spiking
 * network and its trials are computed in the order submitted on one thread, so the values are exactly those of
 * running it inline.
 * <p>
 * With a {@link TeacherRecord} (rate-network sources), a trial whose drive and start state match a recorded trial
 * (exactly, or within round-off once the driven network has converged; see {@link TeacherRecord}) replays the
 * recorded f_PC, and the source continues from the recorded end state; other trials are computed and recorded while
 * the record has room. The decisions are made on the teacher thread in trial order, so they do not depend on the
 * number of threads.
 */
final class TeacherPipeline implements AutoCloseable {

	/** A block and whether it may be recycled (false: it belongs to the record). */
	private record Result(double[] block, boolean reusable) {}

	private final FactorSource source;
	private final RateFactorSource rate;
	private final TeacherRecord record;
	private final int factors;
	private final ExecutorService thread;
	private final ArrayDeque<Future<Result>> queue = new ArrayDeque<>();
	private final ArrayDeque<double[]> free = new ArrayDeque<>();
	private boolean lastReusable;
	private int replayed, computed;

	/** Resets the source; {@code record} may be null (or is ignored unless the source is a rate network). */
	TeacherPipeline(final FactorSource source, final TeacherRecord record) {
		this.source = source;
		this.rate = source instanceof RateFactorSource r ? r : null;
		this.record = rate != null ? record : null;
		this.factors = source.factors();
		this.thread = Workers.threads() > 1 ? Executors.newSingleThreadExecutor(Workers.daemon("rate2spike-teacher")) : null;
		source.reset();
	}

	/** Queues f_PC for every step of {@code trial}, continuing from the last queued trial. */
	void submit(final Trial trial) {
		final int hash = record != null ? TeacherRecord.driveHash(trial) : 0;
		final int size = trial.steps() * factors;
		final Callable<Result> job = () -> {
			TeacherRecord.Entry e = null;
			if (record != null) {
				final double[] x = rate.currentState();
				final TeacherRecord.Entry hit = record.find(trial, hash, x);
				if (hit != null) {
					if (hit.end != x) rate.restoreState(hit.end);
					replayed++;
					return new Result(hit.block, false);
				}
				e = record.add(trial, hash, x, size, 0);
			}
			computed++;
			double[] block;
			if (e != null) block = e.block;
			else {
				synchronized (free) {
					block = free.poll();
				}
				if (block == null || block.length < size) block = new double[size];
			}
			compute(trial, block);
			if (e != null) e.end = rate.saveState();
			return new Result(block, e == null);
		};
		if (thread == null) {
			try {
				queue.add(CompletableFuture.completedFuture(job.call()));
			}
			catch (final Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
		else queue.add(thread.submit(job));
	}

	private void compute(final Trial trial, final double[] block) {
		final double[] f = new double[factors];
		for (int t = 0; t < trial.steps(); t++) {
			source.step(trial, t, f);
			System.arraycopy(f, 0, block, t * factors, factors);
		}
	}

	/** The block of the oldest queued trial (waits for it); hand it back with {@link #release} when done. */
	double[] next() {
		final Result r = Workers.await(queue.remove());
		lastReusable = r.reusable();
		return r.block();
	}

	/**
	 * True when the block last returned by {@link #next} belongs to the record: its values never change, and the same
	 * array comes back whenever that recorded trial is replayed (same drive, same f_PC).
	 */
	boolean recorded() {
		return !lastReusable;
	}

	/** Gives back the block last returned by {@link #next}. */
	void release(final double[] block) {
		if (!lastReusable) return;
		synchronized (free) {
			if (free.size() < 3) free.add(block);
		}
	}

	/** Trials replayed and computed so far (read after {@link #next} of the last trial, or after close). */
	int replayed() {
		return replayed;
	}

	int computed() {
		return computed;
	}

	/** Waits for queued work (so that the source is idle) and stops the thread. */
	@Override
	public void close() {
		while (!queue.isEmpty()) {
			try {
				Workers.await(queue.remove());
			}
			catch (final RuntimeException e) {
				// the run is ending anyway; its own failure is the one to report
			}
		}
		if (thread != null) thread.shutdown();
	}
}
