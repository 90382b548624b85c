package org.rate2spike.spiking;

import java.util.Arrays;
import java.util.Random;

/**
 * Draws the fixed random slow or fast synapses. The scales keep the summed squared weights onto a neuron at
 * g²/τ² in expectation, as in the method's dense network (g/(τ√N)·N(0,1)), whatever p and the populations:
 * <ul>
 * <li>One population, p = 1: dense, w = g/(τ√N)·N(0,1), drawn column by column exactly as the method's network.</li>
 * <li>One population, p &lt; 1: each synapse exists with probability p, w = g/(τ√(pN))·N(0,1).</li>
 * <li>E/I (Dale's law): each synapse exists with probability p; from an excitatory neuron w = +c_E·|N(0,1)|, from an
 * inhibitory one w = −c_I·|N(0,1)|, with c_E = g/(τ√(pN))·√(N_I/N_E) and c_I = g/(τ√(pN))·√(N_E/N_I). Then
 * N_E·c_E = N_I·c_I, so the expected net weight onto a neuron is 0, and each neuron's inhibitory weights are rescaled
 * so that its row sums to 0 exactly (to single precision): with equal rates every neuron's net recurrent input has
 * mean zero, and the balanced rows keep the random matrix's eigenvalues in the bulk of radius g (Rajan and Abbott 2006)
 * instead of adding an outlier. A neuron without an excitatory or without an inhibitory synapse keeps its draws.</li>
 * </ul>
 * The sparse forms consume, per possible synapse in column order, one uniform draw for the coin (only when p &lt; 1)
 * and one Gaussian when the synapse exists.
 */
public final class RandomSynapses {

	private RandomSynapses() {}

	public static FixedSynapses draw(final double gain, final double tau, final Populations pops, final double p, final Random rng) {
		if (gain == 0) return FixedSynapses.NONE;
		final int n = pops.neurons();
		if (!pops.dale() && p >= 1) return new FixedSynapses.Dense(denseColumns(n, gain / (tau * Math.sqrt(n)), rng));
		return sparse(gain / (tau * Math.sqrt(p * n)), pops, p, rng);
	}

	private static double[][] denseColumns(final int n, final double scale, final Random rng) {
		final double[][] c = new double[n][n];
		for (int j = 0; j < n; j++)
			for (int i = 0; i < n; i++) c[j][i] = scale * rng.nextGaussian();
		return c;
	}

	private static FixedSynapses.Sparse sparse(final double base, final Populations pops, final double p, final Random rng) {
		final int n = pops.neurons(), ne = pops.excitatory(), ni = n - ne;
		final boolean dale = pops.dale();
		final double cE = dale ? base * Math.sqrt(ni / (double) ne) : base;
		final double cI = dale ? base * Math.sqrt(ne / (double) ni) : base;
		final int[] start = new int[n + 1];
		int[] rows = new int[(int) Math.min(Integer.MAX_VALUE - 8, (long) Math.ceil(p * n * (double) n * 1.05) + 16)];
		float[] weights = new float[rows.length];
		int k = 0;
		for (int j = 0; j < n; j++) {
			for (int i = 0; i < n; i++) {
				if (p < 1 && rng.nextDouble() >= p) continue;
				final double z = rng.nextGaussian();
				final double w = !dale ? base * z : j < ne ? cE * Math.abs(z) : -cI * Math.abs(z);
				if (k == rows.length) {
					rows = Arrays.copyOf(rows, (int) Math.min(Integer.MAX_VALUE - 8, 2L * k));
					weights = Arrays.copyOf(weights, rows.length);
				}
				rows[k] = i;
				weights[k++] = (float) w;
			}
			start[j + 1] = k;
		}
		rows = Arrays.copyOf(rows, k);
		weights = Arrays.copyOf(weights, k);
		if (dale) balanceRows(pops, start, rows, weights);
		return new FixedSynapses.Sparse(n, start, rows, weights);
	}

	/** Scales each row's inhibitory weights so that the row sums to zero (rows with synapses of both signs). */
	private static void balanceRows(final Populations pops, final int[] start, final int[] rows, final float[] weights) {
		final int n = pops.neurons(), ne = pops.excitatory();
		final double[] excitation = new double[n], inhibition = new double[n];
		for (int j = 0; j < n; j++)
			for (int k = start[j]; k < start[j + 1]; k++) (j < ne ? excitation : inhibition)[rows[k]] += weights[k];
		for (int j = ne; j < n; j++)
			for (int k = start[j]; k < start[j + 1]; k++) {
				final int i = rows[k];
				if (excitation[i] > 0 && inhibition[i] < 0) weights[k] = (float) (weights[k] * (excitation[i] / -inhibition[i]));
			}
	}
}
