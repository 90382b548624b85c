package org.rate2spike.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The factor errors on constructed data, to exact numbers. */
class FactorErrorsTest {

	/**
	 * Two trials of 10 steps, f_PC = (1, 2) throughout. Trial 1: factor 1 is off by 0.1 in steps 0-4, factor 2 exact.
	 * Trial 2: exact.
	 */
	@Test
	void perTrialPerFactorAndPerTenth() {
		final FactorErrors.Accumulator acc = new FactorErrors.Accumulator(2, 2, 1);
		final double[] f = { 1, 2 };
		for (int tr = 0; tr < 2; tr++)
			for (int t = 0; t < 10; t++) acc.add(tr, t, 10, new double[] { tr == 0 && t < 5 ? 1.1 : 1, 2, 99 }, f, new double[] { 1 });
		final FactorErrors e = acc.finish(2);
		assertEquals(2, e.factors());
		// trial 1, factor 1: 5 × 0.01 / (10 × 1) = 0.005; factor 2: 0; pooled 0.05 / (10 + 40) = 0.001
		assertArrayEquals(new double[] { 0.005, 0 }, e.perFactor()[0], 1e-15);
		assertArrayEquals(new double[] { 0, 0 }, e.perFactor()[1], 0);
		assertArrayEquals(new double[] { 0.001, 0 }, e.trialNmse(), 1e-15);
		assertEquals(0.0005, e.medianNmse(), 1e-15);
		assertArrayEquals(new double[] { 0.0025, 0 }, e.medianPerFactor(), 1e-15);
		// tenth j holds step j of each trial: err 0.01 (trial 1) over target 5 + 5 in the first half, then 0
		assertArrayEquals(new double[] { 0.001, 0.001, 0.001, 0.001, 0.001, 0, 0, 0, 0, 0 }, e.bySegment(), 1e-15);
		assertEquals(0, e.readoutGivenFactorsNmse(), 1e-12, "y = 1 is the constant of the affine map");
	}

	/**
	 * Four samples with f_PC = (f1, f2); y = 2·f1 + g where g is orthogonal to f1, f2 and the constant: the best affine
	 * map leaves exactly g, so the error is Σg² / Σy² = 4 / 20.
	 */
	@Test
	void readoutGivenPerfectFactorsIsTheBestAffineMapsError() {
		final double[] f1 = { 1, -1, 1, -1 }, f2 = { 1, 1, -1, -1 }, g = { 1, -1, -1, 1 };
		final FactorErrors.Accumulator acc = new FactorErrors.Accumulator(1, 2, 1);
		for (int t = 0; t < 4; t++) {
			final double[] f = { f1[t], f2[t] };
			acc.add(0, t, 4, f, f, new double[] { 2 * f1[t] + g[t] });
		}
		final FactorErrors e = acc.finish(1);
		assertEquals(0.2, e.readoutGivenFactorsNmse(), 1e-12);
		assertEquals(0, e.medianNmse(), 0, "the factors themselves are perfect");
		// within 4 steps, tenths 0, 2, 5, 7 hold one step each; the others are empty
		assertTrue(Double.isNaN(e.bySegment()[1]) && e.bySegment()[0] == 0);
	}

	/** A trial the test did not keep (it diverged) counts nowhere, not even in the affine fit. */
	@Test
	void aTrialThatWasNotKeptIsLeftOut() {
		final FactorErrors.Accumulator acc = new FactorErrors.Accumulator(2, 1, 1);
		for (int t = 0; t < 10; t++) acc.add(0, t, 10, new double[] { 1 }, new double[] { 1 }, new double[] { 3 });
		for (int t = 0; t < 3; t++) acc.add(1, t, 10, new double[] { Double.NaN }, new double[] { Double.NaN }, new double[] { 1 });
		final FactorErrors e = acc.finish(1);
		assertArrayEquals(new double[] { 0 }, e.trialNmse(), 0);
		assertEquals(0, e.readoutGivenFactorsNmse(), 1e-12);
		assertEquals(0, e.bySegment()[0], 0);
	}
}
