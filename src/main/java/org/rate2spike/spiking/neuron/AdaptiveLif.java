package org.rate2spike.spiking.neuron;

import java.util.Arrays;

import org.rate2spike.spiking.SpikingParams;

/**
 * LIF with a spike-triggered adaptation current w (in the units of V): τm dV/dt = −V + V∞ − w, τw dw/dt = −w, and
 * each spike adds b to w. V is integrated exactly with V∞ − w held over the step, w decays exactly, then a neuron at
 * V ≥ V_th resets to V_th + V_r and adds b.
 */
final class AdaptiveLif implements Membrane {

	private final int start, end;
	private final double decay, decayW, jump, threshold, resetTo;
	private final double[] w; // indexed like V (all N), so the loops below keep one index

	AdaptiveLif(final SpikingParams p, final double dt, final int start, final int end) {
		this.start = start;
		this.end = end;
		decay = Math.exp(-dt / p.tauM());
		decayW = Math.exp(-dt / p.tauAdapt());
		jump = p.adaptJump();
		threshold = p.threshold();
		resetTo = p.threshold() + p.reset();
		w = new double[end];
	}

	@Override
	public NeuronModel model() {
		return NeuronModel.ALIF;
	}

	@Override
	public int start() {
		return start;
	}

	@Override
	public int end() {
		return end;
	}

	@Override
	public void startPhase(final double[] v, final double[] v0) {
		System.arraycopy(v0, start, v, start, end - start);
		Arrays.fill(w, start, end, 0);
	}

	@Override
	public int step(final double[] v, final double[] drive, final int[] spikes, int count) {
		final int s = start, e = end;
		final double decay = this.decay, decayW = this.decayW, jump = this.jump, threshold = this.threshold,
			resetTo = this.resetTo;
		final double[] w = this.w;
		for (int i = s; i < e; i++) {
			final double target = drive[i] - w[i];
			v[i] = target + (v[i] - target) * decay;
		}
		for (int i = s; i < e; i++) w[i] *= decayW;
		for (int i = s; i < e; i++) {
			if (v[i] >= threshold) {
				v[i] = resetTo;
				w[i] += jump;
				spikes[count++] = i;
			}
		}
		return count;
	}

	@Override
	public double[][] saveState() {
		return new double[][] { Arrays.copyOfRange(w, start, end) };
	}

	@Override
	public void restoreState(final double[][] rows) {
		System.arraycopy(rows[0], 0, w, start, end - start);
	}

	@Override
	public int stateRows() {
		return 1;
	}
}
