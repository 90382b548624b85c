package org.rate2spike.spiking;

import org.rate2spike.kernels.Kernels;

/**
 * One matrix of fixed random synapses (slow or fast), addressed by presynaptic neuron: when neuron j spikes, its
 * column is added to the current it drives. {@link Dense} holds every weight (the method's network, doubles);
 * {@link Sparse} holds only the connections that exist, so its memory and the work per spike scale with p·N².
 */
public sealed interface FixedSynapses permits FixedSynapses.Dense, FixedSynapses.Sparse {

	/** No synapses (gain 0). */
	FixedSynapses NONE = new Dense(new double[0][]);

	/** Whether there are no synapses at all (nothing to add, no current to keep). */
	boolean isEmpty();

	/** current[i] += w[i][j] for every postsynaptic neuron i that neuron j reaches. */
	void addColumn(int j, double[] current);

	/** The weight from neuron j to neuron i (0 where there is no synapse). */
	double weight(int i, int j);

	/** Bytes of the arrays that hold the synapses. */
	long bytes();

	/** Synapses that exist (N² for a dense matrix). */
	long connections();

	/** Whether every weight is a finite number. */
	boolean finite();

	/**
	 * Every weight as columns [N][N], column j from neuron j.
	 *
	 * @param columns weights as columns, or empty for none
	 */
	record Dense(double[][] columns) implements FixedSynapses {

		@Override
		public boolean isEmpty() {
			return columns.length == 0;
		}

		@Override
		public void addColumn(final int j, final double[] current) {
			Kernels.axpy(1, columns[j], current, columns.length);
		}

		@Override
		public double weight(final int i, final int j) {
			return columns[j][i];
		}

		@Override
		public long bytes() {
			return 8L * columns.length * columns.length;
		}

		@Override
		public long connections() {
			return (long) columns.length * columns.length;
		}

		@Override
		public boolean finite() {
			for (final double[] c : columns) for (final double w : c) if (!Double.isFinite(w)) return false;
			return true;
		}
	}

	/**
	 * Compressed sparse columns: the synapses of presynaptic neuron j are rows[start[j] .. start[j+1]) (ascending) with
	 * weights[…]. Weights are single precision: 8 bytes a synapse (an int index and a float), so p·N² synapses take
	 * p times the bytes of the dense matrix of doubles (plus N + 1 ints).
	 *
	 * @param neurons N
	 * @param start N + 1 offsets into rows and weights
	 * @param rows postsynaptic neuron of each synapse
	 * @param weights weight of each synapse
	 */
	record Sparse(int neurons, int[] start, int[] rows, float[] weights) implements FixedSynapses {

		public Sparse {
			if (start.length != neurons + 1 || start[0] != 0 || start[neurons] != rows.length || rows.length != weights.length)
				throw new IllegalArgumentException("sparse synapses of " + neurons + " neurons need " + (neurons + 1) +
					" column offsets from 0 to the number of synapses, one row index and one weight per synapse");
			for (int j = 0; j < neurons; j++) {
				if (start[j + 1] < start[j]) throw new IllegalArgumentException("column offsets of the sparse synapses decrease at " + j);
				for (int k = start[j]; k < start[j + 1]; k++)
					if (rows[k] < 0 || rows[k] >= neurons || k > start[j] && rows[k] <= rows[k - 1]) throw new IllegalArgumentException(
						"sparse synapse " + k + " (from neuron " + j + ") has row " + rows[k] + ": rows must ascend within 0.." + (neurons - 1));
			}
		}

		@Override
		public boolean isEmpty() {
			return false;
		}

		@Override
		public void addColumn(final int j, final double[] current) {
			final int[] r = rows;
			final float[] w = weights;
			for (int k = start[j], end = start[j + 1]; k < end; k++) current[r[k]] += w[k];
		}

		@Override
		public double weight(final int i, final int j) {
			final int k = java.util.Arrays.binarySearch(rows, start[j], start[j + 1], i);
			return k >= 0 ? weights[k] : 0;
		}

		@Override
		public long bytes() {
			return 4L * start.length + 4L * rows.length + 4L * weights.length;
		}

		@Override
		public long connections() {
			return rows.length;
		}

		@Override
		public boolean finite() {
			for (final float w : weights) if (!Float.isFinite(w)) return false;
			return true;
		}
	}
}
