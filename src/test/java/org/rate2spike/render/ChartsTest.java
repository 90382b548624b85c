package org.rate2spike.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.rate2spike.protocol.TestResult;

class ChartsTest {

	/** A test that completed no trial (cancelled or diverged at once) still draws its raster, empty. */
	@Test
	void rasterOfATestWithoutTrialsIsEmptyNotAnError() {
		final TestResult none = new TestResult(new double[0], 0, new int[30], new double[0][][], new double[0][][], new int[0],
			new int[0], new int[0], 0.001, 0, true);
		final JFreeChart chart = Charts.raster(none, 3, 100);
		final XYPlot plot = chart.getXYPlot();
		assertEquals(0, plot.getDataset().getItemCount(0));
		assertEquals(0.001, plot.getDomainAxis().getUpperBound(), 1e-12);
		assertEquals(Charts.WIDTH, ChartImages.image(chart, "raster").getWidth()); // and renders
	}
}
