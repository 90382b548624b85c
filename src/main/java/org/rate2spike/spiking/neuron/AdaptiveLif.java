package org.rate2spike.spiking.neuron;

import java.util.Arrays;

import org.rate2spike.spiking.SpikingParams;

/**
 * LIF with a spike-triggered adaptation current w (in the units of V): τm dV/dt = −V + V∞ − w, τw dw/dt = −w, and
 * each spike adds b to w. V is integrated exactly with V∞ − w held over the step, w decays exactly, then a neuron at
 * V ≥ V_th resets to V_th + V_r and adds b.
 */
final class AdaptiveLif extends RangeMembrane {

	private final double decay, decayW, jump, threshold, resetTo;

	AdaptiveLif(final SpikingParams p, final double dt, final int start, final int end) {
		super(NeuronModel.ALIF, start, end, true);
		decay = Math.exp(-dt / p.tauM());
		decayW = Math.exp(-dt / p.tauAdapt());
		jump = p.adaptJump();
		threshold = p.threshold();
		resetTo = p.threshold() + p.reset();
	}

	@Override
	public void startPhase(final double[] v, final double[] v0) {
		System.arraycopy(v0, start, v, start, end - start);
		Arrays.fill(extra, start, end, 0); // w
	}

	@Override
	public int step(final double[] v, final double[] drive, final int[] spikes, int count) {
		final int s = start, e = end;
		final double decay = this.decay, decayW = this.decayW, jump = this.jump, threshold = this.threshold,
			resetTo = this.resetTo;
		final double[] w = extra;
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
}
