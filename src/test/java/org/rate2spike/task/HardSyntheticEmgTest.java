package org.rate2spike.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.rate2spike.cli.MakeTestData;
import org.rate2spike.format.DataFiles;
import org.rate2spike.format.Dataset;
import org.rate2spike.task.HardSyntheticEmg.Event;
import org.rate2spike.task.HardSyntheticEmg.Kind;
import org.rate2spike.task.HardSyntheticEmg.Recipe;

/** The harder synthetic EMG: the shipped file is the generator's output, and its bursts, latencies and dips are as documented. */
class HardSyntheticEmgTest {

	private static final Recipe RECIPE = HardSyntheticEmg.recipe(HardSyntheticEmg.CONDITIONS, HardSyntheticEmg.MUSCLES, HardSyntheticEmg.SEED);
	private static final Dataset EMG = HardSyntheticEmg.generate(RECIPE);

	@Test
	void theShippedCsvHoldsExactlyTheGeneratorsNumbers() throws Exception {
		final Dataset csv = DataFiles.read(Path.of("test-data").resolve(MakeTestData.EMG_HARD_CSV), 0);
		assertArrayEquals(new String[] { "0", "45", "90", "135", "180", "225", "270", "315" }, csv.conditions());
		assertArrayEquals(new String[] { "muscle1", "muscle2", "muscle3" }, csv.channels());
		for (int c = 0; c < 8; c++) {
			assertEquals(81, csv.samples(c));
			assertArrayEquals(EMG.times()[c], csv.times()[c], 0.0);
			for (int k = 0; k < 3; k++) assertArrayEquals(EMG.values()[c][k], csv.values()[c][k], 0.0, "condition " + c + " muscle " + k);
		}
		assertArrayEquals(EMG.values()[5][1], HardSyntheticEmg.generate().values()[5][1], 0.0, "the seed fixes the data");
	}

	@Test
	void theShippedCueInputsAreTheConditionCueForItsFirstSamples() throws Exception {
		final Dataset in = DataFiles.read(Path.of("test-data").resolve(MakeTestData.EMG_HARD_INPUTS_CSV), 0);
		assertArrayEquals(EMG.conditions(), in.conditions());
		assertArrayEquals(new String[] { "cue_x", "cue_y" }, in.channels());
		for (int c = 0; c < 8; c++) {
			assertArrayEquals(EMG.times()[c], in.times()[c], 0.0, "the same samples as the targets");
			final double theta = 2 * Math.PI * c / 8;
			for (int j = 0; j < in.samples(c); j++) {
				final boolean on = j < 30; // 0.3 s at 10 ms
				assertEquals(on ? 0.5 * Math.cos(theta) : 0, in.values()[c][0][j], 1e-6, "condition " + c + " sample " + j);
				assertEquals(on ? 0.5 * Math.sin(theta) : 0, in.values()[c][1][j], 1e-6, "condition " + c + " sample " + j);
			}
		}
	}

	/** Full width at half of the event's height above (or, for a dip, below) the muscle's baseline, measured on the samples. */
	private static double measuredWidth(final Event e) {
		final double[] x = EMG.values()[e.condition()][e.muscle()];
		final double base = RECIPE.baselines()[e.muscle()], dt = HardSyntheticEmg.INTERVAL;
		final int centre = (int) Math.round(e.time() / dt);
		final double sign = Math.signum(e.height()), peak = sign * (x[centre] - base), half = peak / 2;
		int r = centre, l = centre;
		while (sign * (x[r + 1] - base) > half) r++;
		while (sign * (x[l - 1] - base) > half) l--;
		final double yr0 = sign * (x[r] - base), yr1 = sign * (x[r + 1] - base), yl0 = sign * (x[l] - base), yl1 = sign * (x[l - 1] - base);
		return dt * ((r + (yr0 - half) / (yr0 - yr1)) - (l - (yl0 - half) / (yl0 - yl1)));
	}

	@Test
	void burstsAndDipsAreThirtyToSixtyMillisecondsWideAndWithinHalfASecondOfTheGoCue() {
		assertTrue(RECIPE.events().size() >= 2 * 8 * 2, "events " + RECIPE.events().size());
		for (final Event e : RECIPE.events()) {
			assertTrue(e.width() >= 0.035 && e.width() <= 0.055, e.toString());
			assertTrue(e.time() > 0.05 && e.time() <= 0.5, e.toString());
			final double w = measuredWidth(e);
			assertTrue(w >= 0.030 && w <= 0.060, "measured width " + w + " of " + e);
			assertEquals(e.width(), w, 0.004, e.toString());
		}
		for (int c = 0; c < 8; c++)
			for (int m = 0; m < 3; m++) {
				final double[] x = EMG.values()[c][m];
				for (int j = 61; j < x.length; j++) assertEquals(RECIPE.baselines()[m], x[j], 0.002, "at rest after 0.6 s");
			}
	}

	@Test
	void everyConditionHasItsOwnLatency() {
		final double[] declared = RECIPE.latencies().clone(), onset = new double[8];
		for (int c = 0; c < 8; c++) {
			// first time any muscle rises above baseline by half its largest rise in this condition
			onset[c] = Double.POSITIVE_INFINITY;
			for (int m = 0; m < 3; m++) {
				final double[] x = EMG.values()[c][m];
				final double base = RECIPE.baselines()[m];
				final double top = Arrays.stream(x).max().getAsDouble() - base;
				if (top < 0.02) continue; // a muscle without bursts in this condition
				for (int j = 1; j < x.length; j++)
					if (x[j] - base >= top / 2) {
						final double t = HardSyntheticEmg.INTERVAL * (j - 1 + (top / 2 - (x[j - 1] - base)) / (x[j] - x[j - 1]));
						onset[c] = Math.min(onset[c], t);
						break;
					}
			}
			assertTrue(onset[c] > declared[c] - 0.03 && onset[c] < declared[c], "condition " + c + ": onset " + onset[c] + ", latency " + declared[c]);
		}
		final double[] sorted = onset.clone();
		Arrays.sort(sorted);
		for (int i = 1; i < 8; i++) assertTrue(sorted[i] - sorted[i - 1] > 0.005, "onsets " + Arrays.toString(onset));
		assertTrue(sorted[7] - sorted[0] > 0.15, "onsets " + Arrays.toString(onset));
		Arrays.sort(declared);
		for (int i = 1; i < 8; i++) assertTrue(declared[i] > declared[i - 1], "latencies " + Arrays.toString(RECIPE.latencies()));
	}

	@Test
	void antagonistsDipBelowBaselineButNeverToZero() {
		int conditionsWithDip = 0;
		for (int c = 0; c < 8; c++) {
			boolean dip = false;
			for (int m = 0; m < 3; m++) {
				final double[] x = EMG.values()[c][m];
				final double min = Arrays.stream(x).min().getAsDouble();
				assertTrue(min > 0, "EMG stays positive");
				if (min < 0.75 * RECIPE.baselines()[m]) dip = true;
			}
			if (dip) conditionsWithDip++;
		}
		assertEquals(8, conditionsWithDip, "conditions with a dip: " + conditionsWithDip);
		for (final Event e : RECIPE.events())
			if (e.kind() == Kind.DIP) {
				final double[] x = EMG.values()[e.condition()][e.muscle()];
				assertTrue(x[(int) Math.round(e.time() / HardSyntheticEmg.INTERVAL)] < RECIPE.baselines()[e.muscle()] * 0.72, e.toString());
			}
	}
}
