package org.rate2spike.fiji;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.rate2spike.app.Output;
import org.rate2spike.app.TuneRun;
import org.rate2spike.pipeline.TaskSettings;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.sweep.SlurmExecutor;
import org.rate2spike.task.ContextTask;
import org.rate2spike.task.DataTask;
import org.rate2spike.task.IntegrationTask;
import org.rate2spike.task.OscillationTask;
import org.rate2spike.task.Tasks;
import org.rate2spike.tune.Evaluation;
import org.rate2spike.tune.SearchSpace;
import org.rate2spike.tune.TuneSpec;
import org.rate2spike.tune.Tuner;
import org.rate2spike.util.ParameterException;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * The command line's {@code tune} in Fiji: a settings search for a built-in task or your data, resumable in its output
 * folder, then the winner trained and tested in {@code best/}. The fields give the fixed settings and the starting
 * point; {@code space} and {@code axes} say what is searched (docs/tune.md). With {@code executor='slurm'} each rung
 * runs as a SLURM job array, as the command line's {@code tune --executor slurm}. Headless:
 * {@code ImageJ-linux64 --headless --run "Tune Settings" "output_folder='…',budget=40,…"}.
 */
@Plugin(type = Command.class, menuPath = Rate2SpikeCommand.MENU + TuneSettings.TITLE, headless = true)
public class TuneSettings extends Rate2SpikeCommand {

	public static final String TITLE = "Tune Settings";

	@Parameter(label = "Task", description = "built-in task, or data (your table or image below)", choices = {
		OscillationTask.NAME, IntegrationTask.NAME, ContextTask.NAME, Tasks.REACH, DataTask.NAME })
	private String task = OscillationTask.NAME;

	@Parameter(label = "Task's own settings", description = TASK_SETTINGS_DESCRIPTION, choices = { TrainingConfig.APPLY,
		TrainingConfig.ADVISE })
	private String task_settings = TrainingConfig.APPLY;

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

	@Parameter(label = "Search space", description = "changes to the searched ranges, e.g. gz=2:12,neurons=300:1000:int,gs=off " +
		"(NAME=LOW:HIGH[:log|lin][:int|real] or NAME=off); empty: the declared space", required = false)
	private String space = "";

	@Parameter(label = "Searched parameters", description = "search only these, e.g. gz,rls_alpha,dt_rls; empty: every axis of the space",
		required = false)
	private String axes = "";

	@Parameter(label = "Budget (trainings)", description = "trainings the search may run (one more trains the winner); 0: use the time budget",
		min = "0", max = "100000")
	private int budget = 40;

	@Parameter(label = "Budget (time)", description = "instead of the trainings: wall time such as 30m, 2h or 1h30m (budget must be 0)",
		required = false)
	private String budget_time = "";

	@Parameter(label = "Validation trials", description = "trials each training is scored on (median nMSE); never the test trials",
		min = "1", max = "100000")
	private int trials_validation = 20;

	@Parameter(label = "Seed", description = "random seed; the same seed gives the same result", min = "0")
	private long seed = 1;

	@Parameter(label = "Rate units (Ñ)", description = "units of the driven rate network", min = "1", max = "100000", stepSize = "10")
	private int rate_units = 500;

	@Parameter(label = "Neurons (N)", description = "spiking neurons", min = "1", max = "100000", stepSize = "10")
	private int neurons = 500;

	@Parameter(label = "Settling trials", description = "settling trials at the start of every phase", min = "0", max = "100000")
	private int trials_init = 50;

	@Parameter(label = "PCA trials", description = "trials whose teacher signal enters the PCA", min = "1", max = "100000")
	private int trials_pca = 300;

	@Parameter(label = "Demean trials", description = "trials that estimate each neuron's mean input", min = "1", max = "100000")
	private int trials_demean = 300;

	@Parameter(label = "RLS trials", description = "RLS training trials", min = "1", max = "100000")
	private int trials_rls = 500;

	@Parameter(label = "Test trials", description = "test trials of the winner's full training", min = "1", max = "100000")
	private int trials_test = 100;

	@Parameter(label = "Output folder", description = "the search folder: tune.csv, tune.json, tune_<name>.png and best/; " +
		"run again with the same folder to continue a stopped search", style = FileWidget.DIRECTORY_STYLE)
	private File output_folder;

	@Parameter(label = SlurmFields.EXECUTOR_LABEL, description = SlurmFields.EXECUTOR_DESCRIPTION, choices = { SlurmFields.EXECUTOR_LOCAL,
		SlurmFields.EXECUTOR_SLURM })
	private String executor = SlurmFields.EXECUTOR_LOCAL;

	@Parameter(label = "Threads (local)", description = "points trained in parallel on this machine", min = "1", max = "1024")
	private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

	@Parameter(label = SlurmFields.PARTITION_LABEL, description = SlurmFields.PARTITION_DESCRIPTION, required = false)
	private String slurm_partition = SlurmExecutor.Options.DEFAULTS.partition();

	@Parameter(label = SlurmFields.TIME_LABEL, description = SlurmFields.TIME_DESCRIPTION, required = false)
	private String slurm_time = SlurmExecutor.Options.DEFAULTS.time();

	@Parameter(label = SlurmFields.CPUS_LABEL, description = SlurmFields.CPUS_DESCRIPTION, min = "1", max = "1024")
	private int slurm_cpus = SlurmExecutor.Options.DEFAULTS.cpus();

	@Parameter(label = SlurmFields.MEM_LABEL, description = SlurmFields.MEM_DESCRIPTION, min = "0", max = "10000000")
	private int slurm_mem_mb = SlurmExecutor.Options.DEFAULTS.memMb();

	@Parameter(label = "Winner", type = ItemIO.OUTPUT)
	private String winner;

	@Parameter(label = "Command line", type = ItemIO.OUTPUT)
	private String command;

	private TuneRun.Result result;

	@Override
	protected void execute() throws IOException {
		if (output_folder == null || output_folder.getPath().isBlank()) throw new ParameterException("output_folder", "is required: choose a folder");
		final Path dir = optionalFolder("output_folder", output_folder);
		final SlurmExecutor.Options slurm = SlurmFields.slurm(executor) ? SlurmFields.options(slurm_partition, slurm_time, slurm_cpus,
			slurm_mem_mb) : null;
		final TrainingConfig base = config(TrainingConfig.DEFAULTS);
		final SearchSpace s = SearchSpace.resolve(space, axes, Set.of(), base); // the fields are the starting point
		final double seconds = budget_time == null || budget_time.isBlank() ? 0 : TuneSpec.seconds(budget_time);
		final TuneSpec spec = TuneRun.check(new TuneSpec(base, s, budget, seconds, 3, 3, trials_validation));
		report("searching " + String.join(", ", s.names()) + (spec.timed() ? " for " + budget_time : " with " +
			spec.plan().trainings() + " trainings") + (slurm != null ? ", one SLURM job array per rung" : ""));
		result = TuneRun.run(new TuneRun.Request(spec, TaskSettings.differingFromDefaults(base), Output.fiji(dir, true),
			threads, slurm), new Tuner.Listener() {
			@Override
			public void finished(final Evaluation e, final int done, final int planned) {
				report(String.format(Locale.ROOT, "[%d/%d] config %d, rung %d: %s", done, planned, e.config(), e.rung(),
					e.status().equals(Evaluation.DONE) ? String.format(Locale.ROOT, "median validation nMSE %.5g", e.score()) : e.status()));
			}

			@Override
			public void note(final String message) {
				report(message);
			}

			@Override
			public boolean cancelled() {
				return progress().cancelled();
			}
		}, progress());
		final Evaluation w = result.search().winner();
		if (w != null) winner = String.format(Locale.ROOT, "config %d: %s (median validation nMSE %.5g)", w.config(),
			String.join(", ", w.values().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()), w.score());
		command = result.command();
		if (!result.search().complete()) fail("stopped before the end of the search; run again with the same folder to continue");
		else if (w == null) fail("no configuration trained without diverging; widen or move the search space");
		else if (Double.isNaN(result.bestTestNmse())) fail("the winner's full training did not finish; run again with the same folder");
		else report(String.format(Locale.ROOT, "winner %s; median test nMSE %.5f in %s", winner, result.bestTestNmse(), dir.resolve(TuneRun.BEST)));
	}

	public TuneRun.Result result() {
		return result;
	}

	public String winner() {
		return winner;
	}

	public String command() {
		return command;
	}
}
