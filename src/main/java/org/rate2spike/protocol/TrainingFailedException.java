package org.rate2spike.protocol;

/** Training could not go on (the network diverged before anything was learned); the message says what to try. */
public class TrainingFailedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public TrainingFailedException(final String message) {
		super(message);
	}
}
