package org.rate2spike.sweep;

import java.io.IOException;

import org.junit.jupiter.api.Assumptions;

/** The SLURM tests' guard: they run where sinfo answers (CI starts a one-node cluster with .ci/slurm-up.sh). */
public final class SlurmCluster {

	private SlurmCluster() {}

	/**
	 * Returns where a cluster answers; else skips the calling test, printing why under {@code test}'s name, or, on CI
	 * (where the cluster must be up), fails it.
	 */
	public static void assume(final String test) {
		boolean have;
		try {
			have = new ProcessBuilder("sinfo", "-h").redirectErrorStream(true).start().waitFor() == 0;
		}
		catch (final IOException | InterruptedException e) {
			have = false;
		}
		if (have) return;
		final String why = "no SLURM cluster here (sinfo failed); run .ci/slurm-up.sh to start a one-node cluster";
		if (System.getenv("CI") != null) throw new AssertionError(why + " — CI must run this test");
		System.out.println(test + " skipped: " + why);
		Assumptions.abort(why);
	}
}
