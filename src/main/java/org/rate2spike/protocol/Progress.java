package org.rate2spike.protocol;

/** Progress and cancellation hooks of a long run. Called on the computing thread between trials. */
public interface Progress {

	Progress NONE = new Progress() {};

	/** A phase begins; {@code trials} counts its settling trials too. */
	default void phaseStarted(final Phase phase, final int trials) {}

	/** A trial of the phase ended; {@code nmse} is its output error, NaN where the phase scores nothing. */
	default void trialDone(final Phase phase, final int trial, final int trials, final double nmse) {}

	/**
	 * A phase ended; of its teacher trials, {@code computed} ran the rate network and {@code replayed} were replayed
	 * from earlier ones (see the benchmark). Not called for phases without a rate-network teacher.
	 */
	default void teacherTrials(final Phase phase, final int computed, final int replayed) {}

	/**
	 * A phase ended; in {@code trials} of its counted teacher-forced trials the feedback currents were those kept from
	 * the same recorded teacher trial earlier in the phase, not computed again (see the benchmark).
	 */
	default void feedbackReused(final Phase phase, final int trials) {}

	/** A note for the user before or between phases (advice on settings, what a run resumes from). */
	default void note(final String message) {}

	/** A training run is about to start with these settings (its task made and its files read). */
	default void trainingStarts(final TrainingConfig config) {}

	/** Polled after every trial: the run stops at the end of the trial and keeps what it has. */
	default boolean cancelled() {
		return false;
	}
}
