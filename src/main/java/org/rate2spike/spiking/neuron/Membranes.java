package org.rate2spike.spiking.neuron;

import java.util.Arrays;

import org.rate2spike.spiking.Populations;
import org.rate2spike.spiking.SpikingParams;

/** The membranes of a network's populations, and their state in a checkpoint. */
public final class Membranes {

	private Membranes() {}

	/** One membrane per population, each with its population's model and τm ({@link SpikingParams#model}, {@link SpikingParams#membraneOf}). */
	public static Membrane[] of(final SpikingParams p, final Populations pops, final double dt) {
		final Membrane[] m = new Membrane[pops.count()];
		for (int k = 0; k < m.length; k++) m[k] = p.model(k).membrane(p.membraneOf(k), dt, pops.start(k), pops.end(k));
		return m;
	}

	/** Rows of model state the membranes keep in all. */
	public static int stateRows(final Membrane[] membranes) {
		int rows = 0;
		for (final Membrane m : membranes) rows += m.stateRows();
		return rows;
	}

	/** {@code core} followed by each membrane's state rows, in population order. */
	public static double[][] appendState(final double[][] core, final Membrane[] membranes) {
		final double[][] all = Arrays.copyOf(core, core.length + stateRows(membranes));
		int r = core.length;
		for (final Membrane m : membranes) for (final double[] row : m.saveState()) all[r++] = row;
		return all;
	}

	/** Restores each membrane from the rows of {@code state} from {@code first} on, as {@link #appendState} wrote them. */
	public static void restoreState(final double[][] state, final int first, final Membrane[] membranes) {
		int r = first;
		for (final Membrane m : membranes) {
			final int k = m.stateRows();
			for (int j = 0; j < k; j++) if (state[r + j].length != m.end() - m.start()) throw new IllegalArgumentException(
				"a saved " + m.model().key() + " state of " + state[r + j].length + " neurons does not fit its population of " +
					(m.end() - m.start()));
			m.restoreState(Arrays.copyOfRange(state, r, r + k));
			r += k;
		}
	}
}
