package org.rate2spike.task;

import java.util.Random;

/** A source of trials. Trials follow each other without resetting any network state. */
public interface Task {

	/** The name a user types ({@code --task oscillation}). */
	String name();

	int inputs();

	int outputs();

	/** The time step the trials are sampled at, in seconds. */
	double dt();

	/** The next trial; all randomness comes from {@code rng} so that a seed fixes the sequence. */
	Trial nextTrial(Random rng);

	/** Number of distinct conditions (1 unless the task has several). */
	default int conditions() {
		return 1;
	}
}
