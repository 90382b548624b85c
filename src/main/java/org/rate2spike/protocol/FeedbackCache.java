package org.rate2spike.protocol;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.rate2spike.util.Tuning;

/**
 * The feedback currents U·[f_PC; f_out] of the steps of teacher-forced trials, kept per recorded teacher block. A
 * replayed trial hands out the same block (the same array: same drive, same f_PC), so its feedback currents are the
 * ones computed for it before, to the bit, and need not be computed again: in the demean phase that product is most of
 * a step. A block's currents are kept the second time it is seen (a block seen once, such as a settling trial's, costs
 * nothing), while they fit in the budget.
 */
final class FeedbackCache {

	private final Map<double[], double[]> currents = new IdentityHashMap<>();
	private final Set<double[]> seen = Collections.newSetFromMap(new IdentityHashMap<>());
	private final long budgetBytes;
	private long usedBytes;

	/**
	 * The budget: 64 MiB or a sixteenth of the heap, whichever is less (16 trials of 1000 steps at N = 500), or
	 * {@code -Drate2spike.feedbackCacheBytes=B} (0: compute every current, as a check or for comparison).
	 */
	FeedbackCache() {
		this((long) Tuning.nonNegative("rate2spike.feedbackCacheBytes", Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 16)));
	}

	FeedbackCache(final long budgetBytes) {
		this.budgetBytes = budgetBytes;
	}

	/** The currents kept for {@code block} ([steps × neurons], step-major), or null. */
	double[] get(final double[] block) {
		return currents.get(block);
	}

	/**
	 * An array to fill with {@code block}'s currents during its trial and then {@link #keep}, or null when the block is
	 * seen for the first time or the budget is spent.
	 */
	double[] reserve(final double[] block, final int length) {
		if (seen.add(block)) return null;
		if (usedBytes + 8L * length > budgetBytes) return null;
		usedBytes += 8L * length;
		return new double[length];
	}

	/** Keeps the currents filled for {@code block} (after its trial ran to the end). */
	void keep(final double[] block, final double[] filled) {
		currents.put(block, filled);
	}
}
