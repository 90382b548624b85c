package org.rate2spike.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.cli.MakeTestData;
import org.rate2spike.util.ParameterException;

/** Traces from the synthetic calcium movie follow the cells' known calcium; the shipped files are the generator's. */
class RoiTracesTest {

	private static final Path TEST_DATA = Path.of("test-data");

	@Test
	void deltaFOverF0FollowsTheKnownCalciumOfEveryCellAndCondition() throws Exception {
		final ImagePlus movie = IJ.openImage(TEST_DATA.resolve(MakeTestData.CALCIUM_MOVIE).toString());
		assertEquals(2, movie.getNSlices());
		assertEquals(SyntheticCalcium.FRAMES, movie.getNFrames());
		assertTrue(Files.size(TEST_DATA.resolve(MakeTestData.CALCIUM_MOVIE)) < 1_000_000, "the example stays small");
		final Roi[] rois = RoiTraces.read(TEST_DATA.resolve(MakeTestData.CALCIUM_ROIS));
		assertEquals(3, rois.length);
		assertEquals("cell2", rois[1].getName());
		final Dataset d = RoiTraces.traces(movie, rois, new RoiTraces.Options(0, true, 0, 0.5));
		assertArrayEquals(new String[] { "left", "right" }, d.conditions());
		assertArrayEquals(new String[] { "cell1", "cell2", "cell3" }, d.channels());
		assertEquals(0.05, d.times()[0][1], 1e-12, "the movie's frame interval");
		for (int c = 0; c < 2; c++)
			for (int k = 0; k < 3; k++) {
				double worst = 0;
				for (int t = 0; t < SyntheticCalcium.FRAMES; t++) {
					final double truth = SyntheticCalcium.calcium(k, c, t * 0.05);
					// background dilutes ΔF/F0 by F0/(F0 + background); bleaching takes at most 1 - exp(-3/20)
					final double expected = truth * SyntheticCalcium.F0[k] / (SyntheticCalcium.F0[k] + SyntheticCalcium.BACKGROUND);
					worst = Math.max(worst, Math.abs(d.values()[c][k][t] - expected));
				}
				assertTrue(worst < 0.25, "cell " + (k + 1) + ", condition " + (c + 1) + ": off by " + worst);
			}
		final Dataset raw = RoiTraces.traces(movie, rois, new RoiTraces.Options(0, false, 0, 0));
		assertEquals(SyntheticCalcium.BACKGROUND + SyntheticCalcium.F0[2], raw.values()[1][2][0], 5, "mean intensity at t = 0");
	}

	@Test
	void theShippedMovieIsTheGenerators(@TempDir final Path dir) throws Exception {
		final ImagePlus shipped = IJ.openImage(TEST_DATA.resolve(MakeTestData.CALCIUM_MOVIE).toString());
		final ImagePlus made = SyntheticCalcium.movie();
		final RoiTraces.Options raw = new RoiTraces.Options(0, false, 0, 0);
		final Dataset a = RoiTraces.traces(shipped, SyntheticCalcium.rois(), raw), b = RoiTraces.traces(made, SyntheticCalcium.rois(), raw);
		for (int c = 0; c < 2; c++)
			for (int k = 0; k < 3; k++) assertArrayEquals(b.values()[c][k], a.values()[c][k], 1e-9, "condition " + c + ", cell " + k);
		SyntheticCalcium.writeRois(SyntheticCalcium.rois(), dir.resolve("r.zip"));
		final Roi[] shippedRois = RoiTraces.read(TEST_DATA.resolve(MakeTestData.CALCIUM_ROIS)), madeRois = RoiTraces.read(dir.resolve("r.zip"));
		assertEquals(madeRois.length, shippedRois.length);
		for (int k = 0; k < madeRois.length; k++) {
			assertEquals(madeRois[k].getName(), shippedRois[k].getName());
			assertEquals(madeRois[k].getBounds(), shippedRois[k].getBounds());
			assertEquals(madeRois[k].getType(), shippedRois[k].getType());
		}
	}

	@Test
	void badWindowsAndMissingRoisSayWhatToDo() {
		final ImagePlus movie = SyntheticCalcium.movie();
		assertEquals("f0_end: must come after f0_start (got 1.0 to 0.5 s)", assertThrows(ParameterException.class,
			() -> RoiTraces.traces(movie, SyntheticCalcium.rois(), new RoiTraces.Options(0, true, 1, 0.5))).getMessage());
		final String none = assertThrows(ParameterException.class, () -> RoiTraces.traces(movie, SyntheticCalcium.rois(),
			new RoiTraces.Options(0, true, 10, 11))).getMessage();
		assertTrue(none.startsWith("f0_start: the F0 window 10-11 s holds no frame"), none);
		assertTrue(assertThrows(ParameterException.class, () -> RoiTraces.traces(movie, new Roi[0],
			new RoiTraces.Options(0, true, 0, 0.5))).getMessage().startsWith("rois: no ROIs"));
	}
}
