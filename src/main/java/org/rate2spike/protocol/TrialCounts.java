package org.rate2spike.protocol;

import org.rate2spike.util.Check;
import org.rate2spike.util.ParameterException;

/**
 * Trial counts of the protocol. Every phase (PCA, demean, RLS, test) re-runs the {@code init} settling trials first.
 */
public record TrialCounts(int init, int pca, int demean, int rls, int test) {

	public static final TrialCounts DEFAULTS = new TrialCounts(50, 300, 300, 500, 100);

	public TrialCounts validate() {
		Check.atLeast("trials_init", init, 0);
		Check.atLeast("trials_pca", pca, 1);
		Check.atLeast("trials_demean", demean, 1);
		Check.atLeast("trials_rls", rls, 1);
		Check.atLeast("trials_test", test, 1);
		return this;
	}

	/** Parses "init,pca,demean,rls,test", e.g. "50,300,300,500,100". */
	public static TrialCounts parse(final String text) {
		final String[] parts = text.split(",");
		if (parts.length != 5) throw new ParameterException("trials", "needs five comma-separated counts " +
			"init,pca,demean,rls,test such as 50,300,300,500,100 (got '" + text + "')");
		final int[] v = new int[5];
		for (int i = 0; i < 5; i++) {
			try {
				v[i] = Integer.parseInt(parts[i].trim());
			}
			catch (final NumberFormatException e) {
				throw new ParameterException("trials", "'" + parts[i].trim() + "' is not a whole number; write e.g. 50,300,300,500,100");
			}
		}
		return new TrialCounts(v[0], v[1], v[2], v[3], v[4]).validate();
	}

	@Override
	public String toString() {
		return init + "," + pca + "," + demean + "," + rls + "," + test;
	}
}
