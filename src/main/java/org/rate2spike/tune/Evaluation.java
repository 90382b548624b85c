package org.rate2spike.tune;

import java.util.Map;

/**
 * One trained and validated configuration on one rung: a row of tune.csv.
 *
 * @param config the configuration's number (0: the starting point)
 * @param rung the rung, 0 the shortest protocol
 * @param values the searched values
 * @param trialsRls the RLS trials it was trained with
 * @param status done, diverged (training stopped: score infinite) or failed (an error: score NaN)
 * @param score the median validation nMSE
 * @param wallSeconds the training's and validation's wall time
 * @param message why it diverged or failed ("" otherwise)
 */
public record Evaluation(int config, int rung, Map<String, String> values, int trialsRls, String status, double score,
	double wallSeconds, String message) {

	public static final String DONE = "done", DIVERGED = "diverged", FAILED = "failed";

	public String key() {
		return key(config, rung);
	}

	static String key(final int config, final int rung) {
		return config + "@" + rung;
	}

	/** Ranks lower (better) first: finite scores ascending, then infinite (diverged), then NaN (failed); ties by number. */
	static int compare(final Evaluation a, final Evaluation b) {
		final int c = Double.compare(rank(a.score), rank(b.score));
		if (c != 0) return c;
		final int d = Double.compare(a.score, b.score);
		return d != 0 ? d : Integer.compare(a.config, b.config);
	}

	private static double rank(final double s) {
		return Double.isNaN(s) ? 2 : Double.isInfinite(s) ? 1 : 0;
	}
}
