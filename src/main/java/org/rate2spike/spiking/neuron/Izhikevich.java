package org.rate2spike.spiking.neuron;

import org.rate2spike.spiking.SpikingParams;

/**
 * Izhikevich's (2003) model in its own units (V in mV, time in ms): dV/dt = 0.04V² + 5V + 140 − u + I,
 * du/dt = a(bV − u); V ≥ 30 mV resets V to c and adds d to u. The drive enters as I = izh_bias + izh_gain·V∞. V is
 * advanced in sub-steps of at most 0.5 ms (as in Izhikevich's own code) with u held, then u by the whole step. Where
 * dV/dt falls with V (V below −62.5 mV) a sub-step is linearly implicit, V += h·f/(1 − h·f'): plain Euler there
 * overshoots once inhibition holds V far below rest (f' < −4/ms at −150 mV), throws V onto the quadratic's upper branch
 * and fires every step. On the rising side it is Izhikevich's Euler step. V is capped at the peak in each sub-step, so
 * that the quadratic term cannot overflow before the reset.
 */
final class Izhikevich extends RangeMembrane {

	/** Spike peak, mV. */
	static final double PEAK = 30;

	/** The presets' a, b, c, d (1/ms, 1/ms·…, mV, mV/ms). */
	record Preset(double a, double b, double c, double d) {

		static Preset of(final NeuronModel m) {
			return switch (m) {
				case IZHIKEVICH_RS -> new Preset(0.02, 0.2, -65, 8);
				case IZHIKEVICH_FS -> new Preset(0.1, 0.2, -65, 2);
				default -> throw new IllegalArgumentException(m + " is not an Izhikevich preset");
			};
		}
	}

	/** How many V sub-steps a step of {@code dtMs} takes: each at most 0.5 ms. */
	static int substeps(final double dtMs) {
		return Math.max(1, (int) Math.ceil(dtMs / 0.5 - 1e-9));
	}

	private final Preset pr;
	private final double stepMs, h, bias, gain;
	private final int substeps;

	Izhikevich(final NeuronModel model, final SpikingParams p, final double dt, final int start, final int end) {
		super(model, start, end, true);
		pr = Preset.of(model);
		stepMs = dt * 1000;
		substeps = substeps(stepMs);
		h = stepMs / substeps;
		bias = p.izhBias();
		gain = p.izhGain();
	}

	/** V at the reset potential c plus the draw (in mV), u at its rest value b·V. */
	@Override
	public void startPhase(final double[] v, final double[] v0) {
		for (int i = start; i < end; i++) {
			v[i] = pr.c() + v0[i];
			extra[i] = pr.b() * v[i]; // u
		}
	}

	@Override
	public int step(final double[] v, final double[] drive, final int[] spikes, int count) {
		final int s = start, e = end;
		final double h = this.h, bias = this.bias, gain = this.gain, a = pr.a(), b = pr.b(), c = pr.c(), d = pr.d();
		final double[] u = extra;
		for (int k = 0; k < substeps; k++)
			for (int i = s; i < e; i++) {
				final double x = v[i];
				final double f = 0.04 * x * x + 5 * x + 140 - u[i] + (bias + gain * drive[i]);
				v[i] = Math.min(PEAK, x + h * f / (1 - h * Math.min(0, 0.08 * x + 5)));
			}
		final double am = stepMs * a;
		for (int i = s; i < e; i++) u[i] += am * (b * v[i] - u[i]);
		for (int i = s; i < e; i++) {
			if (v[i] >= PEAK) {
				v[i] = c;
				u[i] += d;
				spikes[count++] = i;
			}
		}
		return count;
	}
}
