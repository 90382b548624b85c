package org.rate2spike.protocol;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.rate2spike.kernels.Workers;
import org.rate2spike.task.Trial;

/**
 * Runs the factor source a trial ahead of the spiking network, on its own thread when there are two or more
 * ({@link Workers#threads()}). The source never depends on the spiking network, and its trials are computed one
 * after another in the order they were submitted, on one thread, so the values are exactly those of running it
 * inline: only the wall time changes. Each trial's f_PC is handed over as one block [steps × factors].
 */
final class TeacherPipeline implements AutoCloseable {

	private final FactorSource source;
	private final int factors;
	private final ExecutorService thread;
	private final ArrayDeque<Future<double[]>> queue = new ArrayDeque<>();
	private final ArrayDeque<double[]> free = new ArrayDeque<>();

	TeacherPipeline(final FactorSource source) {
		this.source = source;
		this.factors = source.factors();
		this.thread = Workers.threads() > 1 ? Executors.newSingleThreadExecutor(Workers.daemon("rate2spike-teacher")) : null;
	}

	/** Queues the computation of f_PC for every step of {@code trial}, continuing from the last queued trial. */
	void submit(final Trial trial) {
		final int steps = trial.steps();
		double[] b = free.poll();
		if (b == null || b.length < steps * factors) b = new double[steps * factors];
		final double[] block = b;
		if (thread == null) {
			compute(trial, block);
			queue.add(CompletableFuture.completedFuture(block));
		}
		else queue.add(thread.submit(() -> compute(trial, block)));
	}

	private double[] compute(final Trial trial, final double[] block) {
		final double[] f = new double[factors];
		for (int t = 0; t < trial.steps(); t++) {
			source.step(trial, t, f);
			System.arraycopy(f, 0, block, t * factors, factors);
		}
		return block;
	}

	/** The block of the oldest queued trial (waits for it); give it back with {@link #release} when done. */
	double[] next() {
		return Workers.await(queue.remove());
	}

	void release(final double[] block) {
		if (free.size() < 3) free.add(block);
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
