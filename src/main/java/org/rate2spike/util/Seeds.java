package org.rate2spike.util;

import java.util.Random;

/**
 * One seeded random stream per purpose (connectivity, initial state, trials of each phase, RLS update times),
 * so that changing one phase's settings never shifts another's random numbers.
 */
public final class Seeds {

	public static final String RATE_CONNECTIVITY = "rate-connectivity";
	public static final String SPIKING_CONNECTIVITY = "spiking-connectivity";
	public static final String INITIAL_STATE = "initial-state";
	public static final String SETTLE_TRIALS = "settle-trials";
	public static final String RLS_TIMES = "rls-times";

	private Seeds() {}

	/** A stream for {@code purpose}, fixed by the user's seed; java.util.Random's algorithm is specified, so this is stable. */
	public static Random stream(final long seed, final String purpose) {
		return new Random(derive(seed, purpose));
	}

	public static long derive(final long seed, final String purpose) {
		long h = 1125899906842597L;
		for (int i = 0; i < purpose.length(); i++) h = 31 * h + purpose.charAt(i);
		return mix(seed ^ mix(h));
	}

	/** SplitMix64 finaliser. */
	static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}
}
