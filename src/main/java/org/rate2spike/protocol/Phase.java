package org.rate2spike.protocol;

/** The phases of the protocol, in order. */
public enum Phase {
	PCA("pca"), DEMEAN("demean"), RLS("rls"), TEST("test"), READOUT("readout");

	private final String key;

	Phase(final String key) {
		this.key = key;
	}

	/** The name used in files and summaries. */
	public String key() {
		return key;
	}
}
