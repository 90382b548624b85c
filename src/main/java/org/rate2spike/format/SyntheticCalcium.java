package org.rate2spike.format;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.io.RoiEncoder;
import ij.measure.Calibration;
import ij.process.ShortProcessor;

/**
 * A small synthetic calcium-imaging movie with known traces, for the example data and the tests: three cells (discs
 * of radius 5 px in a 40 × 40 px field) whose fluorescence follows calcium transients at fixed times, in two
 * conditions ("left", "right": the slices of a hyperstack), 60 frames at 50 ms (3 s); slow bleaching, camera
 * background and Gaussian noise from a fixed seed. 16-bit, about 0.4 MB as TIFF.
 * <p>
 * F(t) = (background + F₀·(1 + c(t)))·exp(−t/τ_bleach) + noise, with c(t) = Σ A·exp(−(t − s)/τ_Ca) over the
 * transients s ≤ t: {@link #calcium} gives c, the ΔF/F₀ a cell would show without background, bleaching and noise.
 */
public final class SyntheticCalcium {

	public static final int SIZE = 40, FRAMES = 60, CELLS = 3, RADIUS = 5;
	public static final double FRAME_INTERVAL = 0.05, TAU_CA = 0.4, AMPLITUDE = 1.5, TAU_BLEACH = 20, BACKGROUND = 100,
		NOISE = 4;
	public static final String[] CONDITIONS = { "left", "right" };
	public static final int[][] CENTRES = { { 10, 12 }, { 28, 10 }, { 20, 28 } };
	public static final double[] F0 = { 300, 400, 500 };
	/** Transient times (s) per cell and condition; none before 0.6 s, so that 0–0.5 s is a clean F₀ window. */
	public static final double[][][] TRANSIENTS = { { { 0.6, 1.8 }, { 1.0 } }, { { 1.2 }, { 0.7, 2.0 } },
		{ { 0.9, 1.5, 2.4 }, { 2.2 } } };
	public static final long SEED = 11;

	private SyntheticCalcium() {}

	/** c(t) of a cell in a condition: the ΔF/F₀ it would show without background, bleaching and noise. */
	public static double calcium(final int cell, final int condition, final double t) {
		double c = 0;
		for (final double s : TRANSIENTS[cell][condition]) if (t >= s) c += AMPLITUDE * Math.exp(-(t - s) / TAU_CA);
		return c;
	}

	/** The movie: a hyperstack of 2 slices (conditions, labelled) × 60 frames, frame interval 0.05 s. */
	public static ImagePlus movie() {
		final Random noise = new Random(SEED);
		final ImageStack stack = new ImageStack(SIZE, SIZE);
		for (int t = 0; t < FRAMES; t++)
			for (int c = 0; c < CONDITIONS.length; c++) { // ImageJ's order: slices vary fastest, then frames
				final double time = t * FRAME_INTERVAL, bleach = Math.exp(-time / TAU_BLEACH);
				final ShortProcessor sp = new ShortProcessor(SIZE, SIZE);
				for (int y = 0; y < SIZE; y++)
					for (int x = 0; x < SIZE; x++) {
						double f = BACKGROUND;
						for (int k = 0; k < CELLS; k++) {
							final int dx = x - CENTRES[k][0], dy = y - CENTRES[k][1];
							if (dx * dx + dy * dy <= RADIUS * RADIUS) f += F0[k] * (1 + calcium(k, c, time));
						}
						sp.set(x, y, (int) Math.max(0, Math.round(f * bleach + NOISE * noise.nextGaussian())));
					}
				stack.addSlice(CONDITIONS[c], sp);
			}
		final ImagePlus imp = new ImagePlus("calcium_movie.tif", stack);
		imp.setDimensions(1, CONDITIONS.length, FRAMES);
		imp.setOpenAsHyperStack(true);
		final Calibration cal = imp.getCalibration();
		cal.frameInterval = FRAME_INTERVAL;
		cal.setTimeUnit("s");
		return imp;
	}

	/** One oval ROI (8 px across) inside each cell, named cell1, cell2, cell3. */
	public static Roi[] rois() {
		final Roi[] rois = new Roi[CELLS];
		for (int k = 0; k < CELLS; k++) {
			rois[k] = new OvalRoi(CENTRES[k][0] - 4, CENTRES[k][1] - 4, 8, 8);
			rois[k].setName("cell" + (k + 1));
		}
		return rois;
	}

	/** Writes ROIs as a RoiSet zip, as the ROI Manager saves them. */
	public static void writeRois(final Roi[] rois, final Path file) throws IOException {
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file));
			DataOutputStream out = new DataOutputStream(new BufferedOutputStream(zip)))
		{
			final RoiEncoder encoder = new RoiEncoder(out);
			for (final Roi r : rois) {
				final ZipEntry e = new ZipEntry(r.getName() + ".roi");
				e.setTime(946684800000L); // a fixed time, so that the file is the same each time it is made
				zip.putNextEntry(e);
				encoder.write(r);
				out.flush();
			}
		}
	}
}
