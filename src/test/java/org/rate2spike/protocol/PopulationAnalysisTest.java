package org.rate2spike.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rate2spike.spiking.Populations;

/** The statistics of each population against a hand-made raster whose values are known. */
class PopulationAnalysisTest {

	/**
	 * 5 neurons, E = 0..3, I = 4; two trials of 100 steps (dt 1 ms), one condition. Neuron 0 fires every 10 steps from
	 * step 0 in both trials, neurons 1–3 never; neuron 4 fires at 0, 10, 40, 50, 80 in trial 1 and at 0, 10, 40 in
	 * trial 2 (intervals alternate 10, 30).
	 */
	static TestResult raster() {
		final List<int[]> spikes = new ArrayList<>(); // {step, neuron}
		for (int tr = 0; tr < 2; tr++) {
			for (int s = 0; s < 100; s += 10) spikes.add(new int[] { 100 * tr + s, 0 });
			for (final int s : tr == 0 ? new int[] { 0, 10, 40, 50, 80 } : new int[] { 0, 10, 40 }) spikes.add(new int[] { 100 * tr + s, 4 });
		}
		spikes.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
		final int[] neuron = new int[spikes.size()], step = new int[spikes.size()];
		for (int q = 0; q < neuron.length; q++) {
			step[q] = spikes.get(q)[0];
			neuron[q] = spikes.get(q)[1];
		}
		return new TestResult(new double[2], 0, new int[] { 20, 0, 0, 0, 8 }, new double[2][1][], new double[2][1][], neuron,
			step, new int[] { 100, 100 }, 0.001, 0, false, new int[] { 0, 0 }, new String[] { "a" }, Map.of());
	}

	@Test
	void eachPopulationHasItsOwnRatesIntervalsFanoFactorAndPsth() {
		final PopulationAnalysis a = PopulationAnalysis.of(raster(), new Populations(5, 4));
		assertEquals(2, a.populations().size());
		final PopulationAnalysis.Population e = a.populations().get(0), i = a.populations().get(1);
		assertEquals("E", e.name());
		assertEquals(4, e.neurons());
		assertArrayEquals(new double[] { 100, 0, 0, 0 }, e.ratesHz(), 1e-9); // 20 spikes in 0.2 s
		assertEquals(25, e.meanRateHz(), 1e-9);
		assertEquals(0, e.rateQuantile(0.5), 0);
		assertEquals(0.75, e.silentFraction(), 0);
		assertEquals(0, e.spikes().isiCv(), 1e-12, "a regular train");
		assertEquals(0, e.spikes().cv2(), 1e-12);
		assertEquals(0, e.spikes().fanoFactor(), 1e-12, "10 spikes in each trial; silent neurons are left out");
		// 2 spikes of neuron 0 per 20-step bin and trial, over 4 neurons × 2 trials × 0.02 s
		assertArrayEquals(new double[] { 25, 25, 25, 25, 25 }, e.spikes().conditions().get(0).psthHz(), 1e-9);

		assertEquals("I", i.name());
		assertArrayEquals(new double[] { 40 }, i.ratesHz(), 1e-9);
		assertEquals(0.5, i.spikes().isiCv(), 1e-12, "intervals 10 and 30: mean 20, sd 10");
		assertEquals(1, i.spikes().cv2(), 1e-12);
		assertEquals(0.5, i.spikes().fanoFactor(), 1e-12, "counts 5 and 3: variance 2 over mean 4");
		// bins: 0 → spikes at 0, 10 in both trials (4); 2 → 40, 50, 40 (3); 4 → 80 (1); over 1 neuron × 2 trials × 0.02 s
		assertArrayEquals(new double[] { 100, 0, 75, 0, 25 }, i.spikes().conditions().get(0).psthHz(), 1e-9);
	}

	@SuppressWarnings("unchecked")
	@Test
	void summaryHasAnEntryPerPopulation() {
		final Map<String, Object> s = PopulationAnalysis.of(raster(), new Populations(5, 4)).summary();
		assertEquals(List.of("E", "I"), List.copyOf(s.keySet()));
		final Map<String, Object> i = (Map<String, Object>) s.get("I");
		assertEquals(1, i.get("neurons"));
		assertEquals(40.0, (double) i.get("mean_rate_hz"), 1e-9);
		assertEquals(0.5, (double) i.get("fano_factor"), 1e-12);
		final int[] hist = (int[]) ((Map<String, Object>) s.get("E")).get("rate_histogram");
		assertEquals(3, hist[0], "three silent E neurons in the first bin");
		assertEquals(1, hist[PopulationAnalysis.RATE_BINS - 1], "the 100 Hz neuron in the last");
	}

	@Test
	void onePopulationIsTheWholeNetworkAndAMismatchIsRefused() {
		final PopulationAnalysis a = PopulationAnalysis.of(raster(), Populations.single(5));
		assertEquals("all", a.populations().get(0).name());
		assertEquals(SpikeTrainAnalysis.of(raster()).fanoFactor(), a.populations().get(0).spikes().fanoFactor(), 0);
		assertThrows(IllegalArgumentException.class, () -> PopulationAnalysis.of(raster(), new Populations(6, 4)));
	}
}
