package org.rate2spike.spiking.neuron;

import org.rate2spike.spiking.SpikingParams;

/**
 * Plain versions of the models, for tests: each neuron's whole step in one scalar loop body, the constants derived
 * here from the parameters. The fast membranes must give the same numbers to the bit.
 */
final class ReferenceMembrane implements Membrane {

	private final NeuronModel model;
	private final SpikingParams p;
	private final double dt;
	private final int start, end;
	private final double[] extra; // w (alif) or u (izhikevich), by neuron − start

	ReferenceMembrane(final NeuronModel model, final SpikingParams p, final double dt, final int start, final int end) {
		this.model = model;
		this.p = p;
		this.dt = dt;
		this.start = start;
		this.end = end;
		extra = new double[end - start];
	}

	@Override
	public NeuronModel model() {
		return model;
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
		for (int i = start; i < end; i++) {
			switch (model) {
				case IZHIKEVICH_RS, IZHIKEVICH_FS -> {
					final Izhikevich.Preset pr = Izhikevich.Preset.of(model);
					v[i] = pr.c() + v0[i];
					extra[i - start] = pr.b() * v[i];
				}
				case THETA -> v[i] = Theta.wrap(v0[i]);
				default -> {
					v[i] = v0[i];
					extra[i - start] = 0;
				}
			}
		}
	}

	@Override
	public int step(final double[] v, final double[] drive, final int[] spikes, int count) {
		for (int i = start; i < end; i++) {
			final boolean spiked = switch (model) {
				case LIF -> lif(v, i, drive[i]);
				case ALIF -> alif(v, i, drive[i]);
				case IZHIKEVICH_RS, IZHIKEVICH_FS -> izhikevich(v, i, drive[i]);
				case THETA -> theta(v, i, drive[i]);
			};
			if (spiked) spikes[count++] = i;
		}
		return count;
	}

	private boolean lif(final double[] v, final int i, final double vInf) {
		v[i] = vInf + (v[i] - vInf) * Math.exp(-dt / p.tauM());
		if (v[i] < p.threshold()) return false;
		v[i] = p.threshold() + p.reset();
		return true;
	}

	private boolean alif(final double[] v, final int i, final double vInf) {
		final int k = i - start;
		final double target = vInf - extra[k];
		v[i] = target + (v[i] - target) * Math.exp(-dt / p.tauM());
		extra[k] *= Math.exp(-dt / p.tauAdapt());
		if (v[i] < p.threshold()) return false;
		v[i] = p.threshold() + p.reset();
		extra[k] += p.adaptJump();
		return true;
	}

	private boolean izhikevich(final double[] v, final int i, final double vInf) {
		final Izhikevich.Preset pr = Izhikevich.Preset.of(model);
		final int k = i - start;
		final double ms = dt * 1000, current = p.izhBias() + p.izhGain() * vInf;
		final int n = Izhikevich.substeps(ms);
		final double h = ms / n;
		for (int j = 0; j < n; j++) {
			final double x = v[i];
			final double f = 0.04 * x * x + 5 * x + 140 - extra[k] + current, slope = 0.08 * x + 5;
			v[i] = Math.min(Izhikevich.PEAK, slope < 0 ? x + h * f / (1 - h * slope) : x + h * f / 1);
		}
		extra[k] += ms * pr.a() * (pr.b() * v[i] - extra[k]);
		if (v[i] < Izhikevich.PEAK) return false;
		v[i] = pr.c();
		extra[k] += pr.d();
		return true;
	}

	private boolean theta(final double[] v, final int i, final double vInf) {
		final double th = v[i], c = Theta.cos(th);
		v[i] = Math.max(-Math.PI, th + dt / p.tauM() * ((1 - c) + (1 + c) * (p.thetaGain() * vInf)));
		if (v[i] < Math.PI) return false;
		v[i] = Theta.wrap(v[i]);
		return true;
	}

	@Override
	public double[][] saveState() {
		return stateRows() == 0 ? new double[0][] : new double[][] { extra.clone() };
	}

	@Override
	public void restoreState(final double[][] rows) {
		System.arraycopy(rows[0], 0, extra, 0, extra.length);
	}

	@Override
	public int stateRows() {
		return model == NeuronModel.LIF || model == NeuronModel.THETA ? 0 : 1;
	}
}
