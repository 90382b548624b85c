package org.rate2spike.spiking.neuron;

import java.util.Arrays;

/**
 * What every model's membrane shares: its model, its index range, and at most one variable besides V (alif's w,
 * Izhikevich's u), kept indexed like V so that the models' loops use one index, and saved as one checkpoint row.
 */
abstract class RangeMembrane implements Membrane {

	private final NeuronModel model;
	protected final int start, end;
	/** The variable besides V, indexed like V (all N; only [start, end) used), or null when the model has none. */
	protected final double[] extra;

	RangeMembrane(final NeuronModel model, final int start, final int end, final boolean hasExtra) {
		this.model = model;
		this.start = start;
		this.end = end;
		extra = hasExtra ? new double[end] : null;
	}

	@Override
	public final NeuronModel model() {
		return model;
	}

	@Override
	public final int start() {
		return start;
	}

	@Override
	public final int end() {
		return end;
	}

	@Override
	public final double[][] saveState() {
		return extra == null ? new double[0][] : new double[][] { Arrays.copyOfRange(extra, start, end) };
	}

	@Override
	public final void restoreState(final double[][] rows) {
		if (extra != null) System.arraycopy(rows[0], 0, extra, start, end - start);
	}

	@Override
	public final int stateRows() {
		return extra == null ? 0 : 1;
	}
}
