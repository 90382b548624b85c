package org.rate2spike.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYDotRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.rate2spike.protocol.TestResult;
import org.rate2spike.protocol.TrainingLog;

/** The project's charts, all drawn with JFreeChart; sizes are explicit so that they render headless. */
public final class Charts {

	public static final int WIDTH = 900, HEIGHT = 420;
	private static final Color TARGET = new Color(0x1f77b4), OUTPUT = new Color(0xd62728);

	private Charts() {}

	/** Network output and target over the first {@code trials} test trials, back to back (time in s). */
	public static JFreeChart outputVsTarget(final TestResult r, final int trials, final int channel) {
		final XYSeries target = new XYSeries("target f_out"), output = new XYSeries("network output z");
		final int shown = Math.min(trials, r.trials());
		long step = 0;
		for (int tr = 0; tr < shown; tr++) {
			final double[] z = r.outputs()[tr][channel], f = r.targets()[tr][channel];
			for (int t = 0; t < z.length; t++, step++) {
				target.add(step * r.dt(), f[t], false);
				output.add(step * r.dt(), z[t], false);
			}
		}
		final XYSeriesCollection data = new XYSeriesCollection();
		data.addSeries(target);
		data.addSeries(output);
		final NumberAxis x = new NumberAxis("time (s)"), y = new NumberAxis("output, channel " + (channel + 1));
		final XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
		lines.setSeriesPaint(0, TARGET);
		lines.setSeriesStroke(0, new BasicStroke(3f));
		lines.setSeriesPaint(1, OUTPUT);
		lines.setSeriesStroke(1, new BasicStroke(1.5f));
		final XYPlot plot = new XYPlot(data, x, y, lines);
		return styled(new JFreeChart(String.format("Test trials 1-%d: output vs target (median test nMSE %.4f)", shown,
			r.medianNmse()), titleFont(), plot, true));
	}

	/**
	 * Every output channel of one test trial against its target (same colour per channel: target thick and pale,
	 * output thin), for the per-condition pictures of multi-condition tasks.
	 */
	public static JFreeChart conditionTrial(final TestResult r, final int trial, final String title) {
		final XYSeriesCollection data = new XYSeriesCollection();
		final XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
		final double[][] z = r.outputs()[trial], f = r.targets()[trial];
		for (int ch = 0; ch < z.length; ch++) {
			final XYSeries target = new XYSeries("target " + (ch + 1)), output = new XYSeries("output " + (ch + 1));
			for (int t = 0; t < z[ch].length; t++) {
				target.add(t * r.dt(), f[ch][t], false);
				output.add(t * r.dt(), z[ch][t], false);
			}
			data.addSeries(target);
			data.addSeries(output);
			final Color c = PALETTE[ch % PALETTE.length];
			lines.setSeriesPaint(2 * ch, new Color(c.getRed(), c.getGreen(), c.getBlue(), 110));
			lines.setSeriesStroke(2 * ch, new BasicStroke(4f));
			lines.setSeriesPaint(2 * ch + 1, c);
			lines.setSeriesStroke(2 * ch + 1, new BasicStroke(1.5f));
		}
		final XYPlot plot = new XYPlot(data, new NumberAxis("time in trial (s)"), new NumberAxis("output"), lines);
		return styled(new JFreeChart(String.format("%s: output vs target (test nMSE %.4f)", title, r.nmse()[trial]),
			titleFont(), plot, true));
	}

	private static final Color[] PALETTE = { new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
		new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf) };

	/** Spike raster of up to {@code maxNeurons} neurons over the first {@code trials} test trials. */
	public static JFreeChart raster(final TestResult r, final int trials, final int maxNeurons) {
		final int shown = Math.min(trials, r.trials());
		long steps = 0;
		for (int tr = 0; tr < shown; tr++) steps += r.stepsPerTrial()[tr];
		int count = 0;
		for (int q = 0; q < r.spikeNeuron().length && r.spikeStep()[q] < steps; q++)
			if (r.spikeNeuron()[q] < maxNeurons) count++;
		final double[][] xy = new double[2][count];
		int k = 0;
		for (int q = 0; q < r.spikeNeuron().length && r.spikeStep()[q] < steps; q++) {
			if (r.spikeNeuron()[q] >= maxNeurons) continue;
			xy[0][k] = r.spikeStep()[q] * r.dt();
			xy[1][k++] = r.spikeNeuron()[q];
		}
		final DefaultXYDataset data = new DefaultXYDataset();
		data.addSeries("spikes", xy);
		final XYDotRenderer dots = new XYDotRenderer();
		dots.setDotWidth(2);
		dots.setDotHeight(2);
		dots.setSeriesPaint(0, Color.BLACK);
		final NumberAxis y = new NumberAxis("neuron");
		y.setRange(-0.5, Math.min(maxNeurons, r.spikeCounts().length) - 0.5);
		final NumberAxis x = new NumberAxis("time (s)");
		x.setRange(0, steps * r.dt());
		final XYPlot plot = new XYPlot(data, x, y, dots);
		final JFreeChart chart = new JFreeChart(String.format("Spike raster, test trials 1-%d (mean rate %.1f Hz)", shown,
			r.meanRateHz()), titleFont(), plot, false);
		return styled(chart);
	}

	/** nMSE of each RLS training trial, log scale. */
	public static JFreeChart trainingError(final TrainingLog log) {
		final XYSeries out = new XYSeries("output nMSE"), fac = new XYSeries("factor nMSE");
		for (int i = 0; i < log.rlsNmse().length; i++) {
			if (log.rlsNmse()[i] > 0) out.add(i + 1, log.rlsNmse()[i]);
			if (log.rlsFactorNmse()[i] > 0) fac.add(i + 1, log.rlsFactorNmse()[i]);
		}
		final XYSeriesCollection data = new XYSeriesCollection();
		data.addSeries(out);
		data.addSeries(fac);
		final LogAxis y = new LogAxis("nMSE");
		y.setSmallestValue(1e-6);
		final XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
		lines.setSeriesPaint(0, OUTPUT);
		lines.setSeriesPaint(1, Color.GRAY);
		final XYPlot plot = new XYPlot(data, new NumberAxis("RLS training trial"), y, lines);
		return styled(new JFreeChart("nMSE per training trial", titleFont(), plot, true));
	}

	/** Histogram of per-neuron firing rates. */
	public static JFreeChart rateHistogram(final TestResult r) {
		final HistogramDataset data = new HistogramDataset();
		final double[] rates = r.rates();
		double max = 1;
		for (final double v : rates) max = Math.max(max, v);
		data.addSeries("neurons", rates, 40, 0, Math.ceil(max));
		final JFreeChart chart = org.jfree.chart.ChartFactory.createHistogram(String.format(
			"Firing rates (mean %.1f Hz)", r.meanRateHz()), "rate (Hz)", "neurons", data, PlotOrientation.VERTICAL, false,
			false, false);
		return styled(chart);
	}

	private static Font titleFont() {
		return new Font(Font.SANS_SERIF, Font.BOLD, 15);
	}

	private static JFreeChart styled(final JFreeChart chart) {
		chart.setBackgroundPaint(Color.WHITE);
		final XYPlot plot = chart.getXYPlot();
		plot.setBackgroundPaint(Color.WHITE);
		plot.setDomainGridlinePaint(new Color(0xdddddd));
		plot.setRangeGridlinePaint(new Color(0xdddddd));
		plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
		return chart;
	}

	/** Writes a PNG atomically. */
	public static void savePng(final JFreeChart chart, final Path file) throws IOException {
		savePng(chart, file, WIDTH, HEIGHT);
	}

	public static void savePng(final JFreeChart chart, final Path file, final int width, final int height) throws IOException {
		final Path dir = file.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		final Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".part");
		try {
			ChartUtils.saveChartAsPNG(tmp.toFile(), chart, width, height);
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	/** Writes an SVG (JFreeSVG). */
	public static void saveSvg(final JFreeChart chart, final Path file) throws IOException {
		final org.jfree.graphics2d.svg.SVGGraphics2D g = new org.jfree.graphics2d.svg.SVGGraphics2D(WIDTH, HEIGHT);
		chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
		org.jfree.graphics2d.svg.SVGUtils.writeToSVG(new File(file.toString()), g.getSVGElement());
	}
}
