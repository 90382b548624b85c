package org.rate2spike.protocol;

import org.rate2spike.rate.RateTargets;

/**
 * The teacher's f_PC as computed by the phases of one run (see {@link TeacherPipeline}), handed from the training to
 * the test of the same targets so that the test replays what the training computed instead of running the rate
 * network again (exactly the same values). At most 256 MiB; it lives as long as the run holds it.
 */
public final class TeacherCache {

	private final RateTargets targets;
	private final TeacherPipeline.Record record = new TeacherPipeline.Record(256L << 20);

	public TeacherCache(final RateTargets targets) {
		this.targets = targets;
	}

	/** The shared record for these targets; a fresh one for any other targets (or none given). */
	static TeacherPipeline.Record recordFor(final TeacherCache cache, final RateTargets t) {
		return cache != null && cache.targets == t ? cache.record : new TeacherPipeline.Record(256L << 20);
	}
}
