package org.rate2spike.spiking.neuron;

import org.rate2spike.spiking.SpikingParams;

/**
 * Leaky integrate-and-fire, integrated exactly over each step with V∞ held: V ← V∞ + (V − V∞)·e^(−dt/τm); V ≥ V_th
 * resets to V_th + V_r. The method's neuron, computed exactly as the network did before models were separate.
 */
final class Lif extends RangeMembrane {

	private final double decay, threshold, resetTo;

	Lif(final SpikingParams p, final double dt, final int start, final int end) {
		super(NeuronModel.LIF, start, end, false);
		decay = Math.exp(-dt / p.tauM());
		threshold = p.threshold();
		resetTo = p.threshold() + p.reset();
	}

	@Override
	public void startPhase(final double[] v, final double[] v0) {
		System.arraycopy(v0, start, v, start, end - start);
	}

	@Override
	public int step(final double[] v, final double[] drive, final int[] spikes, int count) {
		final int s = start, e = end;
		final double decay = this.decay, threshold = this.threshold, resetTo = this.resetTo;
		// one loop the JIT vectorises (every array indexed by i), then the sparse threshold pass
		for (int i = s; i < e; i++) v[i] = drive[i] + (v[i] - drive[i]) * decay;
		for (int i = s; i < e; i++) {
			if (v[i] >= threshold) {
				v[i] = resetTo;
				spikes[count++] = i;
			}
		}
		return count;
	}
}
