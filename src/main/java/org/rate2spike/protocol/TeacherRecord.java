package org.rate2spike.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.rate2spike.kernels.Kernels;
import org.rate2spike.kernels.Workers;
import org.rate2spike.task.Trial;

/**
 * Teacher trials the rate network has computed, each kept with its drive (inputs and desired outputs), the state x it
 * started from, the state it ended in and its values (f_PC per step, or f_J per step in the PCA phase), for replay.
 * <p>
 * A trial is a deterministic function of its start state and its drive, so a trial whose drive equals a recorded one
 * (compared exactly) and whose start state equals the recorded start state gives exactly the recorded values; every
 * phase restarts from the same x and re-runs the same settling trials, so these replays are exact. The driven network
 * also contracts onto the trajectory its drive imposes (for the oscillation task 4-13-fold per trial), so that
 * consecutive trials with the same drive soon start from states that differ by less than {@link #TOLERANCE} (relative
 * to the recorded state's largest |x|). Such a trial is replayed too: the closest recorded trial is replayed and the
 * rate network continues from that trial's end state. The replayed values then differ from computed ones by about the
 * tolerance (measured: |Δf_J| ≈ |Δx|), 1e-9 of values of order 1: seven orders of magnitude below the error the
 * spiking network reaches, and below what moves a spike (seeds 1-5 of the default protocol give the same spike
 * trains, outputs and test nMSE to the bit as with 1e-14; only the PCs move, by up to 1e-8). Replaying from 1e-9
 * rather than from round-off (1e-14) saves the 5-10 trials the network takes to contract that much further.
 * <p>
 * At most {@code maxBytes} of values and states are kept; beyond that trials are computed and not recorded. Entries
 * are only added and read by one thread at a time (the teacher thread of the phase that runs).
 */
final class TeacherRecord {

	/**
	 * Start states this close (max |Δx| ÷ max |x|) count as the same: 1e-9, or {@code -Drate2spike.replayTolerance=T}
	 * (1e-14: replay only from round-off; 0: exact repeats only, as a check or for comparison).
	 */
	static final double TOLERANCE = org.rate2spike.util.Tuning.nonNegative("rate2spike.replayTolerance", 1e-9);

	/** One recorded trial. */
	static final class Entry {
		final Trial drive;
		final double[] start;
		double[] end; // set by the computing job, before anyone can replay the entry
		/** f_PC, [steps × factors] flat, or null in a record of f_J. */
		double[] block;
		/** f_J by step, [steps][units], or null in a record of f_PC. */
		double[][] rows;
		/** Counted replays of this entry in the PCA phase (kept by its consumer, not by the record). */
		int replays;
		private final double scale;

		private Entry(final Trial drive, final double[] start) {
			this.drive = drive;
			this.start = start;
			double m = 0;
			for (final double x : start) m = Math.max(m, Math.abs(x));
			this.scale = Math.max(m, Double.MIN_NORMAL);
		}
	}

	private final long maxBytes;
	private long bytes;
	private final Map<Integer, List<Entry>> byDrive = new HashMap<>();
	private final List<Entry> entries = new ArrayList<>();

	TeacherRecord(final long maxBytes) {
		this.maxBytes = maxBytes;
	}

	int size() {
		return entries.size();
	}

	long bytes() {
		return bytes;
	}

	List<Entry> entries() {
		return entries;
	}

	/** A hash of the trial's drive: equal drives, equal hashes. */
	static int driveHash(final Trial t) {
		return 31 * (31 * t.steps() + Arrays.deepHashCode(t.input())) + Arrays.deepHashCode(t.output());
	}

	static boolean sameDrive(final Trial a, final Trial b) {
		return a == b || a.steps() == b.steps() && Arrays.deepEquals(a.input(), b.input()) &&
			Arrays.deepEquals(a.output(), b.output());
	}

	/**
	 * The recorded trial with this drive whose start state is closest to {@code state} (max |Δx|), if within the
	 * tolerance; null if none. An exact match (Δx = 0) is taken at once.
	 */
	Entry find(final Trial trial, final int hash, final double[] state) {
		final List<Entry> list = byDrive.get(hash);
		if (list == null) return null;
		Entry best = null;
		double bestDiff = Double.POSITIVE_INFINITY;
		for (final Entry e : list) {
			if (e.end == null || !sameDrive(e.drive, trial)) continue;
			final double limit = Math.min(bestDiff, TOLERANCE * e.scale);
			final double d = maxDiff(e.start, state, limit);
			if (d == 0) return e;
			if (d <= limit && d < bestDiff) {
				best = e;
				bestDiff = d;
			}
		}
		return best;
	}

	/** max |a − b|, or a value above {@code limit} as soon as one difference exceeds it. */
	private static double maxDiff(final double[] a, final double[] b, final double limit) {
		double m = 0;
		for (int i = 0; i < a.length; i++) {
			final double d = Math.abs(a[i] - b[i]);
			if (d > m) {
				if (d > limit) return d;
				m = d;
			}
		}
		return m;
	}

	/**
	 * A new entry for a trial about to be computed from {@code start} (copied), holding {@code blockSize} values of
	 * f_PC or, if {@code units} > 0, [steps][units] of f_J; null when it would exceed the memory limit.
	 */
	Entry add(final Trial trial, final int hash, final double[] start, final int blockSize, final int units) {
		final long size = 8L * (units > 0 ? (long) trial.steps() * units : blockSize) + 16L * start.length;
		if (bytes + size > maxBytes) return null;
		final Entry e = new Entry(trial, start.clone());
		if (units > 0) e.rows = new double[trial.steps()][units];
		else e.block = new double[blockSize];
		bytes += size;
		entries.add(e);
		byDrive.computeIfAbsent(hash, h -> new ArrayList<>()).add(e);
		return e;
	}

	/**
	 * A record with the same trials, extended independently of this one: replays from it choose exactly as from this
	 * record (same entries in the same order). The entries are shared, not copied; they are never changed once their
	 * end state is set, so copies may be made and used on several threads as long as nothing extends this record.
	 */
	TeacherRecord copy() {
		final TeacherRecord r = new TeacherRecord(maxBytes);
		r.bytes = bytes;
		r.entries.addAll(entries);
		byDrive.forEach((hash, list) -> r.byDrive.put(hash, new ArrayList<>(list)));
		return r;
	}

	/**
	 * A record of f_PC = uPCᵀ f_J made from this record of f_J, computed as {@link RateFactorSource} computes it (so
	 * every value is the one computing the trial afresh would give); the f_J of this record are dropped.
	 */
	TeacherRecord project(final double[][] pcs, final long maxBytes) {
		final TeacherRecord r = new TeacherRecord(maxBytes);
		final List<Entry> from = new ArrayList<>(), to = new ArrayList<>();
		for (final Entry e : entries) {
			if (e.rows == null || e.end == null) continue;
			final Entry p = r.add(e.drive, driveHash(e.drive), e.start, e.rows.length * pcs.length, 0);
			if (p == null) break;
			p.end = e.end;
			from.add(e);
			to.add(p);
		}
		final int factors = pcs.length;
		Workers.forRange(to.size(), 1, (a, b) -> { // entries are independent: any split gives the same values
			for (int i = a; i < b; i++) {
				final double[][] rows = from.get(i).rows;
				final double[] block = to.get(i).block;
				for (int t = 0; t < rows.length; t++)
					for (int k = 0; k < factors; k++) block[t * factors + k] = Kernels.dot(pcs[k], rows[t], rows[t].length);
			}
		});
		for (final Entry e : entries) e.rows = null;
		entries.clear();
		byDrive.clear();
		bytes = 0;
		return r;
	}
}
