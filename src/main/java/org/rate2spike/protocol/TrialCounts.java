package org.rate2spike.protocol;

import org.rate2spike.params.Param;
import org.rate2spike.params.ParamTable;
import org.rate2spike.util.ParameterException;

/**
 * Trial counts of the protocol. Every phase (PCA, demean, RLS, test) re-runs the {@code init} settling trials first.
 */
public record TrialCounts(
	@Param(name = "trials_init", value = "50", min = "0", description = "settling trials at the start of every phase") int init,
	@Param(name = "trials_pca", value = "300", min = "1", description = "trials whose teacher signal enters the PCA") int pca,
	@Param(name = "trials_demean", value = "300", min = "1", description = "trials that estimate each neuron's mean input") int demean,
	@Param(name = "trials_rls", value = "500", min = "1", description = "RLS training trials") int rls,
	@Param(name = "trials_test", value = "100", min = "1", description = "test trials") int test) {

	public static final TrialCounts DEFAULTS = ParamTable.defaults(TrialCounts.class);

	private static final ParamTable<TrialCounts> TABLE = ParamTable.of(TrialCounts.class);

	/** A copy with one parameter, by its snake_case name, set to {@code value}; e.g. {@code with("neurons", 1000)}. */
	public TrialCounts with(final String name, final Object value) {
		return TABLE.with(this, name, value);
	}

	public TrialCounts validate() {
		ParamTable.check(this);
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
