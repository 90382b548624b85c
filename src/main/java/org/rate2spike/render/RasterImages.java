package org.rate2spike.render;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;

import org.rate2spike.protocol.RateActivity;
import org.rate2spike.protocol.SpikeRaster;

/**
 * ImageJ images of network activity: rows are neurons (or units), columns are time steps, calibrated in ms along x
 * so that ImageJ's measurements and scale bars read in real time.
 */
public final class RasterImages {

	/** Value of a spike pixel in a raster; everything else is 0. */
	public static final int SPIKE = 255;

	private RasterImages() {}

	/**
	 * A spike raster, neurons × time, one slice per trial (labelled "trial k"); spikes are 255 on 0, shown black on
	 * white through an inverted LUT. Shorter trials are padded with empty columns to the longest.
	 */
	public static ImagePlus spikes(final SpikeRaster r, final String title) {
		final int width = Math.max(1, r.maxSteps()), height = r.neurons();
		final ImageStack stack = new ImageStack(width, height);
		final byte[][] pixels = new byte[r.trials()][width * height];
		final long[] starts = new long[r.trials() + 1];
		for (int tr = 0; tr < r.trials(); tr++) starts[tr + 1] = starts[tr] + r.stepsPerTrial()[tr];
		int trial = 0;
		for (int q = 0; q < r.spikeNeuron().length; q++) { // spikes are in time order: walk the trials along
			while (trial < r.trials() && r.spikeStep()[q] >= starts[trial + 1]) trial++;
			if (trial == r.trials()) break;
			final int x = (int) (r.spikeStep()[q] - starts[trial]);
			pixels[trial][r.spikeNeuron()[q] * width + x] = (byte) SPIKE;
		}
		for (int tr = 0; tr < r.trials(); tr++) {
			final ByteProcessor bp = new ByteProcessor(width, height, pixels[tr]);
			bp.invertLut();
			stack.addSlice("trial " + (tr + 1), bp);
		}
		final ImagePlus imp = new ImagePlus(title, stack);
		imp.setCalibration(timeCalibration(r.dt(), "neuron"));
		imp.setDisplayRange(0, SPIKE);
		return imp;
	}

	/** The driven rate network's rates tanh(x), units × time, shown from −1 to 1. */
	public static ImagePlus activity(final RateActivity a, final String title) {
		final int width = a.steps(), height = a.rates().length;
		final float[] pixels = new float[width * height];
		for (int i = 0; i < height; i++)
			for (int t = 0; t < width; t++) pixels[i * width + t] = (float) a.rates()[i][t];
		final ImagePlus imp = new ImagePlus(title, new FloatProcessor(width, height, pixels));
		imp.setCalibration(timeCalibration(a.dt(), "unit"));
		imp.setDisplayRange(-1, 1);
		return imp;
	}

	/** x in ms per step, y one row per neuron/unit. */
	private static Calibration timeCalibration(final double dt, final String rowUnit) {
		final Calibration cal = new Calibration();
		cal.pixelWidth = dt * 1000;
		cal.pixelHeight = 1;
		cal.setXUnit("ms");
		cal.setYUnit(rowUnit);
		return cal;
	}
}
