package org.rate2spike.rate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.rate2spike.util.ParameterException;

class PcaBasisTest {

	/** Samples in a 3-dimensional subspace with second moments 100, 10, 1 along known orthonormal directions. */
	private static PcaBasis.Accumulator threeDimensional(final int units) {
		final Random rng = new Random(3);
		final double[][] dirs = new double[3][units];
		for (int k = 0; k < 3; k++) dirs[k][k * 2] = 1; // e0, e2, e4
		final double[] scale = { 10, Math.sqrt(10), 1 };
		final PcaBasis.Accumulator acc = new PcaBasis.Accumulator(units);
		final double[] f = new double[units];
		for (int s = 0; s < 20000; s++) {
			java.util.Arrays.fill(f, 0);
			for (int k = 0; k < 3; k++) {
				final double a = scale[k] * rng.nextGaussian();
				for (int i = 0; i < units; i++) f[i] += a * dirs[k][i];
			}
			acc.add(f);
		}
		return acc;
	}

	@Test
	void keepsTheFewestComponentsAboveTheFraction() {
		// fractions: 100/111 = 0.901, 110/111 = 0.991, 111/111 = 1
		assertEquals(1, threeDimensional(8).basis(0.85, 0).count());
		assertEquals(2, threeDimensional(8).basis(0.95, 0).count());
		assertEquals(3, threeDimensional(8).basis(0.995, 0).count());
		assertEquals(5, threeDimensional(8).basis(0.5, 5).count(), "a fixed count overrides the fraction");
	}

	@Test
	void componentsAreTheLeadingDirectionsInOrder() {
		final PcaBasis b = threeDimensional(8).basis(0.995, 0);
		assertEquals(1, Math.abs(b.components()[0][0]), 1e-3);
		assertEquals(1, Math.abs(b.components()[1][2]), 1e-3);
		assertEquals(1, Math.abs(b.components()[2][4]), 1e-3);
		assertEquals(1, b.components()[0][0], 1e-3, "sign: largest entry positive");
		for (int i = 1; i < b.eigenvalues().length; i++) assertEquals(true, b.eigenvalues()[i] <= b.eigenvalues()[i - 1]);
		assertEquals(100.0 / 111, b.explained(1), 0.01);
	}

	@Test
	void rejectsMorePcsThanUnits() {
		final ParameterException e = assertThrows(ParameterException.class, () -> RateParams.DEFAULTS.with("rate_units", 10).with("pcs", 11).validate());
		assertEquals("pcs", e.parameter());
	}
}
