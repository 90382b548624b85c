package org.rate2spike.fiji;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import ij.ImagePlus;

import org.jfree.chart.JFreeChart;
import org.rate2spike.io.NetworkFile;
import org.rate2spike.io.TargetsFile;
import org.rate2spike.protocol.LastTrialSpikes;
import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.protocol.TrainedNetwork;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.task.Task;
import org.rate2spike.protocol.TrainingStage;
import org.rate2spike.rate.RateTargets;
import org.rate2spike.render.ChartImages;
import org.rate2spike.render.Charts;
import org.rate2spike.render.RasterImages;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Stage 2 in Fiji: a spiking network trained by RLS on a rate-targets file, saved as a network file. Cancelling
 * during RLS saves the network trained so far (marked partial).
 */
@Plugin(type = Command.class, menuPath = Rate2SpikeCommand.MENU + TrainSpikingNetwork.TITLE, headless = true)
public class TrainSpikingNetwork extends Rate2SpikeCommand {

	public static final String TITLE = "Train Spiking Network";

	@Parameter(label = "Rate targets file", description = "a rate-targets file (.npz) from Generate Rate Targets",
		style = FileWidget.OPEN_STYLE)
	private File targets_file;

	@Parameter(label = "Save trained network as", description = "the network file (.npz) to write", style = FileWidget.SAVE_STYLE)
	private File network_file;

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

	@Parameter(label = "Demean trials", description = "trials that estimate each neuron's mean input", min = "1", max = "100000")
	private int trials_demean = 300;

	@Parameter(label = "RLS trials", description = "RLS training trials", min = "1", max = "100000")
	private int trials_rls = 500;

	@Parameter(label = "Test trials", description = "test trials (recorded in the network file for later tests)", min = "1",
		max = "100000")
	private int trials_test = 100;

	@Parameter(label = "Seed", description = "random seed; the same seed gives the same result", min = "0")
	private long seed = 1;

	@Parameter(label = "Task's own settings", description = TASK_SETTINGS_DESCRIPTION, choices = { TrainingConfig.APPLY,
		TrainingConfig.ADVISE })
	private String task_settings = TrainingConfig.APPLY;

	@Parameter(label = OVERWRITE_LABEL, description = OVERWRITE_DESCRIPTION, required = false, persist = false)
	private boolean overwrite;

	@Parameter(label = "Open chart windows", description = "also show each plot in an interactive window (zoom, pan, save as PNG or SVG); needs a screen",
		required = false)
	private boolean chart_windows;

	@Parameter(label = "Also save pictures to", description = "optional folder for PNG, SVG and TIFF copies of the outputs",
		style = FileWidget.DIRECTORY_STYLE, required = false)
	private File output_folder;

	@Parameter(label = "nMSE per training trial", type = ItemIO.OUTPUT)
	private ImagePlus training_nmse;

	@Parameter(label = "Spike raster, last training trial", type = ItemIO.OUTPUT)
	private ImagePlus training_raster;

	private TrainedNetwork network;

	private static final String[] RATE_PARAMS = TrainingConfig.rateMap(TrainingConfig.DEFAULTS.rate()).keySet().toArray(String[]::new);

	@Override
	protected void execute() throws IOException {
		final Path targetsPath = required("targets_file", targets_file), networkPath = required("network_file", network_file);
		final Path folder = optionalFolder("output_folder", output_folder);
		refuseToOverwrite(overwrite, "network_file", networkPath);
		refuseToOverwrite(overwrite, "output_folder", folder, "training_nmse.png", "training_nmse.svg", "training_raster.tif");
		final RateTargets targets = TargetsFile.load(targetsPath);
		final Task task = Pipeline.taskOf(targets);
		final TrainingConfig c = withTaskSettings(config(TrainingConfig.DEFAULTS.withRate(targets.params())
			.with("trials_pca", String.valueOf(targets.pcaTrials()))), task, RATE_PARAMS); // the targets fix the rate network
		final LastTrialSpikes last = new LastTrialSpikes();
		network = TrainingStage.run(targets, task, c.spiking(), c.trials(),
			c.seed(), progress(), last);
		NetworkFile.save(network, networkPath);
		final JFreeChart chart = Charts.trainingError(network.log());
		training_nmse = ChartImages.image(chart, "nMSE per training trial");
		if (last.raster() != null)
			training_raster = RasterImages.spikes(last.raster(), "Spike raster (RLS trial " + (last.trial() + 1) + ")");
		if (chart_windows) showChart(chart, training_nmse.getTitle());
		if (folder != null) {
			ChartImages.save(chart, folder, "training_nmse");
			if (training_raster != null) ChartImages.saveTiff(training_raster, folder, "training_raster");
		}
		if (network.log().partial()) fail(network.log().note() + "; the partial network is saved to " + networkPath);
		else report(String.format("trained %d RLS trials (last nMSE %.4f); saved %s", network.log().rlsTrialsDone(),
			network.log().rlsNmse()[network.log().rlsTrialsDone() - 1], networkPath));
	}

	/** The network trained by the last run (partial when cancelled). */
	public TrainedNetwork network() {
		return network;
	}

	public ImagePlus trainingNmse() {
		return training_nmse;
	}

	public ImagePlus trainingRaster() {
		return training_raster;
	}
}
