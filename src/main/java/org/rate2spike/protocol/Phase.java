package org.rate2spike.protocol;

/**
 * The phases of the protocol, in order. Each draws its trials from its own stream ("trials-" + key), so the validation
 * trials a settings search scores on are never the test trials.
 */
public enum Phase {
	PCA("pca"), DEMEAN("demean"), RLS("rls"), VALIDATION("validation"), TEST("test"), READOUT("readout");

	private final String key;

	Phase(final String key) {
		this.key = key;
	}

	/** The name used in files and summaries. */
	public String key() {
		return key;
	}
}
