package org.rate2spike.fiji;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.ResultsTable;

import org.jfree.chart.JFreeChart;
import org.rate2spike.app.Output;
import org.rate2spike.task.DataOptions;
import org.rate2spike.app.NetworkRuns;
import org.rate2spike.app.SweepRun;
import org.rate2spike.app.TrainRun;
import org.rate2spike.io.NetworkFile;
import org.rate2spike.io.ReadoutFile;
import org.rate2spike.app.RunFolder;
import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.protocol.ReadoutStage;
import org.rate2spike.protocol.TrainedNetwork;
import org.rate2spike.readout.Readout;
import org.rate2spike.readout.ReadoutOptions;
import org.rate2spike.readout.Signals;
import org.rate2spike.render.ChartImages;
import org.rate2spike.render.Charts;
import org.rate2spike.render.ResultTables;
import org.rate2spike.task.Task;
import org.rate2spike.util.ParameterException;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * The readout stage in Fiji, as the command line's {@code readout}: a trained network run on fresh trials, a linear
 * readout of its traces fitted on some and scored on held-out ones, stored as a named readout in the network file.
 */
@Plugin(type = Command.class, menuPath = Rate2SpikeCommand.MENU + FitReadout.TITLE, headless = true)
public class FitReadout extends Rate2SpikeCommand {

	public static final String TITLE = "Fit Readout";
	/** Title of the results table window. */
	public static final String TABLE = "Rate2Spike readout";
	/** The signals value that takes them from an open image. */
	static final String IMAGE = "image";
	/** What the output folder gets (besides the per-channel pictures). */
	static final String[] FILES = { "readout.json", "readout_channels.csv", "cv_error.png", "readout_vs_target.png" };

	@Parameter(label = "Network file", description = "a trained network (.npz); the fitted readout is stored in it under its name",
		style = FileWidget.OPEN_STYLE)
	private File network_file;

	@Parameter(label = "Readout name", description = "the name the readout is stored under (letters, digits, _); Test Spiking Network and Export take it")
	private String readout_name = ReadoutOptions.DEFAULTS.name();

	@Parameter(label = "Signals to read out", description = "output (the task's outputs), derivative (their time derivative), shift:SECONDS (the outputs SECONDS later, wrapped within each trial), file:PATH (a table or image of any signals, one readout channel each; for a data network given per condition like its targets) or image (the signals image below)")
	private String signals = ReadoutOptions.DEFAULTS.signals();

	@Parameter(label = "Signals image (when signals is image)", description = "with signals=image: an open image of the " +
		"signals (width = time, height = channels, slices = conditions, as file:PATH takes them); none: the active image. " +
		"Ignored for other signals", required = false, persist = false)
	private ImagePlus signals_image;

	@Parameter(label = "Basis: traces", description = "which synaptic traces the readout combines: both, slow or fast",
		choices = { "both", "slow", "fast" })
	private String basis = ReadoutOptions.DEFAULTS.traces();

	@Parameter(label = "Basis: neurons", description = "the traces of the trained neurons only, or of all neurons",
		choices = { "trained", "all" })
	private String basis_neurons = ReadoutOptions.DEFAULTS.neurons();

	@Parameter(label = "Method", description = "ridge: batch ridge regression, penalty chosen by cross-validation over trials; rls: online RLS as in training",
		choices = { "ridge", "rls" })
	private String method = ReadoutOptions.DEFAULTS.method();

	@Parameter(label = "Fit trials", description = "fresh trials the readout is fitted on", min = "1", max = "100000")
	private int trials_fit = ReadoutOptions.DEFAULTS.fitTrials();

	@Parameter(label = "Held-out trials", description = "further trials the readout is scored on", min = "1", max = "100000")
	private int trials_heldout = ReadoutOptions.DEFAULTS.heldoutTrials();

	@Parameter(label = "Cross-validation folds", description = "folds over the fit trials that choose the ridge penalty (ridge)",
		min = "2", max = "100000")
	private int folds = ReadoutOptions.DEFAULTS.folds();

	@Parameter(label = "RLS α", description = "RLS regulariser α: P starts as I/α", min = "0.000001", max = "1000000", stepSize = "0.1")
	private double rls_alpha = ReadoutOptions.DEFAULTS.rlsAlpha();

	@Parameter(label = OVERWRITE_LABEL, description = OVERWRITE_DESCRIPTION,
		required = false, persist = false)
	private boolean overwrite;

	@Parameter(label = "Open chart windows", description = "also show each plot in an interactive window (zoom, pan, save as PNG or SVG); needs a screen",
		required = false)
	private boolean chart_windows;

	@Parameter(label = "Also save results to", description = "optional folder for readout.json (what the command line's readout writes), the pictures and the table as CSV",
		style = FileWidget.DIRECTORY_STYLE, required = false)
	private File output_folder;

	@Parameter(label = "Readout vs target", type = ItemIO.OUTPUT)
	private ImagePlus readout_vs_target;

	@Parameter(label = "Cross-validation error", type = ItemIO.OUTPUT)
	private ImagePlus cv_error;

	@Parameter(label = "Readout table", type = ItemIO.OUTPUT)
	private ResultsTable readout_table;

	private ReadoutStage.Result result;

	@Override
	protected void execute() throws IOException {
		final Path file = required("network_file", network_file);
		final Path folder = optionalFolder("output_folder", output_folder);
		final String spec = signals == null ? "" : signals.trim();
		final ImagePlus image = IMAGE.equals(spec) ? signalsImage() : null;
		final ReadoutOptions o = new ReadoutOptions(readout_name == null ? "" : readout_name.trim(), basis, basis_neurons,
			image == null ? spec : Signals.IMAGE + image.getTitle(), method, trials_fit, trials_heldout, folds, rls_alpha).validate();
		result = NetworkRuns.readout(new NetworkRuns.ReadoutRequest(new NetworkRuns.Source(file, DataOptions.NONE),
			Output.fiji(folder, overwrite), o, image == null ? null : dt -> ImageData.of(image, "signals_image", dt)), progress(), channels -> { // a file's signals may have any number of channels
				final List<String> files = new ArrayList<>(List.of(FILES));
				for (int c = 1; channels > 1 && c <= channels; c++) files.add("readout_vs_target_ch" + c + ".png");
				return files.toArray(String[]::new);
			}).fit();

		final Readout r = result.readout();
		final List<JFreeChart> charts = new ArrayList<>();
		ImageStack stack = null;
		for (int c = 0; c < r.channels(); c++) {
			final JFreeChart chart = Charts.tracesVsTargets(String.format(Locale.ROOT,
				"Readout '%s', held-out trials: channel %d (nMSE %.4f)", r.name(), c + 1, r.heldoutNmse()[c]), result.outputs(),
				result.targets(), result.dt(), 3, c);
			charts.add(chart);
			final ImagePlus imp = ChartImages.picture(chart, "channel " + (c + 1)); // one RGB slice per channel
			if (stack == null) stack = new ImageStack(imp.getWidth(), imp.getHeight());
			stack.addSlice("channel " + (c + 1), imp.getProcessor());
		}
		readout_vs_target = new ImagePlus("Readout vs target (" + r.name() + ")", stack);
		final JFreeChart cv = result.penalties().length > 0 ? Charts.crossValidation(result.penalties(), result.cvNmse(), r.penalty())
			: null;
		if (cv != null) cv_error = ChartImages.image(cv, "Cross-validation error (" + r.name() + ")");
		readout_table = ResultTables.readout(result);
		Tables.publish(readout_table, TABLE);
		if (chart_windows) {
			for (int c = 0; c < charts.size(); c++) showChart(charts.get(c), readout_vs_target.getTitle() + ", channel " + (c + 1));
			if (cv != null) showChart(cv, cv_error.getTitle());
		}
		if (folder != null) {
			Files.createDirectories(folder);
			RunFolder.writeReadout(folder, file, result);
			readout_table.saveAs(folder.resolve("readout_channels.csv").toString());
		}
		report(String.format(Locale.ROOT, "readout '%s' stored in %s: median held-out nMSE %.5f%s", r.name(), file,
			result.medianHeldoutNmse(), Double.isNaN(r.penalty()) ? "" : String.format(Locale.ROOT, ", penalty %.4g", r.penalty())));
	}

	/** The signals image of signals=image: the one given, else the active image. */
	private ImagePlus signalsImage() {
		final ImagePlus imp = signals_image != null ? signals_image : ij.WindowManager.getCurrentImage();
		if (imp == null) throw new ParameterException("signals_image", "signals=image needs an open image of the signals " +
			"(width = time, height = channels, slices = conditions); none is open");
		report("signals from the open image '" + imp.getTitle() + "'");
		return imp;
	}

	public ImagePlus readoutVsTarget() {
		return readout_vs_target;
	}

	/** The cross-validation plot (ridge); null for RLS. */
	public ImagePlus cvError() {
		return cv_error;
	}

	/** One row per channel: Channel, Train_nMSE, Train_R2, Heldout_nMSE, Heldout_R2, Penalty. */
	public ResultsTable table() {
		return readout_table;
	}

	public ReadoutStage.Result result() {
		return result;
	}
}
