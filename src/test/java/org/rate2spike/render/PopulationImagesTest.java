package org.rate2spike.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.ImagePlus;
import ij.process.ColorProcessor;

import org.junit.jupiter.api.Test;
import org.rate2spike.protocol.SpikeRaster;
import org.rate2spike.spiking.Populations;

class PopulationImagesTest {

	@Test
	void spikesAreColouredByTheirNeuronsPopulation() {
		// 3 neurons (E = 0, 1; I = 2), two trials of 4 steps: neuron 0 at step 1, neuron 2 at step 2, neuron 1 at step 5
		final SpikeRaster r = new SpikeRaster(3, new int[] { 4, 4 }, 0.001, new int[] { 0, 2, 1 }, new int[] { 1, 2, 5 });
		final ImagePlus imp = PopulationImages.raster(r, new Populations(3, 2), "raster");
		assertEquals(2, imp.getStackSize());
		final ColorProcessor t1 = (ColorProcessor) imp.getStack().getProcessor(1), t2 = (ColorProcessor) imp.getStack().getProcessor(2);
		final int e = PopulationCharts.EXCITATORY.getRGB() & 0xffffff, i = PopulationCharts.INHIBITORY.getRGB() & 0xffffff;
		assertEquals(e, t1.getPixel(1, 0) & 0xffffff);
		assertEquals(i, t1.getPixel(2, 2) & 0xffffff);
		assertEquals(0xffffff, t1.getPixel(0, 0) & 0xffffff);
		assertEquals(e, t2.getPixel(1, 1) & 0xffffff, "trial 2 starts at step 4");
		assertEquals(1.0, imp.getCalibration().pixelWidth, 1e-12, "1 ms per column");
	}

	@Test
	void theRasterChartSharesItsRowsByPopulationSize() {
		assertEquals(160, PopulationCharts.rows(new Populations(500, 400), 200)[0]);
		assertEquals(40, PopulationCharts.rows(new Populations(500, 400), 200)[1]);
		assertEquals(200, PopulationCharts.rows(Populations.single(500), 200)[0]);
		assertEquals(1, PopulationCharts.rows(new Populations(1000, 999), 200)[1], "at least one row of each");
	}
}
