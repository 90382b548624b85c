package org.rate2spike.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.gui.Plot;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * The project's charts as ImageJ {@link Plot}s: the same series (names, colours, lines or points, log axes) drawn by
 * ImageJ, so that the image keeps its numbers ({@code Plot.getValues} in a macro, <em>List</em> in the plot window)
 * and can be restyled in ImageJ. The PNG and SVG files are still drawn by JFreeChart ({@link ChartImages#save}).
 */
public final class PlotImages {

	private PlotImages() {}

	/** The chart as a plot, or null when it is not an XY chart this can translate. */
	public static Plot plot(final JFreeChart chart, final String title) {
		if (!(chart.getPlot() instanceof XYPlot xy)) return null;
		final ValueAxis xAxis = xy.getDomainAxis(), yAxis = xy.getRangeAxis();
		final Plot plot = new Plot(title, xAxis.getLabel(), yAxis.getLabel());
		plot.setSize(Charts.WIDTH, Charts.HEIGHT);
		final List<String> legend = new ArrayList<>();
		double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY, yMin = Double.POSITIVE_INFINITY,
			yMax = Double.NEGATIVE_INFINITY;
		for (int d = 0; d < xy.getDatasetCount(); d++) {
			final XYDataset data = xy.getDataset(d);
			if (data == null) continue;
			final XYItemRenderer r = xy.getRendererForDataset(data);
			for (int s = 0; s < data.getSeriesCount(); s++) {
				final int n = data.getItemCount(s);
				final double[] x = new double[n], y = new double[n];
				for (int i = 0; i < n; i++) {
					x[i] = data.getXValue(s, i);
					y[i] = data.getYValue(s, i);
					if (Double.isFinite(x[i])) { xMin = Math.min(xMin, x[i]); xMax = Math.max(xMax, x[i]); }
					if (Double.isFinite(y[i])) { yMin = Math.min(yMin, y[i]); yMax = Math.max(yMax, y[i]); }
				}
				if (r instanceof XYBarRenderer && data instanceof IntervalXYDataset bins) { // a histogram: bars from 0
					yMin = Math.min(yMin, 0);
					for (int i = 0; i < n; i++) {
						xMin = Math.min(xMin, bins.getStartXValue(s, i));
						xMax = Math.max(xMax, bins.getEndXValue(s, i));
					}
				}
				plot.setColor(color(r == null ? null : r.getSeriesPaint(s)));
				plot.setLineWidth(width(r == null ? null : r.getSeriesStroke(s)));
				plot.add(shape(r, s), x, y);
				legend.add(data.getSeriesKey(s).toString());
			}
		}
		final boolean logX = xAxis instanceof LogAxis, logY = yAxis instanceof LogAxis;
		if (logX) plot.setLogScaleX();
		if (logY) plot.setLogScaleY();
		if (Double.isFinite(xMin) && Double.isFinite(yMin)) {
			if (!yAxis.isAutoRange()) { yMin = yAxis.getLowerBound(); yMax = yAxis.getUpperBound(); }
			final double padY = logY ? 0 : (yMax - yMin) * 0.05;
			plot.setLimits(xMin, xMax > xMin ? xMax : xMin + 1, yMin - padY, yMax > yMin ? yMax + padY : yMin + 1);
			for (final org.jfree.chart.ui.Layer layer : new org.jfree.chart.ui.Layer[] { org.jfree.chart.ui.Layer.FOREGROUND,
				org.jfree.chart.ui.Layer.BACKGROUND }) {
				final java.util.Collection<?> markers = xy.getRangeMarkers(layer);
				if (markers != null) for (final Object m : markers) addMarker(plot, m, xMin, xMax);
			}
		}
		plot.setColor(Color.BLACK);
		plot.setLineWidth(1);
		if (chart.getLegend() != null && legend.size() > 1) plot.addLegend(String.join("\n", legend));
		if (chart.getTitle() != null) plot.addLabel(0.01, 0, chart.getTitle().getText());
		return plot;
	}

	/** The chart as a plot image, or (a chart this cannot translate) as an RGB picture. */
	public static ImagePlus image(final JFreeChart chart, final String title) {
		final Plot plot = plot(chart, title);
		if (plot == null) return ChartImages.picture(chart, title);
		final ImagePlus imp = plot.getImagePlus();
		imp.setTitle(title);
		imp.setPlot(plot);
		// as Plot.show() does for batch-mode macros: Plot.getValues reads the first series from these wherever the
		// image is shown (a plot window with a screen, a batch-mode image without)
		imp.setProperty("XValues", plot.getXValues());
		imp.setProperty("YValues", plot.getYValues());
		return imp;
	}

	/** A horizontal marker (e.g. the rate baseline) as a dotted line across the data, its label at the top. */
	private static void addMarker(final Plot plot, final Object m, final double xMin, final double xMax) {
		if (!(m instanceof ValueMarker v)) return;
		plot.setColor(color(((Marker) v).getPaint()));
		plot.setLineWidth(1);
		plot.drawDottedLine(xMin, v.getValue(), xMax, v.getValue(), 3);
		if (v.getLabel() != null) plot.addLabel(0.55, 0.08, v.getLabel());
	}

	private static String shape(final XYItemRenderer r, final int s) {
		if (r instanceof XYBarRenderer) return "bar";
		if (r instanceof XYLineAndShapeRenderer l) {
			final boolean lines = l.getSeriesLinesVisible(s) == null ? l.getDefaultLinesVisible() : l.getSeriesLinesVisible(s);
			final boolean shapes = l.getSeriesShapesVisible(s) == null ? l.getDefaultShapesVisible() : l.getSeriesShapesVisible(s);
			if (lines && shapes) return "connected circle";
			if (shapes) return "circle";
			return "line";
		}
		return "line";
	}

	private static Color color(final Paint p) {
		return p instanceof Color c ? new Color(c.getRed(), c.getGreen(), c.getBlue()) : Color.BLACK;
	}

	private static float width(final Stroke s) {
		return s instanceof BasicStroke b ? Math.max(1f, b.getLineWidth()) : 1f;
	}
}
