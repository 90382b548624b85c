package org.rate2spike.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SpikingStatisticsTest {

	/**
	 * Four neurons over two trials of 500 steps at 1 ms (1 s): neuron 0 silent, neuron 1 every 6 steps (150 Hz: saturated,
	 * CV 0), neuron 2 ten spikes with intervals 1, 3, 1, 3, … (CV √80 / 17), neuron 3 two spikes (no CV).
	 */
	@Test
	void rateCvSilentAndSaturated() {
		final int[] n1 = IntStream.range(0, 150).map(i -> 6 * i).toArray();
		final int[] n2 = { 0, 1, 4, 5, 8, 9, 12, 13, 16, 17 }, n3 = { 100, 700 };
		final int[] neuron = new int[162], step = new int[162];
		int q = 0;
		for (final int s : n1) { neuron[q] = 1; step[q++] = s; }
		for (final int s : n2) { neuron[q] = 2; step[q++] = s; }
		for (final int s : n3) { neuron[q] = 3; step[q++] = s; }
		final TestResult r = new TestResult(new double[2], 40.5, new int[] { 0, 150, 10, 2 }, new double[2][1][500],
			new double[2][1][500], neuron, step, new int[] { 500, 500 }, 0.001, 0, false);
		final SpikingStatistics s = SpikingStatistics.of(r);
		assertEquals(40.5, s.meanRateHz(), 1e-12, "162 spikes / (4 neurons × 1 s)");
		assertEquals(Math.sqrt(80) / 17 / 2, s.meanIsiCv(), 1e-12, "mean of CVs 0 and √80/17");
		assertEquals(0.25, s.silentFraction(), 0);
		assertEquals(0.25, s.saturatedFraction(), 0, "only neuron 1 is above 100 Hz");
		final java.util.List<String> lines = ErrorDecomposition.of(r).lines();
		assertEquals("  spiking: mean rate 40.50 Hz, mean ISI CV 0.26, silent 25.0%, saturated (> 100 Hz) 25.0%",
			lines.get(lines.size() - 1));
		assertEquals("  over the test: 2 trials, too few to compare the first 10 with the later ones", lines.get(lines.size() - 2));
	}
}
