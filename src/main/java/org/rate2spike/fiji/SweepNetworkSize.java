package org.rate2spike.fiji;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.jfree.chart.JFreeChart;
import org.rate2spike.app.Output;
import org.rate2spike.app.NetworkRuns;
import org.rate2spike.app.SweepRun;
import org.rate2spike.app.TrainRun;
import org.rate2spike.pipeline.TaskSettings;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.render.ChartImages;
import org.rate2spike.render.Charts;
import org.rate2spike.render.ResultTables;
import org.rate2spike.sweep.SlurmExecutor;
import org.rate2spike.sweep.SweepResult;
import org.rate2spike.sweep.SweepRunner;
import org.rate2spike.sweep.SweepSpec;
import org.rate2spike.sweep.SweepTable;
import org.rate2spike.task.ContextTask;
import org.rate2spike.task.IntegrationTask;
import org.rate2spike.task.OscillationTask;
import org.rate2spike.task.Tasks;
import org.rate2spike.util.ParameterException;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * The command line's {@code sweep} in Fiji: spiking networks of several sizes (and seeds) trained and tested, the
 * rate baseline, and the expansion factor N/Ñ; locally (resumable: the same folder skips finished points) or as a
 * SLURM job array. Run headless on a cluster with
 * {@code ImageJ-linux64 --headless --run "Sweep Network Size" "output_folder='…',executor='slurm',…"}.
 */
@Plugin(type = Command.class, menuPath = Rate2SpikeCommand.MENU + SweepNetworkSize.TITLE, headless = true)
public class SweepNetworkSize extends Rate2SpikeCommand {

	public static final String TITLE = "Sweep Network Size";
	/** Title of the results table window. */
	public static final String TABLE = "Rate2Spike sweep";

	@Parameter(label = "Task", description = "built-in task", choices = { OscillationTask.NAME, IntegrationTask.NAME,
		ContextTask.NAME, Tasks.REACH })
	private String task = OscillationTask.NAME;

	@Parameter(label = "Task's own settings", description = TASK_SETTINGS_DESCRIPTION, choices = { TrainingConfig.APPLY,
		TrainingConfig.ADVISE })
	private String task_settings = TrainingConfig.APPLY;

	@Parameter(label = "Neuron counts (N)", description = "comma-separated network sizes to train, e.g. 250,500,1000")
	private String neuron_counts = "250,500,1000";

	@Parameter(label = "Seeds", description = "comma-separated seeds; every size is trained once per seed")
	private String seeds = "1,2,3";

	@Parameter(label = "Rate units (Ñ)", description = "units of the driven rate network", min = "1", max = "100000", stepSize = "10")
	private int rate_units = 500;

	@Parameter(label = "Settling trials", description = "settling trials at the start of every phase", min = "0", max = "100000")
	private int trials_init = 50;

	@Parameter(label = "PCA trials", description = "trials whose teacher signal enters the PCA", min = "1", max = "100000")
	private int trials_pca = 300;

	@Parameter(label = "Demean trials", description = "trials that estimate each neuron's mean input", min = "1", max = "100000")
	private int trials_demean = 300;

	@Parameter(label = "RLS trials", description = "RLS training trials", min = "1", max = "100000")
	private int trials_rls = 500;

	@Parameter(label = "Test trials", description = "test trials per point; a point's score is their median nMSE", min = "1",
		max = "100000")
	private int trials_test = 100;

	@Parameter(label = "Tolerance (× baseline)", description = "the expansion factor takes the smallest N whose median nMSE is within this factor of the rate baseline's",
		min = "1", max = "1000", stepSize = "0.1")
	private double tolerance = 1.5;

	@Parameter(label = "Train the rate baseline", description = "also train and test the rate baseline (one per seed), which the expansion factor needs",
		required = false)
	private boolean baseline = true;

	@Parameter(label = "Output folder", description = "the sweep folder: sweep.csv, sweep.json, sweep.png; run again with the same folder to skip finished points",
		style = FileWidget.DIRECTORY_STYLE)
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

	@Parameter(label = "SLURM: wait and collect", description = "wait for the job array to finish, then collect its points into the table and plot (otherwise: submit and return the job id)",
		required = false)
	private boolean wait_for_jobs;

	@Parameter(label = "Open chart windows", description = "also show each plot in an interactive window (zoom, pan, save as PNG or SVG); needs a screen",
		required = false)
	private boolean chart_windows;

	@Parameter(label = "Network size vs error", type = ItemIO.OUTPUT)
	private ImagePlus sweep_plot;

	@Parameter(label = "Expansion factor", type = ItemIO.OUTPUT)
	private String expansion;

	@Parameter(label = "SLURM job id", type = ItemIO.OUTPUT)
	private String job_id;

	@Parameter(label = "Sweep table", type = ItemIO.OUTPUT)
	private ResultsTable sweep_table;
	private SweepResult result;

	@Override
	protected void execute() throws IOException {
		if (output_folder == null || output_folder.getPath().isBlank()) throw new ParameterException("output_folder", "is required: choose a folder");
		final Path dir = optionalFolder("output_folder", output_folder);
		final boolean onSlurm = SlurmFields.slurm(executor);
		final SweepSpec spec = spec();
		if (onSlurm) {
			final SlurmExecutor.Options options = SlurmFields.options(slurm_partition, slurm_time, slurm_cpus, slurm_mem_mb);
			job_id = SweepRun.submit(spec, TaskSettings.differingFromDefaults(spec.base()), Output.fiji(dir, true), options,
				this::report);
			final String submitted = job_id.isEmpty() ? "every point of this sweep is already finished in " + dir
				: String.format(Locale.ROOT, "submitted job array %s (%d tasks) for %s", job_id, spec.jobs().size(), dir);
			if (!wait_for_jobs) {
				report(submitted + (job_id.isEmpty() ? "" : "; collect with: java -jar rate2spike-cli.jar sweep --collect " + dir));
				return;
			}
			report(submitted + "; waiting for it");
			final SweepRun.Collected collected = SweepRun.collect(dir, true, progress());
			final List<SlurmExecutor.Missing> missing = collected.missing();
			show(collected.result(), dir);
			if (!missing.isEmpty()) fail(missing.size() + " of " + spec.jobs().size() + " tasks left no result, e.g. task " +
				missing.get(0).index() + " (" + missing.get(0).key() + "): " + missing.get(0).reason());
			return;
		}
		final SweepResult r = SweepRun.run(new SweepRun.Request(spec, TaskSettings.differingFromDefaults(spec.base()),
			Output.fiji(dir, true), threads), new SweepRunner.Listener() {

			@Override
			public void note(final String message) {
				report(message);
			}

			@Override
			public void started(final int total, final int already) {
				if (already == total) report("all " + total + " points already finished in " + dir);
				else if (already > 0) report(already + " of " + total + " points already finished in " + dir + "; running the rest");
			}

			@Override
			public void finished(final SweepTable.Row row, final int done, final int total) {
				report(String.format(Locale.ROOT, "[%d/%d] %s: %s", done, total, row.key(), row.done() ? String.format(
					Locale.ROOT, "median test nMSE %.5g", row.medianNmse()) : "FAILED " + row.message()));
			}

			@Override
			public boolean cancelled() {
				return progress().cancelled();
			}
		});
		show(r, dir);
		if (progress().cancelled()) fail("cancelled; " + r.done() + " of " + r.points() + " points finished are kept in " + dir +
			": run again with the same folder to continue");
		else if (r.failed() > 0) fail(r.failed() + " of " + r.points() + " points failed (see the message column of " +
			dir.resolve(SweepTable.FILE) + "); run again with the same folder to retry them");
	}

	/** The grid from the dialog, validated by the core. */
	private SweepSpec spec() {
		final TrainingConfig base = config(TrainingConfig.DEFAULTS); // task, rate_units and the trial counts
		Tasks.create(base.task(), base.rate().dt()); // an unknown task fails before any work
		final List<Long> seedList = new ArrayList<>();
		if (seeds != null) for (final String s : seeds.split(",")) if (!s.isBlank()) seedList.add(TrainingConfig.parseLong("seeds", s.trim()));
		final List<String> ns = new ArrayList<>();
		if (neuron_counts != null) for (final String n : neuron_counts.split(",")) if (!n.isBlank()) ns.add(n.trim());
		if (ns.isEmpty()) throw new ParameterException("neuron_counts", "needs at least one network size, e.g. 250,500,1000");
		for (final String n : ns) TrainingConfig.parseInt("neuron_counts", n);
		final Map<String, List<String>> axes = new LinkedHashMap<>();
		axes.put("neurons", ns);
		return new SweepSpec(base, axes, seedList, tolerance, baseline).validate();
	}

	/** The outputs and the sweep folder's summary files, as the command line's {@code sweep} writes them. */
	private void show(final SweepResult r, final Path dir) throws IOException {
		result = r;
		sweep_table = ResultTables.sweep(r, List.of("neurons"));
		Tables.publish(sweep_table, TABLE);
		expansion = String.join("\n", r.summaryLines());
		if (!r.curves().isEmpty()) {
			final JFreeChart chart = Charts.sweep(r);
			sweep_plot = ChartImages.image(chart, "Network size vs error (" + task + ")");
			if (chart_windows) showChart(chart, sweep_plot.getTitle());
		}
		report(String.format(Locale.ROOT, "%d of %d points done, %d failed; %s", r.done(), r.points(), r.failed(),
			expansion.isEmpty() ? "no curve yet" : expansion.replace('\n', ';')));
	}

	public ImagePlus sweepPlot() {
		return sweep_plot;
	}

	/** One row per point and rate baseline: the columns of sweep.csv. */
	public ResultsTable table() {
		return sweep_table;
	}

	public SweepResult result() {
		return result;
	}

	/** The rate baseline's nMSE and the expansion factor, one line each per curve. */
	public String expansion() {
		return expansion;
	}

	/** The SLURM job id ("" when every point was already finished; null for the local executor). */
	public String jobId() {
		return job_id;
	}
}
