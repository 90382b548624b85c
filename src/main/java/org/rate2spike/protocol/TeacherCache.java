package org.rate2spike.protocol;

import org.rate2spike.rate.RateTargets;

/**
 * The teacher's f_PC of one run's trials (see {@link TeacherRecord}), handed from the PCA phase to the training and
 * from the training to the test of the same targets, so that later phases replay trials computed earlier instead of
 * running the rate network again. At most {@link #MAX_BYTES} of f_PC; it lives as long as the run holds it.
 */
public final class TeacherCache {

	/** The most f_PC (and start and end states) a cache keeps: 256 MiB, or a quarter of the heap if less. */
	static final long MAX_BYTES = Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 4);

	private final RateTargets targets;
	private final TeacherRecord record;

	public TeacherCache(final RateTargets targets) {
		this(targets, new TeacherRecord(MAX_BYTES));
	}

	TeacherCache(final RateTargets targets, final TeacherRecord record) {
		this.targets = targets;
		this.record = record;
	}

	public RateTargets targets() {
		return targets;
	}

	/**
	 * A cache with the same trials for one more run on these targets (e.g. one training of a settings search), which
	 * extends its copy and leaves this one unchanged: the run gets the result it would get from this cache alone,
	 * whatever other runs did with theirs. The recorded values are shared, not copied (only later additions take new
	 * memory, within the same {@link #MAX_BYTES} as this cache). Safe to call from several threads while nothing
	 * extends this cache itself: hand it to no run.
	 */
	public TeacherCache copy() {
		return new TeacherCache(targets, record.copy());
	}

	/** Bytes of f_PC and states held (shared with its copies). */
	public long bytes() {
		return record.bytes();
	}

	/** The shared record for these targets; a fresh one for any other targets (or none given). */
	static TeacherRecord recordFor(final TeacherCache cache, final RateTargets t) {
		return cache != null && cache.targets == t ? cache.record : new TeacherRecord(MAX_BYTES);
	}
}
