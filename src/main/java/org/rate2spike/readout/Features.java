package org.rate2spike.readout;

import org.rate2spike.spiking.SpikingNetwork;
import org.rate2spike.spiking.SpikingParams;

/**
 * The readout basis of one step: slow and/or fast traces of the trained neurons (taken from the network's s) or of
 * all neurons (kept here from the spikes, with the same exact decay), then a constant 1.
 */
public final class Features {

	private final boolean slow, fast, all;
	private final int neurons, trained;
	private final double decayS, decayF;
	private final double[] slowAll, fastAll;
	private final double[] x;

	public Features(final String traces, final String neurons, final SpikingParams p, final int trained, final double dt) {
		slow = !traces.equals("fast");
		fast = !traces.equals("slow");
		all = neurons.equals("all");
		this.neurons = p.neurons();
		this.trained = trained;
		decayS = Math.exp(-dt / p.tauS());
		decayF = Math.exp(-dt / p.tauF());
		slowAll = all ? new double[this.neurons] : null;
		fastAll = all ? new double[this.neurons] : null;
		final int per = all ? this.neurons : trained;
		x = new double[((slow ? 1 : 0) + (fast ? 1 : 0)) * per + 1];
	}

	public int size() {
		return x.length;
	}

	/** Resets the all-neuron traces (call where the network itself restarts). */
	public void reset() {
		if (all) {
			java.util.Arrays.fill(slowAll, 0);
			java.util.Arrays.fill(fastAll, 0);
		}
	}

	/** Updates (for all neurons) and returns the features after the network's step; the array is reused. */
	public double[] update(final SpikingNetwork net) {
		int k = 0;
		if (all) {
			for (int i = 0; i < neurons; i++) {
				slowAll[i] *= decayS;
				fastAll[i] *= decayF;
			}
			final int[] spikes = net.spikes();
			for (int q = 0; q < net.spikeCount(); q++) {
				slowAll[spikes[q]] += 1;
				fastAll[spikes[q]] += 1;
			}
			if (slow) {
				System.arraycopy(slowAll, 0, x, k, neurons);
				k += neurons;
			}
			if (fast) {
				System.arraycopy(fastAll, 0, x, k, neurons);
				k += neurons;
			}
		}
		else {
			final double[] s = net.traces();
			if (slow) {
				System.arraycopy(s, 0, x, k, trained);
				k += trained;
			}
			if (fast) {
				System.arraycopy(s, trained, x, k, trained);
				k += trained;
			}
		}
		x[k] = 1;
		return x;
	}
}
