package org.rate2spike.protocol;

import java.util.Arrays;

import org.rate2spike.spiking.SpikingNetwork;
import org.rate2spike.task.Trial;

/**
 * Keeps the spikes of the most recent trial of a phase, so that a picture of the last training trial costs one
 * trial's spikes of memory however long training runs (and still shows the last trial done when cancelled).
 */
public final class LastTrialSpikes implements SpikingSimulation.StepObserver {

	private int[] neuron = new int[1 << 12], step = new int[1 << 12];
	private int spikes, trial = -1, steps, neurons;
	private double dt;

	@Override
	public void step(final int trial, final int t, final Trial tr, final double[] outputs, final SpikingNetwork net) {
		if (trial != this.trial) {
			this.trial = trial;
			spikes = 0;
			steps = tr.steps();
			neurons = net.neurons();
		}
		final int count = net.spikeCount();
		if (spikes + count > neuron.length) {
			final int size = Math.max(2 * neuron.length, spikes + count);
			neuron = Arrays.copyOf(neuron, size);
			step = Arrays.copyOf(step, size);
		}
		final int[] idx = net.spikes();
		for (int q = 0; q < count; q++) {
			neuron[spikes] = idx[q];
			step[spikes++] = t;
		}
	}

	void timeStep(final double dt) {
		this.dt = dt;
	}

	/** Index (from 0) of the recorded trial among the phase's counted trials; -1 when none ran. */
	public int trial() {
		return trial;
	}

	/** The recorded trial's spikes; null when no counted trial ran. */
	public SpikeRaster raster() {
		if (trial < 0) return null;
		return new SpikeRaster(neurons, new int[] { steps }, dt, Arrays.copyOf(neuron, spikes), Arrays.copyOf(step, spikes));
	}
}
