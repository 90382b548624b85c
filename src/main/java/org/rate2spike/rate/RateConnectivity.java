package org.rate2spike.rate;

import java.util.Random;

/**
 * The fixed random matrices of the driven rate network.
 *
 * @param recurrent J̃ as rows, [Ñ][Ñ]: J̃[i][j] is the weight from unit j to unit i
 * @param outputDrive ũ_out as columns, [outputs][Ñ]
 * @param inputDrive ũ_in as columns, [inputs][Ñ]
 */
public record RateConnectivity(double[][] recurrent, double[][] outputDrive, double[][] inputDrive) {

	public int units() {
		return recurrent.length;
	}

	/** J̃ = g̃·N(0,1)/√Ñ; ũ_out and ũ_in uniform in [−1, 1]. */
	public static RateConnectivity random(final RateParams p, final int inputs, final int outputs, final Random rng) {
		final int n = p.units();
		final double scale = p.gain() / Math.sqrt(n);
		final double[][] j = new double[n][n];
		for (int r = 0; r < n; r++)
			for (int c = 0; c < n; c++) j[r][c] = scale * rng.nextGaussian();
		return new RateConnectivity(j, uniform(outputs, n, rng), uniform(inputs, n, rng));
	}

	private static double[][] uniform(final int cols, final int n, final Random rng) {
		final double[][] u = new double[cols][n];
		for (int c = 0; c < cols; c++)
			for (int i = 0; i < n; i++) u[c][i] = 2 * rng.nextDouble() - 1;
		return u;
	}
}
