package org.rate2spike.task;

import java.util.Map;
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

	/**
	 * True when every trial carries recorded population activity ({@link Trial#activity()}) whose leading PCs are to be
	 * the spiking network's targets instead of the driven rate network's.
	 */
	default boolean hasActivity() {
		return false;
	}

	/** A name for a condition, used in summaries and picture names (a data file's own label where there is one). */
	default String conditionLabel(final int condition) {
		return Integer.toString(condition + 1);
	}

	/**
	 * Parameter values this task was measured to train best with (snake_case name → value; the README has the
	 * measurements), which differ from the defaults; empty for none. Advice only: a run uses what it is given.
	 */
	default Map<String, Double> suggested() {
		return Map.of();
	}

	/**
	 * Task-specific scores of a test, by snake_case name (they are added to summary.json as they are). The arrays are
	 * those a test recorded: network output z and target f_out as [trial][channel][step], and each trial's condition.
	 */
	default Map<String, Object> scores(final double[][][] outputs, final double[][][] targets, final int[] conditions) {
		return Map.of();
	}
}
