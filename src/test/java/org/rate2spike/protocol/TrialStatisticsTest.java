package org.rate2spike.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrialStatisticsTest {

	@Test
	void splitsSpikesByTrialAndScoresEach() {
		// 2 neurons, two trials of 10 steps at 1 ms. Trial 1: neuron 0 at 0,2,4 (ISIs 2,2: CV 0), neuron 1 at 1,4,9
		// (ISIs 3,5: CV 1/4). Trial 2: neuron 0 at 10,11 (too few spikes for a CV).
		final int[] neuron = { 0, 1, 0, 1, 0, 1, 0, 0 }, step = { 0, 1, 2, 4, 4, 9, 10, 11 };
		final TestResult r = new TestResult(new double[] { 0.5, 0.25 }, 400, new int[] { 5, 3 }, new double[2][1][10],
			new double[2][1][10], neuron, step, new int[] { 10, 10 }, 0.001, 0, false);
		final TrialStatistics[] s = TrialStatistics.of(r);
		assertEquals(2, s.length);
		assertEquals(1, s[0].trial());
		assertEquals(0.5, s[0].nmse());
		assertEquals(6, s[0].spikes());
		assertEquals(300, s[0].meanRateHz(), 1e-9, "6 spikes / (2 neurons x 10 ms)");
		assertEquals(0.125, s[0].meanIsiCv(), 1e-12, "mean of CVs 0 and 1/4");
		assertEquals(2, s[1].spikes());
		assertEquals(100, s[1].meanRateHz(), 1e-9);
		assertTrue(Double.isNaN(s[1].meanIsiCv()));
	}
}
