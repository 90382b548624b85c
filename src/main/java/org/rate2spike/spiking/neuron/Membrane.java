package org.rate2spike.spiking.neuron;

/**
 * The membrane of the neurons [start, end) of one population under one {@link NeuronModel}: the per-step update from
 * the drive V∞ (the dimensionless input current every model receives, in the units of the LIF's voltage), the
 * threshold and reset, and any state besides V (an adaptation current, Izhikevich's u). V itself lives in the
 * network's array, so that the network's voltages, exports and divergence guard see every model. No allocation per
 * step.
 */
public interface Membrane {

	/** The model this membrane runs. */
	NeuronModel model();

	/** First neuron. */
	int start();

	/** One past the last neuron. */
	int end();

	/** Starts a phase: V of [start, end) from the seeded draw {@code v0}, any other state at rest. */
	void startPhase(double[] v, double[] v0);

	/**
	 * Advances [start, end) by one step under the drive {@code drive} (V∞); a neuron that crosses threshold is reset
	 * and its index written to {@code spikes[count++]}, in ascending order. Returns the new count.
	 */
	int step(double[] v, double[] drive, int[] spikes, int count);

	/** Copies of the state besides V, one row of end − start values per variable (none for LIF and theta). */
	double[][] saveState();

	/** Continues from {@link #saveState()}'s rows. */
	void restoreState(double[][] rows);

	/** How many rows {@link #saveState()} returns. */
	default int stateRows() {
		return 0;
	}
}
