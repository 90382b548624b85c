package org.rate2spike.protocol;


import org.rate2spike.spiking.SpikingNetwork;
import org.rate2spike.task.Trial;

/**
 * Keeps the spikes of the most recent trial of a phase, so that a picture of the last training trial costs one
 * trial's spikes of memory however long training runs (and still shows the last trial done when cancelled).
 */
public final class LastTrialSpikes implements SpikingSimulation.StepObserver {

	private final SpikeBuffer spikes = new SpikeBuffer(1 << 12);
	private int trial = -1, steps, neurons;
	private double dt;

	@Override
	public void step(final int trial, final int t, final Trial tr, final double[] outputs, final SpikingNetwork net) {
		if (trial != this.trial) {
			this.trial = trial;
			spikes.clear();
			steps = tr.steps();
			neurons = net.neurons();
		}
		spikes.add(net, t);
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
		return new SpikeRaster(neurons, new int[] { steps }, dt, spikes.neurons(), spikes.steps());
	}
}
