package org.rate2spike.fiji;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.jfree.chart.JFreeChart;
import org.rate2spike.app.Output;
import org.rate2spike.app.NetworkRuns;
import org.rate2spike.app.SweepRun;
import org.rate2spike.app.TrainRun;
import org.rate2spike.pipeline.TaskSettings;
import org.rate2spike.app.RunFolder;
import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.protocol.TestResult;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.spiking.Populations;
import org.rate2spike.render.ChartImages;
import org.rate2spike.render.Charts;
import org.rate2spike.task.ContextTask;
import org.rate2spike.task.DataTask;
import org.rate2spike.task.IntegrationTask;
import org.rate2spike.task.OscillationTask;
import org.rate2spike.task.Tasks;
import org.rate2spike.task.Task;
import org.rate2spike.util.ParameterException;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Rate targets, training and test in one dialog; writes the same output folder as the command line's {@code train}
 * (summary.json, targets.npz, network.npz, pictures) plus SVGs, the raster stack and the per-trial table.
 */
@Plugin(type = Command.class, menuPath = Rate2SpikeCommand.MENU + TrainAllSteps.TITLE, headless = true)
public class TrainAllSteps extends Rate2SpikeCommand {

	public static final String TITLE = "Train Spiking Network (all steps)";

	@Parameter(label = "Task", description = "built-in task, or data (your table or image below); integration and data (reach too) " +
		"choose their own rate gain and trained fraction (see Task's own settings)", choices = {
		OscillationTask.NAME, IntegrationTask.NAME, ContextTask.NAME, Tasks.REACH, DataTask.NAME })
	private String task = OscillationTask.NAME;

	@Parameter(label = "Data: targets (table or image)", description = "data task: CSV/TSV table or image (width = time, " +
		"height = channels, slices = conditions) of the desired outputs", required = false, style = FileWidget.OPEN_STYLE)
	private File data_targets;

	@Parameter(label = "Data: inputs (optional)", description = "data task: inputs in the same format; empty: cue each condition",
		required = false, style = FileWidget.OPEN_STYLE)
	private File data_inputs;

	@Parameter(label = "Data: population activity (optional)", description = "data task: activity whose leading PCs " +
		"replace the rate network's factors", required = false, style = FileWidget.OPEN_STYLE)
	private File data_factors;

	@Parameter(label = "Data: sample interval (s)", description = "data task: seconds between samples of tables without " +
		"a time column and uncalibrated images (0: from the file)", min = "0", max = "10", stepSize = "0.001")
	private double sample_interval = 0;

	@Parameter(label = "Data: normalize", description = "data task: none, or max (each target channel divided by its " +
		"largest absolute value)", choices = { "none", "max" })
	private String normalize = "none";

	@Parameter(label = "Data: trial layout", description = "data task: separate (each trial starts from rest), " +
		"continuous (the data alone, trials back to back) or auto (continuous for one condition whose end meets its start)",
		choices = { "auto", "separate", "continuous" })
	private String trial_layout = "auto";

	@Parameter(label = "Data: go cue", description = "data task, cued conditions: hold (the third input on until the " +
		"go, as in the method's reaching trials) or pulse (a 20 ms go pulse where the data start)", choices = { "hold", "pulse" })
	private String go_cue = "hold";

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

	@Parameter(label = "Output folder", description = "folder for the targets, the network, summary.json and the pictures",
		style = FileWidget.DIRECTORY_STYLE)
	private File output_folder;

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

	@Parameter(label = "Neurons (N)", description = "spiking neurons", min = "1", max = "100000", stepSize = "10")
	private int neurons = 500;

	@Parameter(label = "Trained fraction", description = "fraction of neurons whose synaptic traces are read out (n = round(f·N))",
		min = "0.001", max = "1", stepSize = "0.05")
	private double trained_fraction = 0.4;

	@Parameter(label = "Feedback gain g_z", description = "gain of the factor feedback projection U = g_z·Q", min = "0", max = "100", stepSize = "0.5")
	private double gz = 6;

	@Parameter(label = "Global inhibition μf", description = "strength of the global fast inhibition", min = "-100", max = "100", stepSize = "0.1")
	private double mu_f = -0.3;

	@Parameter(label = "gs (slow random gain)", description = "gain of the random slow recurrent weights", min = "0", max = "100", stepSize = "0.1")
	private double gs = 0;

	@Parameter(label = "gf (fast random gain)", description = "gain of the random fast recurrent weights", min = "0", max = "100", stepSize = "0.1")
	private double gf = 0;

	@Parameter(label = "Membrane τm (s)", description = "membrane time constant", min = "0.0001", max = "10", stepSize = "0.001")
	private double tau_m = 0.01;

	@Parameter(label = "Slow synapse τs (s)", description = "slow synaptic time constant", min = "0.0001", max = "10", stepSize = "0.01")
	private double tau_s = 0.1;

	@Parameter(label = "Fast synapse τf (s)", description = "fast synaptic time constant", min = "0.0001", max = "10", stepSize = "0.001")
	private double tau_f = 0.005;

	@Parameter(label = "RLS interval DTRLS (steps)", description = "mean number of steps between RLS updates", min = "1", max = "100000", stepSize = "1")
	private double dt_rls = 10;

	@Parameter(label = "RLS α", description = "RLS regulariser α: P starts as I/α", min = "0.000001", max = "1000000", stepSize = "0.1")
	private double rls_alpha = 1;

	@Parameter(label = "Divergence guard: max rate (Hz)", description = "stop training when a trial's population rate exceeds this",
		min = "1", max = "100000", stepSize = "10")
	private double max_rate_hz = 200;

	@Parameter(label = "Neuron model", description = "lif, alif (adaptive LIF), izhikevich_rs, izhikevich_fs (Izhikevich regular/fast spiking) or theta (quadratic integrate-and-fire)",
		choices = { "lif", "alif", "izhikevich_rs", "izhikevich_fs", "theta" })
	private String neuron_model = "lif";

	@Parameter(label = "Neuron model, 2nd population", description = "the second (inhibitory) population's neuron model, or same",
		choices = { "same", "lif", "alif", "izhikevich_rs", "izhikevich_fs", "theta" })
	private String neuron_model_i = "same";

	@Parameter(label = "Adaptation τw (s)", description = "time constant of the adaptation current (alif)", min = "0.0001", max = "100", stepSize = "0.01")
	private double tau_adapt = 0.1;

	@Parameter(label = "Adaptation jump b", description = "what each spike adds to the adaptation current (alif; units of V)", min = "0", max = "1000", stepSize = "0.1")
	private double adapt_jump = 1;

	@Parameter(label = "Izhikevich input gain", description = "Izhikevich input per unit of drive: I = izh_bias + izh_gain·V∞", min = "0.001", max = "10000", stepSize = "1")
	private double izh_gain = 10;

	@Parameter(label = "Izhikevich input bias", description = "Izhikevich input I at drive V∞ = 0 (4 is the presets' rheobase)", min = "-1000", max = "1000", stepSize = "0.5")
	private double izh_bias = 4;

	@Parameter(label = "Theta input gain", description = "theta neuron input per unit of drive: I = theta_gain·V∞", min = "0.001", max = "10000", stepSize = "0.1")
	private double theta_gain = 1;

	@Parameter(label = "Excitatory fraction (1: one population)", description = "fraction of excitatory neurons; 1 keeps one " +
		"population with signed random weights, below 1 (e.g. 0.8) makes E/I populations with Dale's law on the fixed synapses",
		min = "0.001", max = "1", stepSize = "0.05")
	private double excitatory_fraction = 1;

	@Parameter(label = "Connection probability p", description = "connection probability of the fixed random synapses " +
		"(1: dense; below 1: stored sparsely)", min = "0.001", max = "1", stepSize = "0.05")
	private double connection_p = 1;

	@Parameter(label = "Sign-constrained feedback (E/I only)", description = "train the factor feedback so that each " +
		"trained neuron's effective recurrent weights keep its sign (needs an excitatory fraction below 1)", required = false)
	private boolean sign_constrained = false;

	@Parameter(label = "Membrane τm, 2nd population (s; 0: same)", description = "the second (inhibitory) population's membrane time constant, or 0 for τm",
		min = "0", max = "10", stepSize = "0.001")
	private double tau_m_i = 0;

	@Parameter(label = "Settling trials", description = "settling trials at the start of every phase", min = "0", max = "100000")
	private int trials_init = 50;

	@Parameter(label = "PCA trials", description = "trials whose teacher signal enters the PCA", min = "1", max = "100000")
	private int trials_pca = 300;

	@Parameter(label = "Demean trials", description = "trials that estimate each neuron's mean input", min = "1", max = "100000")
	private int trials_demean = 300;

	@Parameter(label = "RLS trials", description = "RLS training trials", min = "1", max = "100000")
	private int trials_rls = 500;

	@Parameter(label = "Test trials", description = "test trials; the raster has one slice per trial", min = "1", max = "100000")
	private int trials_test = 100;

	@Parameter(label = OVERWRITE_LABEL, description = OVERWRITE_DESCRIPTION, required = false, persist = false)
	private boolean overwrite;

	@Parameter(label = "Open chart windows", description = "also show each plot in an interactive window (zoom, pan, save as PNG or SVG); needs a screen",
		required = false)
	private boolean chart_windows;

	@Parameter(label = "nMSE per training trial", type = ItemIO.OUTPUT)
	private ImagePlus training_nmse;

	@Parameter(label = "Spike raster", type = ItemIO.OUTPUT)
	private ImagePlus raster;

	@Parameter(label = "Output vs target", type = ItemIO.OUTPUT)
	private ImagePlus output_vs_target;

	@Parameter(label = "Firing-rate histogram", type = ItemIO.OUTPUT)
	private ImagePlus rate_histogram;

	@Parameter(label = "Test trials table", type = ItemIO.OUTPUT)
	private ResultsTable test_trials;

	private TestSpikingNetwork.Outputs outputs;


	@Override
	protected void execute() throws IOException {
		if (output_folder == null) throw new ParameterException("output_folder", "is required: choose a folder");
		final Path folder = optionalFolder("output_folder", output_folder);
		final TrainingConfig c = config(TrainingConfig.DEFAULTS);
		final Task task = DataTask.NAME.equals(c.task()) ? Pipeline.task(c, images(data_targets, targets_image, data_inputs,
			inputs_image, data_factors, factors_image, sample_interval, true)) : Pipeline.task(c);
		final java.util.List<String> extra = new java.util.ArrayList<>(java.util.List.of("training_nmse.png", "training_nmse.svg"));
		extra.addAll(java.util.List.of(TestSpikingNetwork.Outputs.FILES));
		final TrainRun.Result result = TrainRun.run(new TrainRun.Request(c, TaskSettings.differingFromDefaults(c), task, Output.fiji(folder, overwrite), 0, false,
			extra.toArray(String[]::new)), progress());
		final Pipeline.Run run = result.run();
		final JFreeChart chart = Charts.trainingError(run.network().log());
		training_nmse = ChartImages.image(chart, "nMSE per training trial");
		if (run.test() == null) {
			fail(run.network().log().note() + "; the partial network is saved in " + folder);
			return;
		}
		final TestResult test = run.test();
		ChartImages.save(chart, folder, "training_nmse");
		final Populations pops = Populations.of(c.spiking());
		outputs = TestSpikingNetwork.Outputs.of(test, c.task(), pops);
		outputs.save(folder);
		if (chart_windows) {
			showChart(chart, training_nmse.getTitle());
			outputs.showCharts();
		}
		raster = outputs.raster();
		output_vs_target = outputs.outputVsTarget();
		rate_histogram = outputs.rateHistogram();
		if (!test.partial()) result.decomposition().lines().forEach(this::report);
		test_trials = outputs.table();
		Tables.publish(test_trials, TestSpikingNetwork.TABLE);
		TestSpikingNetwork.publishPopulations(test, pops);
		if (test.partial()) fail("cancelled after " + test.trials() + " of " + c.trials().test() + " test trials");
		else report(String.format("median test nMSE %.5f, mean rate %.2f Hz; results in %s", test.medianNmse(),
			test.meanRateHz(), folder));
		if (!test.partial()) warn(test.driftWarning());
	}

	public ImagePlus raster() {
		return raster;
	}

	public ImagePlus outputVsTarget() {
		return output_vs_target;
	}

	public ImagePlus trainingNmse() {
		return training_nmse;
	}

	public ImagePlus rateHistogram() {
		return rate_histogram;
	}

	/** The per-trial table of the test (null until a test ran). */
	public ResultsTable table() {
		return outputs == null ? null : outputs.table();
	}
}
