package org.rate2spike.protocol;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * With a {@link Record} (rate-network sources), a phase whose trials since the reset have the same drive (inputs
 * and desired outputs, compared exactly) as the recorded ones replays the recorded f_PC instead of recomputing it;
 * where the drive first differs, the source resumes from the state recorded after the last matching trial. Every
 * phase re-runs the same seeded settling trials, and for a task whose trials do not vary every trial matches, so
 * later phases skip most of the rate network. The values are exactly those computed afresh.
 */
final class TeacherPipeline implements AutoCloseable {

	/** What earlier phases computed, one path from the reset: trials, f_PC blocks and the state after each. */
	static final class Record {
		private final long maxBytes;
		private final List<Trial> trials = new ArrayList<>();
		private final List<double[]> blocks = new ArrayList<>();
		private final List<double[][]> states = new ArrayList<>(); // each holds one state, set by the computing job
		private long bytes;

		Record(final long maxBytes) {
			this.maxBytes = maxBytes;
		}

		int size() {
			return trials.size();
		}
	}

	private final FactorSource source;
	private final RateFactorSource rate;
	private final Record record;
	private final int factors;
	private final ExecutorService thread;
	private final ArrayDeque<Future<double[]>> queue = new ArrayDeque<>();
	private final ArrayDeque<Boolean> reusable = new ArrayDeque<>();
	private final ArrayDeque<double[]> free = new ArrayDeque<>();
	private boolean lastReusable;
	private int position; // trials submitted since the reset
	private int sourceAt; // trials the source will have run through once the queued jobs are done
	private boolean onRecord = true; // every trial so far matched the record

	/** Resets the source; {@code record} may be null (or is ignored unless the source is a rate network). */
	TeacherPipeline(final FactorSource source, final Record record) {
		this.source = source;
		this.rate = source instanceof RateFactorSource r ? r : null;
		this.record = rate != null ? record : null;
		this.factors = source.factors();
		this.thread = Workers.threads() > 1 ? Executors.newSingleThreadExecutor(Workers.daemon("rate2spike-teacher")) : null;
		source.reset();
	}

	/** Queues f_PC for every step of {@code trial}, continuing from the last queued trial. */
	void submit(final Trial trial) {
		final int p = position++;
		if (record != null && onRecord && p < record.size() && sameDrive(record.trials.get(p), trial)) {
			queue.add(CompletableFuture.completedFuture(record.blocks.get(p)));
			reusable.add(false);
			return;
		}
		// compute: the source must be in its state after trial p − 1; if that trial was replayed, take the state
		// recorded after it (all trials before p matched the record, so it is the state the source would have)
		final double[][] resume = sourceAt < p ? record.states.get(p - 1) : null;
		final int size = trial.steps() * factors;
		final boolean extend = record != null && onRecord && p == record.size() &&
			record.bytes + 8L * (size + rate.stateSize()) <= record.maxBytes;
		if (!extend) onRecord = false;
		sourceAt = p + 1;
		final double[] block;
		final double[][] after;
		if (extend) { // appended now, filled by the job before anyone reads it through the queue or a later phase
			block = new double[size];
			after = new double[1][];
			record.trials.add(trial);
			record.blocks.add(block);
			record.states.add(after);
			record.bytes += 8L * (size + rate.stateSize());
		}
		else {
			final double[] b = free.poll();
			block = b == null || b.length < size ? new double[size] : b;
			after = null;
		}
		final Callable<double[]> job = () -> {
			if (resume != null) rate.restoreState(resume[0]);
			compute(trial, block);
			if (after != null) after[0] = rate.saveState();
			return block;
		};
		reusable.add(!extend);
		if (thread == null) {
			try {
				queue.add(CompletableFuture.completedFuture(job.call()));
			}
			catch (final Exception e) {
				throw new IllegalStateException(e);
			}
		}
		else queue.add(thread.submit(job));
	}

	private static boolean sameDrive(final Trial a, final Trial b) {
		return a == b || a.steps() == b.steps() && Arrays.deepEquals(a.input(), b.input()) &&
			Arrays.deepEquals(a.output(), b.output());
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
		lastReusable = reusable.remove();
		return Workers.await(queue.remove());
	}

	/** Gives back the block last returned by {@link #next}. */
	void release(final double[] block) {
		if (lastReusable && free.size() < 3) free.add(block);
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
