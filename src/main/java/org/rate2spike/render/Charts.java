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
import org.rate2spike.protocol.RateActivity;
import org.rate2spike.protocol.TestResult;
import org.rate2spike.protocol.TrainingLog;
import org.rate2spike.rate.PcaBasis;

/** The project's charts, all drawn with JFreeChart; sizes are explicit so that they render headless. */
public final class Charts {

	public static final int WIDTH = 900, HEIGHT = 420;
	private static final Color TARGET = new Color(0x1f77b4), OUTPUT = new Color(0xd62728);

	private Charts() {}

	/** Network output and target over the first {@code trials} test trials, back to back (time in s). */
	public static JFreeChart outputVsTarget(final TestResult r, final int trials, final int channel) {
		return tracesVsTargets(String.format("Test trials 1-%d: output vs target (median test nMSE %.4f)",
			Math.min(trials, r.trials()), r.medianNmse()), r.outputs(), r.targets(), r.dt(), trials, channel);
	}

	/** Any read-out signal against its target over the first {@code trials} trials, back to back (time in s). */
	public static JFreeChart tracesVsTargets(final String title, final double[][][] outputs, final double[][][] targets,
		final double dt, final int trials, final int channel)
	{
		final XYSeries target = new XYSeries("target"), output = new XYSeries("network output");
		final int shown = Math.min(trials, outputs.length);
		long step = 0;
		for (int tr = 0; tr < shown; tr++) {
			final double[] z = outputs[tr][channel], f = targets[tr][channel];
			for (int t = 0; t < z.length; t++, step++) {
				target.add(step * dt, f[t], false);
				output.add(step * dt, z[t], false);
			}
		}
		final XYSeriesCollection data = new XYSeriesCollection();
		data.addSeries(target);
		data.addSeries(output);
		final NumberAxis x = new NumberAxis("time (s)"), y = new NumberAxis("channel " + (channel + 1));
		final XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
		lines.setSeriesPaint(0, TARGET);
		lines.setSeriesStroke(0, new BasicStroke(3f));
		lines.setSeriesPaint(1, OUTPUT);
		lines.setSeriesStroke(1, new BasicStroke(1.5f));
		final XYPlot plot = new XYPlot(data, x, y, lines);
		return styled(new JFreeChart(title, titleFont(), plot, true));
	}

	/** Cross-validated error against the ridge penalty, log-log, with the chosen penalty marked. */
	public static JFreeChart crossValidation(final double[] penalties, final double[] cvNmse, final double chosen) {
		final XYSeries curve = new XYSeries("cross-validated nMSE"), pick = new XYSeries("chosen");
		for (int i = 0; i < penalties.length; i++) {
			if (cvNmse[i] > 0) curve.add(penalties[i], cvNmse[i]);
			if (penalties[i] == chosen && cvNmse[i] > 0) pick.add(penalties[i], cvNmse[i]);
		}
		final XYSeriesCollection data = new XYSeriesCollection();
		data.addSeries(curve);
		data.addSeries(pick);
		final XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
		r.setSeriesPaint(0, TARGET);
		r.setSeriesPaint(1, OUTPUT);
		r.setSeriesLinesVisible(1, false);
		final LogAxis x = new LogAxis("ridge penalty"), y = new LogAxis("nMSE");
		x.setSmallestValue(1e-300);
		y.setSmallestValue(1e-300);
		r.setSeriesShape(1, new java.awt.geom.Ellipse2D.Double(-6, -6, 12, 12));
		final XYPlot plot = new XYPlot(data, x, y, r);
		plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD); // the chosen point on top
		return styled(new JFreeChart(String.format("Cross-validation (chosen penalty %.3g)", chosen), titleFont(), plot, true));
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
		y.setRange(-0.5, Math.max(1, Math.min(maxNeurons, r.spikeCounts().length)) - 0.5);
		final NumberAxis x = new NumberAxis("time (s)");
		x.setRange(0, Math.max(steps, 1) * r.dt()); // no completed trial (a diverged test): an empty axis, not an error
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

	/** The leading factors f_PC of one trial (at most {@code maxShown}), each labelled with its share of the variance. */
	public static JFreeChart factors(final RateActivity a, final PcaBasis basis, final int maxShown) {
		final XYSeriesCollection data = new XYSeriesCollection();
		final int shown = Math.min(maxShown, a.factors().length);
		for (int k = 0; k < shown; k++) {
			final double share = basis.explained(k + 1) - basis.explained(k);
			final XYSeries s = new XYSeries(String.format("PC %d (%.1f %%)", k + 1, 100 * share));
			final double[] f = a.factors()[k];
			for (int t = 0; t < f.length; t++) s.add(t * a.dt(), f[t], false);
			data.addSeries(s);
		}
		final XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
		final XYPlot plot = new XYPlot(data, new NumberAxis("time (s)"), new NumberAxis("factor f_PC"), lines);
		return styled(new JFreeChart(String.format("Leading factors of the rate network (%d PCs, %.2f %% of the variance)",
			basis.count(), 100 * basis.explained(basis.count())), titleFont(), plot, true));
	}

	/**
	 * The test's factor errors ({@link org.rate2spike.protocol.FactorErrors}), log scale: left, the median test nMSE of
	 * each factor (PC 1 the largest); right, the factor nMSE in each tenth of the trial, pooled over factors and trials.
	 */
	public static JFreeChart factorErrors(final org.rate2spike.protocol.FactorErrors f) {
		final XYSeries perFactor = new XYSeries("median test nMSE of each factor"), overTrial = new XYSeries("factor nMSE by tenth of the trial");
		final double[] m = f.medianPerFactor();
		double lo = Double.POSITIVE_INFINITY, hi = 0;
		for (int k = 0; k < m.length; k++) if (m[k] > 0 && Double.isFinite(m[k])) {
			perFactor.add(k + 1, m[k]);
			lo = Math.min(lo, m[k]);
			hi = Math.max(hi, m[k]);
		}
		final double[] seg = f.bySegment();
		for (int j = 0; j < seg.length; j++) if (seg[j] > 0 && Double.isFinite(seg[j])) {
			overTrial.add((j + 0.5) / seg.length, seg[j]);
			lo = Math.min(lo, seg[j]);
			hi = Math.max(hi, seg[j]);
		}
		final LogAxis y = new LogAxis("test nMSE of the factors");
		y.setSmallestValue(1e-300);
		y.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // whole decades
		if (hi > 0) y.setRange(Math.min(lo / 3, hi / 100), hi * 3);
		final org.jfree.chart.plot.CombinedRangeXYPlot plot = new org.jfree.chart.plot.CombinedRangeXYPlot(y);
		final XYLineAndShapeRenderer left = new XYLineAndShapeRenderer(true, true), right = new XYLineAndShapeRenderer(true, true);
		left.setSeriesPaint(0, OUTPUT);
		right.setSeriesPaint(0, TARGET);
		final NumberAxis factor = new NumberAxis("factor (PC)");
		factor.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		final NumberAxis time = new NumberAxis("time in the trial (fraction)");
		time.setRange(0, 1);
		for (final XYPlot sub : new XYPlot[] { new XYPlot(new XYSeriesCollection(perFactor), factor, null, left),
			new XYPlot(new XYSeriesCollection(overTrial), time, null, right) })
		{
			sub.setBackgroundPaint(Color.WHITE);
			sub.setDomainGridlinePaint(new Color(0xdddddd));
			sub.setRangeGridlinePaint(new Color(0xdddddd));
			plot.add(sub, 1);
		}
		plot.setGap(16);
		return styled(new JFreeChart(String.format("Factor error in the test (median %.3g; readout given perfect factors %.3g)",
			f.medianNmse(), f.readoutGivenFactorsNmse()), titleFont(), plot, true));
	}

	/**
	 * The trial-aligned PSTH of one condition: population rate per bin (a step line, the bin width in the axis label)
	 * from {@link org.rate2spike.protocol.SpikeTrainAnalysis}.
	 */
	public static JFreeChart psth(final org.rate2spike.protocol.SpikeTrainAnalysis.Condition c, final double binSeconds) {
		final XYSeries rate = new XYSeries("population rate");
		final double[] h = c.psthHz();
		for (int b = 0; b < h.length; b++) {
			rate.add(b * binSeconds, h[b], false);
			rate.add(Math.min((b + 1) * binSeconds, c.windowSeconds()), h[b], false);
		}
		final XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
		lines.setSeriesPaint(0, Color.BLACK);
		lines.setSeriesStroke(0, new BasicStroke(1.5f));
		final XYPlot plot = new XYPlot(new XYSeriesCollection(rate), new NumberAxis(String.format(
			"time in trial (s), bins of %.3g s", binSeconds)), new NumberAxis("rate (Hz)"), lines);
		return styled(new JFreeChart(String.format("PSTH, condition %s (%d test trials, Fano factor %.3g)", c.label(),
			c.trials(), c.fanoFactor()), titleFont(), plot, false));
	}

	/** Histogram of per-neuron firing rates. */
	public static JFreeChart rateHistogram(final TestResult r) {
		final HistogramDataset data = new HistogramDataset();
		double[] rates = java.util.Arrays.stream(r.rates()).filter(Double::isFinite).toArray(); // none when no trial ran
		if (rates.length == 0) rates = new double[] { 0 };
		double max = 1;
		for (final double v : rates) max = Math.max(max, v);
		data.addSeries("neurons", rates, 40, 0, Math.ceil(max));
		final JFreeChart chart = org.jfree.chart.ChartFactory.createHistogram(String.format(
			"Firing rates (mean %.1f Hz)", r.meanRateHz()), "rate (Hz)", "neurons", data, PlotOrientation.VERTICAL, false,
			false, false);
		return styled(chart);
	}

	/** Median test nMSE against N (log-log), every seed's point, and each curve's rate baseline as a dashed line. */
	public static JFreeChart sweep(final org.rate2spike.sweep.SweepResult r) {
		final XYSeriesCollection data = new XYSeriesCollection();
		final XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
		final XYPlot plot = new XYPlot(data, new LogAxis("spiking neurons N"), new LogAxis("median test nMSE"), lines);
		final Color[] palette = { OUTPUT, TARGET, new Color(0x2ca02c), new Color(0x9467bd), new Color(0x8c564b) };
		int series = 0;
		for (int c = 0; c < r.curves().size(); c++) {
			final org.rate2spike.sweep.SweepResult.Curve curve = r.curves().get(c);
			final Color color = palette[c % palette.length];
			final XYSeries med = new XYSeries(curve.name().isEmpty() ? "median over seeds" : curve.name());
			for (int i = 0; i < curve.neurons().length; i++)
				if (curve.medianNmse()[i] > 0) med.add(curve.neurons()[i], curve.medianNmse()[i]);
			data.addSeries(med);
			lines.setSeriesPaint(series, color);
			lines.setSeriesStroke(series++, new BasicStroke(2f));
			final XYSeries seeds = new XYSeries((curve.name().isEmpty() ? "" : curve.name() + ", ") + "each seed");
			for (final org.rate2spike.sweep.SweepTable.Row row : r.rows()) {
				if (!row.kind().equals("spiking") || !(row.medianNmse() > 0)) continue;
				final org.rate2spike.sweep.SweepSpec.Point p = new org.rate2spike.sweep.SweepSpec.Point(0, row.values(), row.seed());
				if (!p.curve().equals(curve.name()) || !row.values().containsKey("neurons")) continue;
				seeds.add(Double.parseDouble(row.values().get("neurons")), row.medianNmse());
			}
			data.addSeries(seeds);
			lines.setSeriesPaint(series, color);
			lines.setSeriesLinesVisible(series++, false);
			if (curve.baselineNmse() > 0) {
				final org.jfree.chart.plot.ValueMarker m = new org.jfree.chart.plot.ValueMarker(curve.baselineNmse(), color,
					new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 6f, 4f }, 0f));
				m.setLabel(String.format("rate baseline (Ñ = %d) %.2g", curve.rateUnits(), curve.baselineNmse()));
				m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
				m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
				plot.addRangeMarker(m);
			}
		}
		double lo = Double.POSITIVE_INFINITY, hi = 0;
		for (final org.rate2spike.sweep.SweepResult.Curve curve : r.curves()) {
			for (final double v : curve.medianNmse()) if (v > 0) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
			if (curve.baselineNmse() > 0) { lo = Math.min(lo, curve.baselineNmse()); hi = Math.max(hi, curve.baselineNmse()); }
		}
		for (final org.rate2spike.sweep.SweepTable.Row row : r.rows())
			if (row.kind().equals("spiking") && row.medianNmse() > 0) { lo = Math.min(lo, row.medianNmse()); hi = Math.max(hi, row.medianNmse()); }
		if (hi > 0) plot.getRangeAxis().setRange(lo / 3, hi * 3); // markers do not widen the automatic range
		return styled(new JFreeChart("Spiking network size vs error", titleFont(), plot, true));
	}

	/**
	 * A settings search's scores against one searched parameter: one point per training, one colour per rung (longer
	 * protocols darker), the winner ringed; diverged and failed trainings are left out.
	 */
	public static JFreeChart tuneAxis(final org.rate2spike.tune.TuneResult r, final org.rate2spike.tune.Axis axis) {
		final XYSeriesCollection data = new XYSeriesCollection();
		final XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
		final Color[] palette = { new Color(0xaec7e8), new Color(0x6baed6), new Color(0x2171b5), new Color(0x08306b) };
		double lo = Double.POSITIVE_INFINITY, hi = 0;
		for (int rung = 0; rung < r.plan().rungs(); rung++) {
			final XYSeries s = new XYSeries(String.format(java.util.Locale.ROOT, "rung %d (%.3g of the RLS trials)", rung,
				r.plan().fractions()[rung]));
			for (final org.rate2spike.tune.Evaluation e : r.rows()) {
				if (e.rung() != rung || !(e.score() > 0) || Double.isInfinite(e.score())) continue;
				s.add(axisPosition(axis, e.values().get(axis.name())), e.score());
				lo = Math.min(lo, e.score());
				hi = Math.max(hi, e.score());
			}
			data.addSeries(s);
			dots.setSeriesPaint(rung, palette[Math.min(palette.length - 1, rung + Math.max(0, palette.length - r.plan().rungs()))]);
		}
		if (r.winner() != null && r.winner().score() > 0) {
			final XYSeries w = new XYSeries("winner");
			w.add(axisPosition(axis, r.winner().values().get(axis.name())), r.winner().score());
			data.addSeries(w);
			final int i = data.getSeriesCount() - 1;
			dots.setSeriesPaint(i, OUTPUT);
			dots.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-7, -7, 14, 14));
			dots.setSeriesShapesFilled(i, false);
			dots.setSeriesStroke(i, new BasicStroke(2f));
		}
		final String label = axis.name() + (axis.log() ? " (log scale)" : "");
		final org.jfree.chart.axis.ValueAxis x;
		if (axis.isChoice()) x = new org.jfree.chart.axis.SymbolAxis(axis.name(), axis.choices().toArray(String[]::new));
		else if (axis.log()) {
			final LogAxis l = new LogAxis(label);
			l.setSmallestValue(axis.low());
			x = l;
		}
		else {
			final NumberAxis n = new NumberAxis(label);
			n.setAutoRangeIncludesZero(false);
			x = n;
		}
		if (axis.isChoice()) x.setRange(-0.5, axis.choices().size() - 0.5);
		else x.setRange(axis.low() - (axis.log() ? 0 : 0.02 * (axis.high() - axis.low())), axis.high() * (axis.log() ? 1.05 : 1)
			+ (axis.log() ? 0 : 0.02 * (axis.high() - axis.low())));
		final LogAxis y = new LogAxis("median validation nMSE");
		final XYPlot plot = new XYPlot(data, x, y, dots);
		if (hi > 0) y.setRange(lo / 2, hi * 2);
		return styled(new JFreeChart("Validation error vs " + axis.name(), titleFont(), plot, true));
	}

	/** Where a value lies on an axis of the tune plot: the number, or the index of a choice. */
	private static double axisPosition(final org.rate2spike.tune.Axis axis, final String value) {
		return axis.isChoice() ? axis.choices().indexOf(value) : Double.parseDouble(value);
	}

	static Font titleFont() {
		return new Font(Font.SANS_SERIF, Font.BOLD, 15);
	}

	static JFreeChart styled(final JFreeChart chart) {
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
		org.rate2spike.format.AtomicFiles.write(file, os -> ChartUtils.writeChartAsPNG(os, chart, width, height));
	}

	/** Writes an SVG (JFreeSVG). */
	public static void saveSvg(final JFreeChart chart, final Path file) throws IOException {
		final org.jfree.graphics2d.svg.SVGGraphics2D g = new org.jfree.graphics2d.svg.SVGGraphics2D(WIDTH, HEIGHT);
		chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
		org.jfree.graphics2d.svg.SVGUtils.writeToSVG(new File(file.toString()), g.getSVGElement());
	}
}
