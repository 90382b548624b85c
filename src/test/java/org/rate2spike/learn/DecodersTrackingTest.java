package org.rate2spike.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The carried product ẑ = W·s follows the full one (-Drate2spike.trackDecoders=false) to round-off. */
class DecodersTrackingTest {

	private static Decoders make(final boolean carry, final double[][] w, final double[][] out) {
		final String before = System.getProperty("rate2spike.trackDecoders");
		System.setProperty("rate2spike.trackDecoders", Boolean.toString(carry));
		try {
			return Decoders.of(w, out);
		}
		finally {
			if (before == null) System.clearProperty("rate2spike.trackDecoders");
			else System.setProperty("rate2spike.trackDecoders", before);
		}
	}

	@Test
	void carriedProductFollowsTheFullOneThroughSpikesAndUpdates() {
		final int n = 60, traces = 2 * n, factors = 7, outputs = 2;
		final Random r = new Random(3);
		final double[][] w = new double[factors][traces], o = new double[outputs][traces];
		for (final double[][] m : new double[][][] { w, o }) for (final double[] row : m) for (int j = 0; j < traces; j++)
			row[j] = r.nextGaussian();
		final Decoders full = make(false, w, o), carried = make(true, w, o);
		final double[] s = new double[traces], ps = new double[traces], error = new double[factors + outputs];
		final double decaySlow = Math.exp(-0.01), decayFast = Math.exp(-0.2);
		final int[] spiking = new int[n];
		double worst = 0;
		for (int t = 0; t < 3000; t++) {
			if (t % 1000 == 0) carried.resync();
			for (int k = 0; k < n; k++) {
				s[k] *= decaySlow;
				s[n + k] *= decayFast;
			}
			int count = 0;
			for (int k = 0; k < n; k++) if (r.nextDouble() < 0.02) {
				s[k] += 1;
				s[n + k] += 1;
				spiking[count++] = k;
			}
			carried.advance(decaySlow, decayFast, spiking, count);
			full.advance(decaySlow, decayFast, spiking, count);
			final double[] a = full.apply(s).clone(), b = carried.apply(s);
			for (int k = 0; k < a.length; k++) worst = Math.max(worst, Math.abs(a[k] - b[k]) / (1 + Math.abs(a[k])));
			if (t % 10 == 3) {
				for (int j = 0; j < traces; j++) ps[j] = 0.01 * r.nextGaussian();
				for (int k = 0; k < error.length; k++) error[k] = r.nextGaussian();
				full.update(error, 0.5, ps, s);
				carried.update(error, 0.5, ps, s);
			}
		}
		assertTrue(worst < 1e-11, "largest relative difference " + worst);
		assertTrue(worst > 0, "the carried product is computed differently, so it differs by round-off somewhere");
		for (int k = 0; k < factors; k++) assertArrayEquals(full.feedbackWeights()[k], carried.feedbackWeights()[k]);
	}
}
