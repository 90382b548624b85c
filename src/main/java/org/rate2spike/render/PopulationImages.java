package org.rate2spike.render;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ColorProcessor;

import org.rate2spike.protocol.SpikeRaster;
import org.rate2spike.spiking.Populations;

/**
 * The spike raster as an RGB ImageJ stack coloured by population: neurons × time, one slice per trial, white
 * background, spikes of excitatory neurons red and of inhibitory ones blue (as in {@link PopulationCharts}).
 */
public final class PopulationImages {

	private PopulationImages() {}

	public static ImagePlus raster(final SpikeRaster r, final Populations pops, final String title) {
		if (pops.neurons() != r.neurons()) throw new IllegalArgumentException("populations of " + pops.neurons() +
			" neurons do not describe a raster of " + r.neurons());
		final int width = Math.max(1, r.maxSteps()), height = r.neurons();
		final int[][] pixels = new int[r.trials()][width * height];
		for (final int[] p : pixels) java.util.Arrays.fill(p, 0xffffff);
		final int[] colour = new int[pops.count()];
		for (int k = 0; k < colour.length; k++) colour[k] = PopulationCharts.color(k).getRGB() & 0xffffff;
		final long[] starts = new long[r.trials() + 1];
		for (int tr = 0; tr < r.trials(); tr++) starts[tr + 1] = starts[tr] + r.stepsPerTrial()[tr];
		int trial = 0;
		for (int q = 0; q < r.spikeNeuron().length; q++) { // spikes are in time order: walk the trials along
			while (trial < r.trials() && r.spikeStep()[q] >= starts[trial + 1]) trial++;
			if (trial == r.trials()) break;
			final int x = (int) (r.spikeStep()[q] - starts[trial]);
			final int i = r.spikeNeuron()[q];
			pixels[trial][i * width + x] = colour[pops.of(i)];
		}
		final ImageStack stack = new ImageStack(width, height);
		for (int tr = 0; tr < r.trials(); tr++) stack.addSlice("trial " + (tr + 1), new ColorProcessor(width, height, pixels[tr]));
		final ImagePlus imp = new ImagePlus(title, stack);
		final Calibration cal = new Calibration();
		cal.pixelWidth = r.dt() * 1000;
		cal.pixelHeight = 1;
		cal.setXUnit("ms");
		cal.setYUnit("neuron");
		imp.setCalibration(cal);
		return imp;
	}
}
