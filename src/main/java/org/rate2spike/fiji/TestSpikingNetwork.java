package org.rate2spike.fiji;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.jfree.chart.JFreeChart;
import org.rate2spike.app.Output;
import org.rate2spike.app.NetworkRuns;
import org.rate2spike.app.SweepRun;
import org.rate2spike.app.TrainRun;
import org.rate2spike.io.NetworkFile;
import org.rate2spike.io.ReadoutFile;
import org.rate2spike.readout.Readout;
import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.protocol.SpikeRaster;
import org.rate2spike.protocol.SpikeTrainAnalysis;
import org.rate2spike.protocol.TestResult;
import org.rate2spike.protocol.TestStage;
import org.rate2spike.protocol.TrainedNetwork;
import org.rate2spike.protocol.TrialStatistics;
import org.rate2spike.render.ChartImages;
import org.rate2spike.render.Charts;
import org.rate2spike.render.RasterImages;
import org.rate2spike.render.PopulationImages;
import org.rate2spike.render.PopulationTables;
import org.rate2spike.render.ResultTables;
import org.rate2spike.protocol.PopulationAnalysis;
import org.rate2spike.spiking.Populations;
import org.rate2spike.task.DataOptions;
import org.rate2spike.task.DataTask;
import org.rate2spike.util.Check;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Stage 3 in Fiji: a saved network run on fresh test trials; a raster stack, plots and a per-trial table. A network of
 * the data task is tested on the data its file keeps, or, when the data fields name a targets file, on those data.
 */
@Plugin(type = Command.class, menuPath = Rate2SpikeCommand.MENU + TestSpikingNetwork.TITLE, headless = true)
public class TestSpikingNetwork extends Rate2SpikeCommand {

	public static final String TITLE = "Test Spiking Network";
	/** Title of the results table window. */
	public static final String TABLE = "Rate2Spike test trials";
	/** Titles of the spike-statistics table (one row per condition) and the PSTH table (one column per condition). */
	public static final String SPIKE_TABLE = "Rate2Spike spike statistics", PSTH_TABLE = "Rate2Spike PSTH";
	/** Titles of the tables by population, for E/I networks. */
	public static final String POPULATION_TABLE = "Rate2Spike populations", POPULATION_PSTH_TABLE = "Rate2Spike PSTH by population";

	@Parameter(label = "Network file", description = "a trained network (.npz) from Train Spiking Network", style = FileWidget.OPEN_STYLE)
	private File network_file;

	@Parameter(label = "Test trials", description = "test trials to run; the raster has one slice per trial", min = "1",
		max = "100000")
	private int trials_test = 10;

	@Parameter(label = "Readout (optional)", description = "a named readout stored by Fit Readout, scored against its own signals; empty: the readout learned in training",
		required = false)
	private String readout_name = "";

	@Parameter(label = "Data: new targets (optional)", description = "data networks only: a table or image of targets " +
		"to test on instead of the data kept in the network file (same channels and conditions); empty: the kept data",
		required = false, style = FileWidget.OPEN_STYLE)
	private File data_targets;

	@Parameter(label = "Data: new inputs (optional)", description = "with new targets: their inputs, when the network " +
		"was trained on input data", required = false, style = FileWidget.OPEN_STYLE)
	private File data_inputs;

	@Parameter(label = "Data: new population activity (optional)", description = "with new targets: their population " +
		"activity, when the network's factors came from activity", required = false, style = FileWidget.OPEN_STYLE)
	private File data_factors;

	@Parameter(label = "Data: sample interval (s)", description = "data task: seconds between samples of tables without " +
		"a time column and uncalibrated images (0: from the file)", min = "0", max = "10", stepSize = "0.001")
	private double sample_interval = 0;

	@Parameter(label = "Data: normalize", description = "data task: none, or max (each target channel divided by its " +
		"largest absolute value)", choices = { "none", "max" })
	private String normalize = "none";

	@Parameter(label = "Data: targets image (when no targets file)", description = "data task: an open image " +
		"(width = time, height = channels, slices = conditions) used as targets when the targets file is empty; " +
		"neither: for training the active image, for a test the data kept in the network file", required = false, persist = false)
	private ImagePlus targets_image;

	@Parameter(label = "Data: inputs image (when no inputs file)", description = "data task: an open image of " +
		"inputs, used when the inputs file is empty (ignored when it is the targets image)", required = false, persist = false)
	private ImagePlus inputs_image;

	@Parameter(label = "Data: activity image (when no activity file)", description = "data task: an open image of " +
		"population activity, used when the activity file is empty (ignored when it is the targets image)",
		required = false, persist = false)
	private ImagePlus factors_image;

	@Parameter(label = OVERWRITE_LABEL, description = OVERWRITE_DESCRIPTION,
		required = false, persist = false)
	private boolean overwrite;

	@Parameter(label = "Open chart windows", description = "also show each plot in an interactive window (zoom, pan, save as PNG or SVG); needs a screen",
		required = false)
	private boolean chart_windows;

	@Parameter(label = "Also save pictures to", description = "optional folder for PNG, SVG and TIFF copies of the outputs and the table as CSV",
		style = FileWidget.DIRECTORY_STYLE, required = false)
	private File output_folder;

	@Parameter(label = "Spike raster", type = ItemIO.OUTPUT)
	private ImagePlus raster;

	@Parameter(label = "Output vs target", type = ItemIO.OUTPUT)
	private ImagePlus output_vs_target;

	@Parameter(label = "Firing-rate histogram", type = ItemIO.OUTPUT)
	private ImagePlus rate_histogram;

	@Parameter(label = "Test trials table", type = ItemIO.OUTPUT)
	private ResultsTable test_trials;

	private TestResult result;

	@Override
	protected void execute() throws IOException {
		final Path file = required("network_file", network_file);
		final Path folder = optionalFolder("output_folder", output_folder);
		Check.atLeast("trials_test", trials_test, 1);
		// new data are laid out in trials as the network was trained on them (Pipeline.taskOf): no layout to choose here
		final DataOptions data = new DataOptions(path(data_targets), path(data_inputs), path(data_factors), sample_interval,
			normalize, "auto", DataOptions.HOLD); // layout and go cue: as trained (Pipeline.taskOf)
		final NetworkRuns.TestOutcome outcome = NetworkRuns.test(new NetworkRuns.TestRequest(new NetworkRuns.Source(file, data, images(data_targets,
			targets_image, data_inputs, inputs_image, data_factors, factors_image, sample_interval, false)),
			Output.fiji(folder, overwrite), trials_test, readout_name), progress(), Outputs.FILES);
		final Readout readout = outcome.readout();
		result = outcome.test();
		final Populations pops = Populations.of(outcome.network().params());
		final Outputs o = Outputs.of(result, readout == null ? "test" : "test, readout " + readout.name(), pops);
		raster = o.raster();
		output_vs_target = o.outputVsTarget();
		rate_histogram = o.rateHistogram();
		test_trials = o.table();
		Tables.publish(test_trials, TABLE);
		final SpikeTrainAnalysis spikes = SpikeTrainAnalysis.of(result);
		Tables.publish(ResultTables.spikeStatistics(spikes), SPIKE_TABLE);
		Tables.publish(ResultTables.psth(spikes), PSTH_TABLE);
		publishPopulations(result, pops);
		if (chart_windows) o.showCharts();
		if (folder != null) o.save(folder);
		if (!result.partial()) outcome.decomposition().lines().forEach(this::report);
		if (result.partial()) fail("cancelled after " + result.trials() + " of " + trials_test + " test trials");
		else report(String.format((readout == null ? "" : "readout '" + readout.name() + "': ") + "median test nMSE %.5f, mean rate %.2f Hz", result.medianNmse(), result.meanRateHz()));
		if (!result.partial()) warn(result.driftWarning());
	}

	/** E/I networks: the spike statistics and PSTHs by population as tables. */
	static void publishPopulations(final TestResult r, final Populations pops) {
		if (!pops.dale()) return;
		final PopulationAnalysis a = PopulationAnalysis.of(r, pops);
		Tables.publish(PopulationTables.statistics(a), POPULATION_TABLE);
		Tables.publish(PopulationTables.psth(a), POPULATION_PSTH_TABLE);
	}

	private static String path(final File f) {
		return f == null ? "" : f.getPath();
	}

	public ImagePlus raster() {
		return raster;
	}

	public ImagePlus outputVsTarget() {
		return output_vs_target;
	}

	public ImagePlus rateHistogram() {
		return rate_histogram;
	}

	/** One row per test trial: nMSE, mean rate, ISI CV, spikes. */
	public ResultsTable table() {
		return test_trials;
	}

	public TestResult result() {
		return result;
	}

	/** The pictures and table of a test, shared with the all-steps command. */
	record Outputs(TestResult result, ImagePlus raster, JFreeChart vsTarget, ImagePlus outputVsTarget,
		JFreeChart histogram, ImagePlus rateHistogram, ResultsTable table) {

		/** An E/I network's raster is coloured by population (RGB: E red, I blue). */
		static Outputs of(final TestResult r, final String what, final Populations pops) {
			final var vs = Charts.outputVsTarget(r, 3, 0);
			final var hist = Charts.rateHistogram(r);
			final String title = "Spike raster (" + what + ")";
			return new Outputs(r, pops.dale() ? PopulationImages.raster(SpikeRaster.of(r), pops, title)
				: RasterImages.spikes(SpikeRaster.of(r), title), vs,
				ChartImages.image(vs, "Output vs target (" + what + ")"), hist, ChartImages.image(hist, "Firing rates (" + what + ")"),
				ResultTables.testTrials(TrialStatistics.of(r)));
		}

		void showCharts() {
			showChart(vsTarget, outputVsTarget.getTitle());
			showChart(histogram, rateHistogram.getTitle());
		}

		/** What {@link #save} writes. */
		static final String[] FILES = { "raster.tif", "output_vs_target.png", "output_vs_target.svg", "rate_histogram.png",
			"rate_histogram.svg", "test_trials.csv" };

		/** raster.tif, output_vs_target.png/.svg, rate_histogram.png/.svg, test_trials.csv. */
		void save(final Path folder) throws IOException {
			ChartImages.saveTiff(raster, folder, "raster");
			ChartImages.save(vsTarget, folder, "output_vs_target");
			ChartImages.save(histogram, folder, "rate_histogram");
			Files.createDirectories(folder);
			table.saveAs(folder.resolve("test_trials.csv").toString());
		}
	}
}
