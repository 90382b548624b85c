package org.rate2spike.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Each statistic against trains whose value is known by hand. */
class SpikeTrainAnalysisTest {

	private static int[] regular(final int first, final int interval, final int n) {
		final int[] t = new int[n];
		for (int k = 0; k < n; k++) t[k] = first + k * interval;
		return t;
	}

	@Test
	void aRegularTrainHasCvAndCv2Zero() {
		assertEquals(0, SpikeTrainAnalysis.isiCv(List.of(regular(3, 10, 20))), 0);
		assertEquals(0, SpikeTrainAnalysis.cv2(List.of(regular(3, 10, 20))), 0);
	}

	@Test
	void alternatingIntervalsHaveCvOneHalfAndCv2One() {
		// intervals 10, 30, 10, 30: mean 20, sd 10 → CV 0.5; each neighbour pair 2·20/40 = 1 → CV2 1
		final int[] t = { 0, 10, 40, 50, 80 };
		assertEquals(0.5, SpikeTrainAnalysis.isiCv(List.of(t)), 1e-12);
		assertEquals(1, SpikeTrainAnalysis.cv2(List.of(t)), 1e-12);
	}

	@Test
	void aRateChangeBetweenTrialsRaisesCvButNotCv2() {
		// trial 1 intervals 10,10,10; trial 2 intervals 30,30,30: pooled mean 20, sd 10 → CV 0.5; neighbours equal → CV2 0
		final List<int[]> trains = List.of(regular(0, 10, 4), regular(5, 30, 4));
		assertEquals(0.5, SpikeTrainAnalysis.isiCv(trains), 1e-12);
		assertEquals(0, SpikeTrainAnalysis.cv2(trains), 1e-12);
	}

	@Test
	void poissonTrainsHaveCvAndCv2NearOne() {
		final SplittableRandom rnd = new SplittableRandom(7);
		final int[] t = new int[20000];
		double time = 0;
		for (int k = 0; k < t.length; k++) {
			time += -Math.log(1 - rnd.nextDouble()) * 1000; // mean interval 1000 steps: the step grid hardly matters
			t[k] = (int) time;
		}
		assertEquals(1, SpikeTrainAnalysis.isiCv(List.of(t)), 0.03);
		assertEquals(1, SpikeTrainAnalysis.cv2(List.of(t)), 0.03);
	}

	@Test
	void tooFewIntervalsGiveNaN() {
		assertTrue(Double.isNaN(SpikeTrainAnalysis.isiCv(List.of(new int[] { 1, 5 }, new int[] { 9 }))));
		assertTrue(Double.isNaN(SpikeTrainAnalysis.cv2(List.of(new int[] { 1, 5 }, new int[] { 9, 12 }))), "pairs never span trials");
	}

	@Test
	void fanoFactorIsVarianceOverMeanOfTheCounts() {
		// neuron 0: counts 2, 4, 6 → mean 4, variance (4 + 0 + 4) / 2 = 4 → 1; neuron 1: 3, 3, 3 → 0; neuron 2 silent: left out
		final int[][] counts = { { 2, 3, 0 }, { 4, 3, 0 }, { 6, 3, 0 } };
		assertEquals(0.5, SpikeTrainAnalysis.fanoFactor(counts), 1e-12);
		assertTrue(Double.isNaN(SpikeTrainAnalysis.fanoFactor(new int[][] { { 1, 2 } })), "one trial has no variance");
	}

	/** 2 neurons, dt 1 ms; condition 0: trials 1 and 3 (100 and 60 steps), condition 1: trial 2 (100 steps). */
	private static TestResult result() {
		final int[] steps = { 100, 100, 60 };
		// trial 1 (steps 0–99): neuron 0 at 5, 25, 80; trial 2 (100–199): neuron 1 at 105, 195; trial 3 (200–259): neuron 0 at 205
		final int[] neuron = { 0, 0, 0, 1, 1, 0 }, step = { 5, 25, 80, 105, 195, 205 };
		return new TestResult(new double[3], 0, new int[] { 4, 2 }, new double[3][1][], new double[3][1][], neuron, step, steps,
			0.001, 0, false, new int[] { 0, 1, 0 }, new String[] { "a", "b" }, Map.of());
	}

	@Test
	void psthCountsEachConditionsTrialsFromTheirStartOverTheShortestTrial() {
		final SpikeTrainAnalysis a = SpikeTrainAnalysis.of(result());
		assertEquals(0.02, a.binSeconds(), 1e-15);
		final SpikeTrainAnalysis.Condition c0 = a.conditions().get(0), c1 = a.conditions().get(1);
		assertEquals(2, c0.trials());
		assertEquals(0.06, c0.windowSeconds(), 1e-12, "the shorter trial of condition a sets the window");
		// bins of 20 steps over 60: spikes at 5 and 5 (trials 1 and 3) → bin 0, 25 → bin 1, 80 is outside the window
		final double n = 2 * 2 * 0.02; // neurons × trials × bin
		assertArrayEquals(new double[] { 2 / n, 1 / n, 0 }, c0.psthHz(), 1e-9);
		assertEquals(5, c1.psthHz().length);
		assertArrayEquals(new double[] { 1 / 0.04, 0, 0, 0, 1 / 0.04 }, c1.psthHz(), 1e-9);
	}

	@Test
	void fanoFactorPerConditionUsesTheWindowAndNeedsTwoTrials() {
		final SpikeTrainAnalysis a = SpikeTrainAnalysis.of(result());
		// condition a, window 60 steps: neuron 0 counts 2 (5, 25) and 1 (205−200) → mean 1.5, var 0.5 → 1/3; neuron 1 silent
		assertEquals(1 / 3.0, a.conditions().get(0).fanoFactor(), 1e-12);
		assertTrue(Double.isNaN(a.conditions().get(1).fanoFactor()));
		assertEquals(1 / 3.0, a.fanoFactor(), 1e-12, "the mean over conditions that have one");
	}

	@Test
	void intervalsDoNotSpanTrials() {
		// neuron 0: 5, 25, 80 in trial 1 (intervals 20, 55) and 205 alone in trial 3; neuron 1: 105, 195 (one interval)
		final SpikeTrainAnalysis a = SpikeTrainAnalysis.of(result());
		assertEquals(1, a.isiCvNeurons());
		assertEquals(17.5 / 37.5, a.isiCv(), 1e-12, "mean 37.5, sd 17.5");
		assertEquals(1, a.cv2Neurons());
		assertEquals(2 * 35 / 75.0, a.cv2(), 1e-12);
	}

	@Test
	void theSummaryHasItsDocumentedKeys() {
		final Map<String, Object> s = SpikeTrainAnalysis.of(result()).summary();
		assertEquals(new ArrayList<>(List.of("isi_cv_within_trials", "isi_cv_neurons", "cv2", "cv2_neurons", "fano_factor",
			"psth_bin_s", "spikes_per_condition")), new ArrayList<>(s.keySet()));
		assertEquals(2, ((List<?>) s.get("spikes_per_condition")).size());
		assertTrue(Arrays.asList(((Map<?, ?>) ((List<?>) s.get("spikes_per_condition")).get(0)).keySet().toArray())
			.containsAll(List.of("condition", "trials", "fano_window_s", "fano_factor", "psth_hz")));
	}
}
