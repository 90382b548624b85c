package org.rate2spike.task;

import org.rate2spike.format.Dataset;

/**
 * The {@code reach} task's default data: an EMG-like set that the project generates itself, saved in
 * {@code test-data/reach_emg.csv} and {@code test-data/reach_emg.tif}.
 *
 * <p>C reach directions θ_c = 2π·c/C (labels: the direction in whole degrees) and M muscles with preferred directions
 * φ_m = 2π·m/M + π/8. Muscle m in condition c, at time t (s) after the go cue, 0 ≤ t ≤ 0.6 s sampled every 10 ms:
 * <pre>
 *   EMG(t) = 0.02 + 0.9·a·G(t; 0.15 + 0.02·(m mod 2) + 0.02·cos θ_c, 0.05) + 0.6·b·G(t; 0.30 + 0.02·m, 0.06)
 *   a = ((1 + cos(θ_c − φ_m))/2)²   (agonist burst)     b = ((1 − cos(θ_c − φ_m))/2)²   (antagonist burst)
 *   G(t; μ, σ) = exp(−(t − μ)²/(2σ²))
 * </pre>
 * Values are rounded to multiples of 1/4096, so that the decimal text of the CSV and the 32-bit floats of the TIFF
 * hold exactly the same numbers.
 */
public final class SyntheticEmg {

	public static final int CONDITIONS = 8, MUSCLES = 4;
	public static final double INTERVAL = 0.01, DURATION = 0.6;

	private SyntheticEmg() {}

	public static Dataset generate(final int conditions, final int muscles) {
		final int samples = (int) Math.round(DURATION / INTERVAL) + 1;
		final String[] labels = new String[conditions], channels = new String[muscles];
		final double[][][] v = new double[conditions][muscles][samples];
		for (int m = 0; m < muscles; m++) channels[m] = "muscle" + (m + 1);
		for (int c = 0; c < conditions; c++) {
			final double theta = 2 * Math.PI * c / conditions;
			labels[c] = Long.toString(Math.round(360.0 * c / conditions));
			for (int m = 0; m < muscles; m++) {
				final double phi = 2 * Math.PI * m / muscles + Math.PI / 8;
				final double cos = Math.cos(theta - phi);
				final double a = Math.pow((1 + cos) / 2, 2), b = Math.pow((1 - cos) / 2, 2);
				final double mu1 = 0.15 + 0.02 * (m % 2) + 0.02 * Math.cos(theta), mu2 = 0.30 + 0.02 * m;
				for (int j = 0; j < samples; j++) {
					final double t = j * INTERVAL;
					final double x = 0.02 + 0.9 * a * gauss(t, mu1, 0.05) + 0.6 * b * gauss(t, mu2, 0.06);
					v[c][m][j] = Math.round(x * 4096) / 4096.0;
				}
			}
		}
		return Dataset.uniform("synthetic EMG", labels, channels, v, INTERVAL);
	}

	/**
	 * A synthetic population recorded alongside the EMG (for factors from data): unit i's rate in Hz is
	 * 10 + 8·tanh(Σ_k W_ik·L_k(t)), with latents L = the M EMG channels, their time derivatives × 0.05 s, and the
	 * condition's cos θ and sin θ (constant within the condition), W_ik ~ N(0, 1)/√(2M + 2) drawn with
	 * {@code new java.util.Random(seed)}; rounded to multiples of 1/256 Hz.
	 */
	public static Dataset population(final Dataset emg, final int units, final long seed) {
		final java.util.Random rng = new java.util.Random(seed);
		final int m = emg.channelCount(), latents = 2 * m + 2;
		final double[][] w = new double[units][latents];
		for (final double[] row : w)
			for (int k = 0; k < latents; k++) row[k] = rng.nextGaussian() / Math.sqrt(latents);
		final String[] names = new String[units];
		for (int i = 0; i < units; i++) names[i] = "unit" + (i + 1);
		final double[][][] v = new double[emg.conditionCount()][units][];
		final double interval = emg.times()[0][1];
		for (int c = 0; c < emg.conditionCount(); c++) {
			final double theta = 2 * Math.PI * c / emg.conditionCount();
			final int n = emg.samples(c);
			final double[] l = new double[latents];
			for (int i = 0; i < units; i++) v[c][i] = new double[n];
			for (int j = 0; j < n; j++) {
				for (int k = 0; k < m; k++) {
					final double[] e = emg.values()[c][k];
					l[k] = e[j];
					l[m + k] = 0.05 * (e[Math.min(j + 1, n - 1)] - e[Math.max(j - 1, 0)]) / ((Math.min(j + 1, n - 1) - Math.max(j - 1, 0)) * interval);
				}
				l[2 * m] = Math.cos(theta);
				l[2 * m + 1] = Math.sin(theta);
				for (int i = 0; i < units; i++) {
					double x = 0;
					for (int k = 0; k < latents; k++) x += w[i][k] * l[k];
					v[c][i][j] = Math.round((10 + 8 * Math.tanh(x)) * 256) / 256.0;
				}
			}
		}
		return Dataset.uniform("synthetic population", emg.conditions(), names, v, interval);
	}

	private static double gauss(final double t, final double mu, final double sigma) {
		final double d = (t - mu) / sigma;
		return Math.exp(-0.5 * d * d);
	}
}
