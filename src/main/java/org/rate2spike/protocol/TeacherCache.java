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

	/** The shared record for these targets; a fresh one for any other targets (or none given). */
	static TeacherRecord recordFor(final TeacherCache cache, final RateTargets t) {
		return cache != null && cache.targets == t ? cache.record : new TeacherRecord(MAX_BYTES);
	}
}
