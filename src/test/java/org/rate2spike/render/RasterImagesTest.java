package org.rate2spike.render;

import static org.junit.jupiter.api.Assertions.assertEquals;


import ij.ImagePlus;

import org.junit.jupiter.api.Test;
import org.rate2spike.protocol.SpikeRaster;

class RasterImagesTest {

	/** Three neurons, trials of 4 and 3 steps: spikes land in the right slice, row and column. */
	private static final SpikeRaster RASTER = new SpikeRaster(3, new int[] { 4, 3 }, 0.002, new int[] { 0, 2, 1, 2 },
		new int[] { 0, 3, 4, 6 });

	@Test
	void spikesBecomePixelsOfTheirTrialsSlice() {
		final ImagePlus imp = RasterImages.spikes(RASTER, "r");
		assertEquals(4, imp.getWidth(), "the longest trial");
		assertEquals(3, imp.getHeight());
		assertEquals(2, imp.getStackSize());
		assertEquals(RasterImages.SPIKE, imp.getStack().getProcessor(1).get(0, 0));
		assertEquals(RasterImages.SPIKE, imp.getStack().getProcessor(1).get(3, 2));
		assertEquals(RasterImages.SPIKE, imp.getStack().getProcessor(2).get(0, 1), "step 4 is step 0 of trial 2");
		assertEquals(RasterImages.SPIKE, imp.getStack().getProcessor(2).get(2, 2));
		assertEquals(0, imp.getStack().getProcessor(2).get(3, 2), "padding of the shorter trial");
		int total = 0;
		for (int s = 1; s <= 2; s++)
			for (final byte b : (byte[]) imp.getStack().getPixels(s)) if (b != 0) total++;
		assertEquals(4, total);
		assertEquals(2.0, imp.getCalibration().pixelWidth, 1e-12, "2 ms per step");
		assertEquals("ms", imp.getCalibration().getXUnit());
		assertEquals("neuron", imp.getCalibration().getYUnit());
	}
}
