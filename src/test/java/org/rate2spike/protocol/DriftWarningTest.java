package org.rate2spike.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class DriftWarningTest {

	private static TestResult withNmse(final double... nmse) {
		return new TestResult(nmse, 10, new int[1], new double[nmse.length][1][2], new double[nmse.length][1][2], new int[0],
			new int[0], new int[nmse.length], 0.001, 0, false);
	}

	/** The measured case: 19 trials below 10⁻⁵, then the network falls off the target. */
	@Test
	void warnsWhenTheLastQuarterIsFarWorseThanTheFirst() {
		final double[] nmse = new double[30];
		Arrays.fill(nmse, 0, 19, 1e-5);
		Arrays.fill(nmse, 19, 30, 0.98);
		final TestResult r = withNmse(nmse);
		assertEquals(1e-5, r.firstQuarterMedianNmse(), 0, "first 8 trials");
		assertEquals(0.98, r.lastQuarterMedianNmse(), 0, "last 8 trials");
		final String w = r.driftWarning();
		assertNotNull(w);
		assertTrue(w.contains("drifts off the target") && w.contains("30 test trials") && w.contains("trials_test"), w);
	}

	@Test
	void staysQuietForSteadyOrUniformlyPoorNetworksAndShortTests() {
		final double[] steady = new double[40];
		for (int i = 0; i < steady.length; i++) steady[i] = 0.005 + 0.001 * (i % 3);
		assertNull(withNmse(steady).driftWarning(), "steady");
		final double[] poor = new double[40];
		Arrays.fill(poor, 1.2);
		assertNull(withNmse(poor).driftWarning(), "bad from the start: the median says so already");
		final double[] smallRise = new double[40];
		Arrays.fill(smallRise, 0, 20, 0.001);
		Arrays.fill(smallRise, 20, 40, 0.05);
		assertNull(withNmse(smallRise).driftWarning(), "worse but still below 0.1");
		assertNull(withNmse(1e-5, 1e-5, 1e-5, 1, 1, 1, 1).driftWarning(), "fewer than 8 trials");
		assertTrue(Double.isNaN(withNmse(1e-5, 1, 1).lastQuarterMedianNmse()));
	}

	/**
	 * Measured: N = 1000, seed 1, default protocol (test nMSE per trial, 3 digits). It leaves the target within the
	 * first quarter (first-quarter median 0.054), so the quarters alone do not see it; the first 10 trials do.
	 */
	static final double[] N1000_SEED1 = { 7.38e-05, 0.000101, 0.000118, 0.0001, 9.01e-05, 0.000235, 0.000332, 0.00253,
		0.0631, 0.0637, 0.0248, 0.104, 0.195, 0.141, 0.101, 0.0221, 0.0363, 0.0425, 0.288, 0.212, 0.17, 0.0542, 0.197, 0.19,
		0.0715, 0.0579, 0.0891, 0.229, 0.398, 0.472, 0.458, 0.364, 0.103, 0.113, 0.108, 0.0619, 0.0119, 0.0443, 0.0735,
		0.192, 0.327, 0.0595, 0.19, 0.152, 0.105, 0.119, 0.0844, 0.0812, 0.15, 0.0646, 0.1, 0.113, 0.0232, 0.0369, 0.0906,
		0.149, 0.156, 0.024, 0.0316, 0.0368, 0.156, 0.106, 0.223, 0.167, 0.0886, 0.037, 0.0201, 0.0281, 0.381, 0.6, 1.35,
		2.26, 1.1, 0.091, 0.403, 0.448, 0.598, 0.716, 0.668, 0.646, 0.911, 0.595, 0.298, 0.101, 0.082, 0.0865, 0.158, 0.282,
		0.347, 0.54, 0.16, 0.119, 0.0516, 0.0637, 0.137, 0.0976, 0.104, 0.0375, 0.0511, 0.0916 };

	@Test
	void warnsForADecayThatStartsEarly() {
		final TestResult r = withNmse(N1000_SEED1);
		assertEquals(0.0542, r.firstQuarterMedianNmse(), 1e-12, "first quarter already off the target");
		assertTrue(!(r.lastQuarterMedianNmse() > 10 * r.firstQuarterMedianNmse()), "the quarter rule alone stays quiet");
		assertEquals(0.0001765, r.earlyMedianNmse(), 1e-12, "median of the first 10");
		assertEquals(75 / 90.0, r.poorFractionAfterEarly(), 1e-12, "75 of the 90 later trials above 0.05");
		final String w = r.driftWarning();
		assertNotNull(w);
		assertTrue(w.contains("drifts off the target early") && w.contains("first 10 test trials") && w.contains("83%"), w);
	}

	@Test
	void theEarlyRuleStaysQuietForStableAndUniformlyMediocreRuns() {
		final double[] stable = new double[100]; // like N = 500: near 0.005, one trial in a hundred above 0.05
		for (int i = 0; i < stable.length; i++) stable[i] = 0.004 + 0.001 * (i % 3);
		stable[57] = 0.08;
		final TestResult s = withNmse(stable);
		assertEquals(1 / 90.0, s.poorFractionAfterEarly(), 1e-12);
		assertNull(s.driftWarning(), "stable");
		final double[] mediocre = new double[100]; // around 0.05 from the start: poor, but not a drift
		for (int i = 0; i < mediocre.length; i++) mediocre[i] = i % 2 == 0 ? 0.03 : 0.07;
		assertNull(withNmse(mediocre).driftWarning(), "mediocre throughout");
		final double[] blip = new double[100]; // a few bad trials late: under a quarter
		Arrays.fill(blip, 1e-4);
		Arrays.fill(blip, 80, 100, 0.5);
		assertEquals(20 / 90.0, withNmse(blip).poorFractionAfterEarly(), 1e-12);
		assertNotNull(withNmse(blip).driftWarning(), "the quarter rule still sees a late fall");
		Arrays.fill(blip, 80, 100, 1e-4);
		Arrays.fill(blip, 40, 60, 0.5);
		assertNull(withNmse(blip).driftWarning(), "20 of 90 bad trials in the middle, then back on the target");
		assertTrue(Double.isNaN(withNmse(new double[19]).earlyMedianNmse()), "fewer than 20 trials");
	}
}
