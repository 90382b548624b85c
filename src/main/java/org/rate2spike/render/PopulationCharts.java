package org.rate2spike.render;

import java.awt.BasicStroke;
import java.awt.Color;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYDotRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.rate2spike.protocol.PopulationAnalysis;
import org.rate2spike.protocol.SpikeTrainAnalysis;
import org.rate2spike.protocol.TestResult;
import org.rate2spike.spiking.Populations;

/** Charts of an E/I network population by population: excitatory neurons in red, inhibitory ones in blue. */
public final class PopulationCharts {

	public static final Color EXCITATORY = new Color(0xd62728), INHIBITORY = new Color(0x1f77b4);

	private PopulationCharts() {}

	public static Color color(final int population) {
		return population == 0 ? EXCITATORY : INHIBITORY;
	}

	/**
	 * The raster of the first {@code trials} test trials with at most {@code maxNeurons} rows, shared between the
	 * populations in proportion to their sizes (the first neurons of each), E rows below I rows, each in its colour.
	 */
	public static JFreeChart raster(final TestResult r, final Populations pops, final int trials, final int maxNeurons) {
		final int shown = Math.min(trials, r.trials());
		long steps = 0;
		for (int tr = 0; tr < shown; tr++) steps += r.stepsPerTrial()[tr];
		final int[] rows = rows(pops, maxNeurons);
		final int[] count = new int[pops.count()];
		for (int q = 0; q < r.spikeNeuron().length && r.spikeStep()[q] < steps; q++)
			if (rowOf(pops, rows, r.spikeNeuron()[q]) >= 0) count[pops.of(r.spikeNeuron()[q])]++;
		final double[][][] xy = new double[pops.count()][2][];
		for (int k = 0; k < pops.count(); k++) xy[k] = new double[2][count[k]];
		final int[] fill = new int[pops.count()];
		for (int q = 0; q < r.spikeNeuron().length && r.spikeStep()[q] < steps; q++) {
			final int row = rowOf(pops, rows, r.spikeNeuron()[q]);
			if (row < 0) continue;
			final int k = pops.of(r.spikeNeuron()[q]);
			xy[k][0][fill[k]] = r.spikeStep()[q] * r.dt();
			xy[k][1][fill[k]++] = row;
		}
		final DefaultXYDataset data = new DefaultXYDataset();
		final XYDotRenderer dots = new XYDotRenderer();
		dots.setDotWidth(2);
		dots.setDotHeight(2);
		for (int k = 0; k < pops.count(); k++) {
			data.addSeries(pops.name(k) + " (" + rows[k] + " of " + pops.size(k) + ")", xy[k]);
			dots.setSeriesPaint(k, color(k));
		}
		final NumberAxis y = new NumberAxis("neuron (E below, I above)");
		y.setRange(-0.5, Math.max(1, rows[0] + (rows.length > 1 ? rows[1] : 0)) - 0.5);
		final NumberAxis x = new NumberAxis("time (s)");
		x.setRange(0, Math.max(steps, 1) * r.dt());
		return Charts.styled(new JFreeChart(String.format("Spike raster by population, test trials 1-%d (mean rate %.1f Hz)",
			shown, r.meanRateHz()), Charts.titleFont(), new XYPlot(data, x, y, dots), true));
	}

	/** Rows shown per population: maxNeurons shared in proportion to the sizes, at least one each, at most all. */
	static int[] rows(final Populations pops, final int maxNeurons) {
		final int[] rows = new int[pops.count()];
		if (pops.count() == 1) rows[0] = Math.min(maxNeurons, pops.neurons());
		else {
			rows[0] = Math.min(pops.size(0), Math.max(1, (int) Math.round(maxNeurons * pops.size(0) / (double) pops.neurons())));
			rows[1] = Math.min(pops.size(1), Math.max(1, maxNeurons - rows[0]));
		}
		return rows;
	}

	/** The raster row of neuron i, or −1 when it is not shown. */
	private static int rowOf(final Populations pops, final int[] rows, final int i) {
		final int k = pops.of(i), within = i - pops.start(k);
		if (within >= rows[k]) return -1;
		return k == 0 ? within : rows[0] + within;
	}

	/** Histograms of the neurons' rates, one per population, on common bins. */
	public static JFreeChart rates(final PopulationAnalysis a) {
		final HistogramDataset data = new HistogramDataset();
		double max = 1;
		for (final PopulationAnalysis.Population p : a.populations()) for (final double v : p.ratesHz()) if (Double.isFinite(v)) max = Math.max(max, v);
		for (final PopulationAnalysis.Population p : a.populations())
			data.addSeries(String.format("%s (mean %.1f Hz)", p.name(), p.meanRateHz()), p.ratesHz().length == 0 ? new double[] { 0 } : p.ratesHz(),
				40, 0, Math.ceil(max));
		final JFreeChart chart = org.jfree.chart.ChartFactory.createHistogram("Firing rates by population", "rate (Hz)",
			"neurons", data, PlotOrientation.VERTICAL, true, false, false);
		final XYPlot plot = chart.getXYPlot();
		plot.setForegroundAlpha(0.6f);
		for (int k = 0; k < a.populations().size(); k++) plot.getRenderer().setSeriesPaint(k, color(k));
		return Charts.styled(chart);
	}

	/** The PSTH of condition {@code c}, one step line per population. */
	public static JFreeChart psth(final PopulationAnalysis a, final int c) {
		final XYSeriesCollection data = new XYSeriesCollection();
		final XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
		String label = "";
		double bin = SpikeTrainAnalysis.PSTH_BIN_S;
		for (int k = 0; k < a.populations().size(); k++) {
			final PopulationAnalysis.Population p = a.populations().get(k);
			final SpikeTrainAnalysis.Condition cond = p.spikes().conditions().get(c);
			bin = p.spikes().binSeconds();
			label = cond.label();
			final XYSeries s = new XYSeries(String.format("%s (Fano factor %.3g)", p.name(), cond.fanoFactor()));
			final double[] h = cond.psthHz();
			for (int b = 0; b < h.length; b++) {
				s.add(b * bin, h[b], false);
				s.add(Math.min((b + 1) * bin, cond.windowSeconds()), h[b], false);
			}
			data.addSeries(s);
			lines.setSeriesPaint(k, color(k));
			lines.setSeriesStroke(k, new BasicStroke(1.5f));
		}
		final XYPlot plot = new XYPlot(data, new NumberAxis(String.format("time in trial (s), bins of %.3g s", bin)),
			new NumberAxis("rate (Hz)"), lines);
		return Charts.styled(new JFreeChart("PSTH by population, condition " + label, Charts.titleFont(), plot, true));
	}
}
