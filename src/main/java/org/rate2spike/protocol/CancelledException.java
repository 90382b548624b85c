package org.rate2spike.protocol;

/** Thrown when a run is cancelled before it has anything worth keeping (e.g. during the PCA or demean phase). */
public class CancelledException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public CancelledException(final String message) {
		super(message);
	}
}
