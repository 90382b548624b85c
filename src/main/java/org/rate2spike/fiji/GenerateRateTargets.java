package org.rate2spike.fiji;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import ij.ImagePlus;

import org.jfree.chart.JFreeChart;
import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.io.TargetsFile;
import org.rate2spike.protocol.RateActivity;
import org.rate2spike.protocol.TargetsStage;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.rate.RateTargets;
import org.rate2spike.render.ChartImages;
import org.rate2spike.render.Charts;
import org.rate2spike.render.RasterImages;
import org.rate2spike.task.ContextTask;
import org.rate2spike.task.IntegrationTask;
import org.rate2spike.task.OscillationTask;
import org.rate2spike.task.Tasks;
import org.rate2spike.task.Task;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/** Stage 1 in Fiji: a driven rate network run on a task, its PCA, saved as a rate-targets file. */
@Plugin(type = Command.class, menuPath = Rate2SpikeCommand.MENU + GenerateRateTargets.TITLE, headless = true)
public class GenerateRateTargets extends Rate2SpikeCommand {

	public static final String TITLE = "Generate Rate Targets";

	@Parameter(label = "Task", description = "built-in task; integration trains best with rate gain 1.2 (and trained " +
		"fraction 1.0 in Train Spiking Network), reach with rate gain 1.0", choices = { OscillationTask.NAME, IntegrationTask.NAME,
		ContextTask.NAME, Tasks.REACH })
	private String task = OscillationTask.NAME;

	@Parameter(label = "Seed", description = "random seed; the same seed gives the same result", min = "0")
	private long seed = 1;

	@Parameter(label = "Task's own settings", description = TASK_SETTINGS_DESCRIPTION, choices = { TrainingConfig.APPLY,
		TrainingConfig.ADVISE })
	private String task_settings = TrainingConfig.APPLY;

	@Parameter(label = "Rate units (Ñ)", description = "units of the driven rate network", min = "1", max = "100000", stepSize = "10")
	private int rate_units = 500;

	@Parameter(label = "Rate time constant τx (s)", description = "time constant of the rate units", min = "0.0001", max = "10", stepSize = "0.001")
	private double tau_rate = 0.01;

	@Parameter(label = "Rate gain g̃", description = "gain of the rate network's random recurrent weights", min = "0", max = "10", stepSize = "0.1")
	private double rate_gain = 1.4;

	@Parameter(label = "PCA fraction", description = "keep the fewest PCs explaining more than this fraction of f_J's second moment",
		min = "0.001", max = "1", stepSize = "0.001")
	private double frac_pca = 0.999;

	@Parameter(label = "Fixed number of PCs", description = "a fixed number of PCs instead (0: choose by the PCA fraction)",
		min = "0", max = "100000", stepSize = "1")
	private int pcs = 0;

	@Parameter(label = "dt (s)", description = "time step; must be below every time constant", min = "0.00001", max = "0.1",
		stepSize = "0.0001")
	private double dt = 0.001;

	@Parameter(label = "Settling trials", description = "settling trials at the start of every phase", min = "0", max = "100000")
	private int trials_init = 50;

	@Parameter(label = "PCA trials", description = "trials whose teacher signal enters the PCA", min = "1", max = "100000")
	private int trials_pca = 300;

	@Parameter(label = "Save rate targets as", description = "the rate-targets file (.npz) to write", style = FileWidget.SAVE_STYLE)
	private File targets_file;

	@Parameter(label = OVERWRITE_LABEL, description = OVERWRITE_DESCRIPTION, required = false, persist = false)
	private boolean overwrite;

	@Parameter(label = "Open chart windows", description = "also show each plot in an interactive window (zoom, pan, save as PNG or SVG); needs a screen",
		required = false)
	private boolean chart_windows;

	@Parameter(label = "Also save pictures to", description = "optional folder for PNG, SVG and TIFF copies of the outputs",
		style = FileWidget.DIRECTORY_STYLE, required = false)
	private File output_folder;

	@Parameter(label = "Rate network activity", type = ItemIO.OUTPUT)
	private ImagePlus activity;

	@Parameter(label = "Leading factors", type = ItemIO.OUTPUT)
	private ImagePlus factors;


	@Override
	protected void execute() throws IOException {
		final Path file = required("targets_file", targets_file);
		final Path folder = optionalFolder("output_folder", output_folder);
		final TrainingConfig asked = config(TrainingConfig.DEFAULTS);
		refuseToOverwrite(overwrite, "targets_file", file);
		refuseToOverwrite(overwrite, "output_folder", folder, "rate_activity.tif", "factors.png", "factors.svg");
		final Task t = Pipeline.task(asked);
		final TrainingConfig c = withTaskSettings(asked, t);
		final RateTargets targets = Pipeline.targets(c, t, progress());
		TargetsFile.save(targets, file);
		final RateActivity a = RateActivity.record(targets, t);
		activity = RasterImages.activity(a, "Rate network activity (" + targets.task() + ")");
		final JFreeChart chart = Charts.factors(a, targets.basis(), 6);
		factors = ChartImages.image(chart, "Leading factors (" + targets.task() + ")");
		if (chart_windows) showChart(chart, factors.getTitle());
		if (folder != null) {
			ChartImages.saveTiff(activity, folder, "rate_activity");
			ChartImages.save(chart, folder, "factors");
		}
		report(String.format("%d PCs explain %.4f of the teacher's second moment; saved %s", targets.factors(),
			targets.basis().explained(targets.factors()), file));
	}

	public ImagePlus activity() {
		return activity;
	}

	public ImagePlus factors() {
		return factors;
	}
}
