package org.rate2spike.spiking.neuron;

import org.rate2spike.spiking.SpikingParams;

/**
 * The theta neuron (Ermentrout–Kopell), the quadratic integrate-and-fire neuron V = tan(θ/2) written as a phase:
 * τm dθ/dt = 1 − cos θ + (1 + cos θ)·I with I = theta_gain·V∞, so that, as for the LIF, V∞ = 0 is the firing
 * threshold; for I > 0 it fires at sqrt(I)/(π·τm). Forward Euler in θ; the neuron spikes when θ reaches π and θ
 * wraps to [−π, π). θ never falls below −π (dθ/dt = 2/τm > 0 there), which keeps a large negative drive stable.
 * The network's voltage of a theta neuron is θ.
 */
final class Theta extends RangeMembrane {

	private static final double PI = Math.PI, TWO_PI = 2 * Math.PI;

	private final double rate, gain; // dt/τm, theta_gain

	Theta(final SpikingParams p, final double dt, final int start, final int end) {
		super(NeuronModel.THETA, start, end, false);
		rate = dt / p.tauM();
		gain = p.thetaGain();
	}

	// Taylor coefficients of cos x, (−1)^k/(2k)!, k = 1…8
	private static final double C1 = -1 / 2.0, C2 = 1 / 24.0, C3 = -1 / 720.0, C4 = 1 / 40320.0, C5 = -1 / 3628800.0,
		C6 = 1 / 479001600.0, C7 = -1 / 87178291200.0, C8 = 1 / 20922789888000.0;

	/**
	 * cos θ for θ in [−π, π], within 3·10⁻¹² (every θ the model holds is in that range): the Taylor series of the half
	 * angle, then cos θ = 2·cos²(θ/2) − 1. Plain arithmetic, which the JIT vectorises (Math.cos it does not; it cost
	 * 6 µs per step at N = 500, ten times the rest) and which gives the same bits on every machine.
	 */
	static double cos(final double theta) {
		final double y = 0.25 * theta * theta;
		final double c = 1 + y * (C1 + y * (C2 + y * (C3 + y * (C4 + y * (C5 + y * (C6 + y * (C7 + y * C8)))))));
		return 2 * c * c - 1;
	}

	/** θ in [−π, π): wraps a phase that passed π (by as many turns as it made). */
	static double wrap(final double theta) {
		return theta - TWO_PI * Math.floor((theta + PI) / TWO_PI);
	}

	/** θ from the draw (wrapped): near 0, where a neuron without drive sits at its threshold, as the LIF's V does. */
	@Override
	public void startPhase(final double[] v, final double[] v0) {
		for (int i = start; i < end; i++) v[i] = wrap(v0[i]);
	}

	@Override
	public int step(final double[] v, final double[] drive, final int[] spikes, int count) {
		final int s = start, e = end;
		final double rate = this.rate, gain = this.gain;
		for (int i = s; i < e; i++) {
			final double th = v[i], c = cos(th);
			v[i] = Math.max(-PI, th + rate * ((1 - c) + (1 + c) * (gain * drive[i])));
		}
		for (int i = s; i < e; i++) {
			if (v[i] >= PI) {
				v[i] = wrap(v[i]);
				spikes[count++] = i;
			}
		}
		return count;
	}
}
