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
}
