package org.rate2spike.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rate2spike.baseline.BaselineStage;
import org.rate2spike.baseline.RateBaseline;
import org.rate2spike.io.BaselineFile;
import org.rate2spike.io.ExportFiles;
import org.rate2spike.io.Json;
import org.rate2spike.io.NetworkFile;
import org.rate2spike.io.Npz;
import org.rate2spike.io.ReadoutFile;
import org.rate2spike.io.RunFolder;
import org.rate2spike.protocol.CancelledException;
import org.rate2spike.protocol.Checkpoint;
import org.rate2spike.protocol.Export;
import org.rate2spike.protocol.Metrics;
import org.rate2spike.protocol.Pipeline;
import org.rate2spike.protocol.TargetsStage;
import org.rate2spike.protocol.ReadoutStage;
import org.rate2spike.protocol.TestResult;
import org.rate2spike.protocol.TestStage;
import org.rate2spike.protocol.TrainedNetwork;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.protocol.TrainingFailedException;
import org.rate2spike.readout.Readout;
import org.rate2spike.render.Charts;
import org.rate2spike.sweep.SlurmExecutor;
import org.rate2spike.sweep.SweepResult;
import org.rate2spike.sweep.SweepRunner;
import org.rate2spike.sweep.SweepSpec;
import org.rate2spike.sweep.SweepTable;
import org.rate2spike.readout.ReadoutOptions;
import org.rate2spike.rate.RateTargets;
import org.rate2spike.task.Task;
import org.rate2spike.task.Tasks;
import org.rate2spike.util.ParameterException;

/**
 * The headless command line: {@code train}, {@code test}, {@code info}. Thin: parses options into the core's
 * records, runs the core, writes the run folder. Bad input ends with a one-line message and exit status 2.
 */
public final class Main {

	static final String USAGE = String.join("\n",
		"Usage: java -jar rate2spike-cli.jar COMMAND [options]",
		"",
		"Commands:",
		"  train --task NAME --out DIR [--seed S] [--neurons N] [--rate-units M] [--trials I,P,D,R,T] [parameter options]",
		"        runs rate targets -> spiking training -> test, writes summary.json, targets.npz, network.npz and pictures",
		"        --checkpoint-every K: writes DIR/checkpoint.npz every K RLS trials (a partial network that can be resumed)",
		"  train --resume DIR/checkpoint.npz --out DIR2 [--checkpoint-every K]",
		"        continues a checkpointed training; the result is the same as an uninterrupted run",
		"  train --task data --targets FILE [--inputs FILE] [--factors FILE] --out DIR [options]",
		"        the same on your own data: tables (.csv, .tsv) or images (.tif); see the README",
		"  test  --network FILE --out DIR [--trials-test K] [--targets FILE ...]",
		"        tests a saved network on fresh trials of its task (a data network on the data its file keeps, or on",
		"        new data of the same shape given as to train: --targets FILE [--inputs FILE] [--factors FILE] ...)",
		"  readout --network FILE --out DIR [--signals output|derivative|shift:SECONDS|file:PATH] [--basis both|slow|fast]",
		"        [--basis-neurons trained|all] [--method ridge|rls] [--name NAME] [--trials-fit K] [--trials-heldout K]",
		"        [--folds K] [--overwrite] [--targets FILE ...]   (flags such as --overwrite need no value)",
		"        fits a named linear readout of a trained network and stores it in the network file",
		"  test  --network FILE --out DIR --readout NAME   tests with a named readout",
		"  sweep --task NAME --out DIR --neurons 250,500,1000 --seeds 1,2,3 [--threads K] [--tolerance 1.5]",
		"        [--baseline false] [any parameter as a comma-separated list becomes an axis]",
		"        trains and tests every grid point (resumable), with the rate baseline; writes sweep.csv/json/png",
		"        --executor slurm [--partition P] [--time 02:00:00] [--cpus-per-task 1] [--mem-per-task MB] [--sbatch LINE;LINE]",
		"        [--wait]: submits one job-array task per point with sbatch and prints the job id",
		"  sweep --collect DIR [--resubmit] [--wait]",
		"        merges finished SLURM tasks into sweep.csv/json/png, lists missing ones with the reason, resubmits them",
		"  sweep-task --dir DIR --index I   (the body of one array task)",
		"  baseline --task NAME --out DIR [--seed S] [--rate-units M] [--trials I,P,D,R,T] [--dt-rls K] [--rls-alpha A]",
		"        trains and tests the rate baseline (full-FORCE task network of Ñ tanh units); writes baseline.npz",
		"  export --network FILE --out DIR [--trials-test K] [--voltages 0,1,2] [--readout NAME] [--targets FILE ...]",
		"        runs test trials and exports spikes, rates, output/target traces and membrane potentials (CSV and .npz)",
		"  info  FILE",
		"        describes a saved network or targets file",
		"  macro FILE.ijm [ARGUMENT]",
		"        runs an ImageJ macro headless with the Rate2Spike Fiji commands (see macros/)",
		"",
		"  bench [--smoke] [--neurons 500,2000,5000,10000] [--trials K] [--protocol]",
		"        prints the machine's ceilings, the kernels' speed and each phase's wall time per simulated second",
		"Results already in --out are never overwritten unless --overwrite is given.",
		"",
		"Parameter options (every one has a default; --name value or --name=value):");

	/** Where train --checkpoint-every writes (and replaces) its checkpoint. */
	static final String CHECKPOINT = "checkpoint.npz";

	private Main() {}

	public static void main(final String[] args) {
		final ConsoleProgress progress = new ConsoleProgress(System.err, System.console() != null);
		final Thread main = Thread.currentThread();
		final Thread hook = new Thread(() -> { // Ctrl-C: stop at the end of the trial, keep what was trained, then exit
			progress.cancel();
			try {
				main.join(120_000);
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		});
		Runtime.getRuntime().addShutdownHook(hook);
		final int status = run(args, System.out, System.err, progress);
		if (!progress.cancelled()) {
			Runtime.getRuntime().removeShutdownHook(hook);
			System.exit(status);
		}
	}

	/** Runs one command; returns the exit status (0 ok, 1 failed or cancelled, 2 bad input). */
	static int run(final String[] args, final PrintStream out, final PrintStream err, final ConsoleProgress progress) {
		if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
			out.println(usage());
			return args.length == 0 ? 2 : 0;
		}
		try {
			final List<String> rest = List.of(args).subList(1, args.length);
			switch (args[0]) {
				case "train": return train(options(rest), out, err, progress);
				case "test": return test(options(rest), out, err, progress);
				case "info": return info(rest, out);
				case "readout": return readout(options(rest), out, progress);
				case "sweep": return sweep(options(rest), out, err, progress);
				case "sweep-task": return sweepTask(options(rest), out);
				case "baseline": return baseline(options(rest), out, progress);
				case "export": return export(options(rest), out, progress);
				case "bench": return bench(rest, out);
				case "macro": return org.rate2spike.fiji.MacroRunner.main(rest, err);
				default: throw new ParameterException("command", "unknown command '" + args[0] + "'; use train, test, readout, sweep, baseline, export, bench, info or macro (--help lists options)");
			}
		}
		catch (final ParameterException e) {
			err.println("error: " + e.getMessage());
			return 2;
		}
		catch (final CancelledException e) {
			err.println("cancelled: " + e.getMessage());
			return 1;
		}
		catch (final java.io.UncheckedIOException e) {
			err.println("error: " + e.getMessage());
			return 1;
		}
		catch (final TrainingFailedException e) {
			err.println("error: " + e.getMessage());
			return 1;
		}
		catch (final IOException e) {
			err.println("error: " + e.getMessage());
			return 1;
		}
		catch (final OutOfMemoryError e) {
			err.println("error: out of memory; give Java more heap (java -Xmx8g -jar ...) or use fewer neurons");
			return 1;
		}
	}

	static String usage() {
		final StringBuilder b = new StringBuilder(USAGE).append('\n');
		for (final Map.Entry<String, String> e : TrainingConfig.DESCRIPTIONS.entrySet())
			b.append(String.format("  --%-18s %s (default %s)%n", e.getKey().replace('_', '-'), e.getValue(),
				defaultOf(e.getKey())));
		b.append("  --out DIR             output folder (train, test)\n");
		b.append("  --network FILE        saved network (test)\n");
		b.append("Built-in tasks: ").append(Tasks.names());
		return b.toString();
	}

	private static Object defaultOf(final String key) {
		if (key.equals("trials")) return TrainingConfig.DEFAULTS.trials();
		return TrainingConfig.DEFAULTS.toMap().get(key);
	}

	/** --name value or --name=value pairs, in order. */
	static Map<String, String> options(final List<String> args) {
		final Map<String, String> m = new LinkedHashMap<>();
		for (int i = 0; i < args.size(); i++) {
			final String a = args.get(i);
			if (!a.startsWith("--") || a.length() < 3) throw new ParameterException(a, "is not an option; options look like --neurons 500");
			final int eq = a.indexOf('=');
			final String key = alias((eq > 0 ? a.substring(2, eq) : a.substring(2)).toLowerCase(Locale.ROOT).replace('-', '_'));
			final String value;
			if (eq > 0) value = a.substring(eq + 1);
			else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) value = args.get(++i);
			else value = "true"; // a flag such as --overwrite
			m.put(key, value);
		}
		return m;
	}

	/** Short spellings of the data task's files: --targets, --inputs, --factors. */
	private static String alias(final String key) {
		switch (key) {
			case "targets": case "inputs": case "factors": return "data_" + key;
			default: return key;
		}
	}

	/**
	 * The output folder. Results of an earlier run in it are never overwritten unless {@code --overwrite} is given:
	 * the check comes before any work, so nothing is computed only to be refused.
	 */
	private static Path outDir(final Map<String, String> o, final String... results) throws IOException {
		final String out = o.remove("out");
		if (out == null || out.isBlank()) throw new ParameterException("out", "is required: the folder for results, e.g. --out results");
		final Path dir = Path.of(out);
		if (Files.exists(dir) && !Files.isDirectory(dir)) throw new ParameterException("out", dir + " exists and is not a folder");
		final boolean overwrite = Boolean.parseBoolean(o.getOrDefault("overwrite", "false"));
		if (!overwrite) for (final String f : results)
			if (Files.exists(dir.resolve(f))) throw new ParameterException("out", dir + " already holds " + f +
				" from an earlier run; choose another folder or add --overwrite");
		Files.createDirectories(dir);
		return dir;
	}

	private static int train(final Map<String, String> o, final PrintStream out, final PrintStream err,
		final ConsoleProgress progress) throws IOException
	{
		final Path dir = outDir(o, RunFolder.SUMMARY, RunFolder.NETWORK, RunFolder.TARGETS);
		o.remove("overwrite");
		final int every = TrainingConfig.parseInt("checkpoint_every", o.getOrDefault("checkpoint_every", "0"));
		o.remove("checkpoint_every");
		if (every < 0) throw new ParameterException("checkpoint_every", "must be 0 (never) or a number of RLS trials (got " + every + ")");
		final Path checkpointFile = dir.resolve(CHECKPOINT);
		final Checkpoint.Schedule schedule = new Checkpoint.Schedule(every, c -> {
			try {
				NetworkFile.saveCheckpoint(c, checkpointFile);
			}
			catch (final IOException e) {
				throw new java.io.UncheckedIOException("could not write the checkpoint " + checkpointFile + ": " + e.getMessage(), e);
			}
		});
		final String resume = o.remove("resume");
		final Pipeline.Run run;
		if (resume != null) {
			if (!o.isEmpty()) throw new ParameterException(o.keySet().iterator().next(), "cannot be changed when resuming: " +
				"the checkpoint fixes every parameter (only --out, --checkpoint-every and --overwrite go with --resume)");
			final Checkpoint c = NetworkFile.loadCheckpoint(Path.of(resume));
			err.printf("Resuming '%s' after %d of %d RLS trials%n", c.network().targets().task(), c.trialsDone(),
				c.network().counts().rls());
			run = Pipeline.resume(c, progress, schedule);
		}
		else {
			TrainingConfig config = TrainingConfig.DEFAULTS;
			for (final Map.Entry<String, String> e : o.entrySet()) config = config.with(e.getKey(), e.getValue());
			config.validate();
			final Task task = Tasks.create(config.task(), config.rate().dt(), config.data()); // a bad task or file fails before any work
			final String advice = config.advice(task);
			if (advice != null) err.println("note: " + advice);
			err.printf("Training on '%s': N = %d, Ñ = %d, trials %s, seed %d%n", config.task(), config.spiking().neurons(),
				config.rate().units(), config.trials(), config.seed());
			run = Pipeline.train(config, progress, schedule);
		}
		RunFolder.writeTraining(dir, run);
		out.printf("pcs: %d (%.4f of the teacher's second moment)%n", run.targets().factors(),
			run.targets().basis().explained(run.targets().factors()));
		out.printf("mean rate during demean: %.2f Hz%n", run.network().log().demeanRateHz());
		out.println("wrote " + dir.resolve(RunFolder.SUMMARY) + " and " + dir.resolve(RunFolder.NETWORK));
		if (run.test() == null) {
			out.printf("%s; the partial network (%d RLS trials) is saved%n", run.network().log().note(), run.network().log().rlsTrialsDone());
			return 1;
		}
		printScores(run.test(), out);
		out.printf("median test nMSE: %.5f, mean firing rate: %.2f Hz%n", run.test().medianNmse(), run.test().meanRateHz());
		printDrift(run.test(), out);
		return 0;
	}

	private static int test(final Map<String, String> o, final PrintStream out, final PrintStream err,
		final ConsoleProgress progress) throws IOException
	{
		final Path dir = outDir(o, RunFolder.SUMMARY);
		o.remove("overwrite");
		final String file = o.remove("network");
		if (file == null) throw new ParameterException("network", "is required: a network file saved by train, e.g. --network results/network.npz");
		final TrainedNetwork net = NetworkFile.load(Path.of(file));
		int trials = net.counts().test();
		final String t = o.remove("trials_test");
		if (t != null) trials = TrainingConfig.DEFAULTS.with("trials_test", t).trials().test();
		final String readoutName = o.remove("readout");
		final Task task = taskOf(net, o);
		if (!o.isEmpty()) throw new ParameterException(o.keySet().iterator().next(), "is not an option of test; it takes " +
			"--network, --out, --trials-test and --readout (and for a data network, to test on new data, --targets, " +
			"--inputs, --factors, --sample-interval and --normalize as in training)");
		final Readout readout = readoutName == null ? null : ReadoutFile.get(Path.of(file), readoutName);
		final TestResult r = TestStage.run(net, task, trials, progress, readout);
		RunFolder.writeTest(dir, net, r);
		out.printf("mean firing rate: %.2f Hz%n", r.meanRateHz());
		printScores(r, out);
		out.printf("median test nMSE: %.5f%n", r.medianNmse());
		printDrift(r, out);
		return r.partial() ? 1 : 0;
	}

	private static int readout(final Map<String, String> o, final PrintStream out, final ConsoleProgress progress)
		throws IOException
	{
		final Path dir = outDir(o, "readout.json");
		final String file = o.remove("network");
		if (file == null) throw new ParameterException("network", "is required: a network file saved by train, e.g. --network results/network.npz");
		final boolean overwrite = Boolean.parseBoolean(o.getOrDefault("overwrite", "false"));
		o.remove("overwrite");
		final Map<String, String> data = dataOptions(o);
		ReadoutOptions opt = ReadoutOptions.DEFAULTS;
		for (final Map.Entry<String, String> e : o.entrySet()) {
			final String v = e.getValue();
			switch (e.getKey()) {
				case "name": case "readout_name": opt = opt.withName(v); break;
				case "signals": opt = opt.withSignals(v); break;
				case "basis": opt = opt.withTraces(v); break;
				case "basis_neurons": opt = opt.withNeurons(v); break;
				case "method": opt = opt.withMethod(v); break;
				case "trials_fit": opt = opt.withTrials(TrainingConfig.parseInt(e.getKey(), v), opt.heldoutTrials()); break;
				case "trials_heldout": opt = opt.withTrials(opt.fitTrials(), TrainingConfig.parseInt(e.getKey(), v)); break;
				case "folds": opt = opt.withFolds(TrainingConfig.parseInt(e.getKey(), v)); break;
				case "rls_alpha": opt = opt.withRlsAlpha(TrainingConfig.parseDouble(e.getKey(), v)); break;
				default: throw new ParameterException(e.getKey(), "is not an option of readout (see --help)");
			}
		}
		opt.validate();
		final Path network = Path.of(file);
		final TrainedNetwork net = NetworkFile.load(network);
		if (!overwrite && ReadoutFile.list(network).containsKey(opt.name())) throw new ParameterException("name", "readout '" +
			opt.name() + "' already exists in " + network + "; choose another --name or add --overwrite");
		final ReadoutStage.Result r = ReadoutStage.fit(net, taskOf(net, data), opt, progress);
		ReadoutFile.add(network, r.readout(), overwrite);
		RunFolder.writeReadout(dir, network, r);
		out.printf("readout '%s' (%s, basis %s/%s, signals %s) stored in %s%n", opt.name(), opt.method(), opt.traces(),
			opt.neurons(), opt.signals(), network);
		if (!Double.isNaN(r.readout().penalty())) out.printf("penalty: %.4g%n", r.readout().penalty());
		for (int c = 0; c < r.readout().channels(); c++)
			out.printf("channel %d: held-out nMSE %.5f, R² %.4f%n", c + 1, r.readout().heldoutNmse()[c], r.readout().heldoutR2()[c]);
		out.printf("median held-out nMSE: %.5f%n", r.medianHeldoutNmse());
		return 0;
	}

	private static int sweep(final Map<String, String> o, final PrintStream out, final PrintStream err,
		final ConsoleProgress progress) throws IOException
	{
		if (o.containsKey("collect")) return collect(o, out, err, progress);
		final String executor = o.getOrDefault("executor", "local");
		o.remove("executor");
		if (!executor.equals("local") && !executor.equals("slurm")) throw new ParameterException("executor", "must be local or slurm (got '" + executor + "')");
		final SlurmExecutor.Options slurm = slurmOptions(o);
		final boolean wait = Boolean.parseBoolean(o.getOrDefault("wait", "false"));
		o.remove("wait");
		final Path dir = outDir(o);
		final int threads = TrainingConfig.parseInt("threads", o.getOrDefault("threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
		o.remove("threads");
		final double tolerance = TrainingConfig.parseDouble("tolerance", o.getOrDefault("tolerance", "1.5"));
		o.remove("tolerance");
		final boolean baseline = Boolean.parseBoolean(o.getOrDefault("baseline", "true"));
		o.remove("baseline");
		final String seedText = o.getOrDefault("seeds", o.getOrDefault("seed", "1"));
		o.remove("seeds");
		o.remove("seed");
		final List<Long> seeds = new ArrayList<>();
		for (final String s : seedText.split(",")) seeds.add(TrainingConfig.parseLong("seeds", s));
		TrainingConfig base = TrainingConfig.DEFAULTS;
		final Map<String, List<String>> axes = new LinkedHashMap<>();
		for (final Map.Entry<String, String> e : o.entrySet()) {
			if (e.getValue().contains(",") && !e.getKey().equals("trials")) axes.put(e.getKey(), List.of(e.getValue().split(",")));
			else base = base.with(e.getKey(), e.getValue());
		}
		final SweepSpec spec = new SweepSpec(base, axes, seeds, tolerance, baseline).validate();
		if (executor.equals("slurm")) {
			final String id = SlurmExecutor.submit(spec, dir, slurm);
			if (id.isEmpty()) out.println("every point of this sweep is already finished in " + dir);
			else out.printf("submitted job array %s (%d tasks); collect with: sweep --collect %s%n", id, spec.jobs().size(), dir);
			if (!wait) return 0;
			SlurmExecutor.await(dir, progress);
			return collect(new LinkedHashMap<>(Map.of("collect", dir.toString())), out, err, progress);
		}
		err.printf("Sweep on '%s': %d points (%s × seeds %s), %d threads%n", base.task(), spec.points().size(), axes.keySet(),
			seeds, threads);
		final SweepResult r = SweepRunner.run(spec, dir, threads, new SweepRunner.Listener() {
			@Override
			public void started(final int total, final int already) {
				if (already > 0) err.printf("%d of %d already finished in %s; running the rest%n", already, total, dir);
			}

			@Override
			public void finished(final SweepTable.Row row, final int done, final int total) {
				err.printf("[%d/%d] %s: %s%n", done, total, row.key(), row.done() ? String.format(
					"median test nMSE %.5g (%.0f s)", row.medianNmse(), row.wallSeconds()) : "FAILED " + row.message());
			}

			@Override
			public boolean cancelled() {
				return progress.cancelled();
			}
		});
		report(dir, r, out);
		return progress.cancelled() || r.failed() > 0 ? 1 : 0;
	}

	private static SlurmExecutor.Options slurmOptions(final Map<String, String> o) {
		final SlurmExecutor.Options d = SlurmExecutor.Options.DEFAULTS;
		final String extra = o.remove("sbatch");
		final SlurmExecutor.Options s = new SlurmExecutor.Options(o.getOrDefault("partition", d.partition()),
			o.getOrDefault("time", d.time()), TrainingConfig.parseInt("cpus_per_task", o.getOrDefault("cpus_per_task", "" + d.cpus())),
			TrainingConfig.parseInt("mem_per_task", o.getOrDefault("mem_per_task", "" + d.memMb())),
			extra == null ? List.of() : List.of(extra.split(";")));
		o.remove("partition");
		o.remove("time");
		o.remove("cpus_per_task");
		o.remove("mem_per_task");
		return s.validate();
	}

	private static int collect(final Map<String, String> o, final PrintStream out, final PrintStream err,
		final ConsoleProgress progress) throws IOException
	{
		final Path dir = Path.of(o.remove("collect"));
		final boolean resubmit = Boolean.parseBoolean(o.getOrDefault("resubmit", "false"));
		o.remove("resubmit");
		final boolean wait = Boolean.parseBoolean(o.getOrDefault("wait", "false"));
		o.remove("wait");
		final SlurmExecutor.Options slurm = slurmOptions(o);
		if (!o.isEmpty()) throw new ParameterException(o.keySet().iterator().next(), "is not an option of sweep --collect");
		if (wait) SlurmExecutor.await(dir, progress);
		final List<SlurmExecutor.Missing> missing = SlurmExecutor.collect(dir);
		final SweepResult r = SlurmExecutor.result(dir);
		for (final SlurmExecutor.Missing m : missing) err.printf("missing %d (%s): %s%n", m.index(), m.key(), m.reason());
		report(dir, r, out);
		if (resubmit && !missing.isEmpty()) {
			final String id = SlurmExecutor.resubmit(dir, slurm);
			out.printf("resubmitted %d tasks as job array %s%n", missing.size(), id);
		}
		return missing.isEmpty() ? 0 : 1;
	}

	private static int sweepTask(final Map<String, String> o, final PrintStream out) throws IOException {
		final String dir = o.remove("dir");
		if (dir == null) throw new ParameterException("dir", "is required: the sweep folder");
		final int index = TrainingConfig.parseInt("index", o.getOrDefault("index", "-1"));
		try {
			final SweepTable.Row r = SlurmExecutor.runTask(Path.of(dir), index);
			out.printf("task %d (%s): %s%n", index, r.key(), r.done() ? "median test nMSE " + r.medianNmse() : "failed: " + r.message());
			return r.done() ? 0 : 1;
		}
		catch (final IOException | RuntimeException e) {
			throw e;
		}
		catch (final Exception e) {
			throw new IOException(e.getMessage(), e);
		}
	}

	private static void report(final Path dir, final SweepResult r, final PrintStream out) throws IOException {
		r.write(dir);
		out.printf("%d of %d points done, %d failed; wrote %s%n", r.done(), r.points(), r.failed(), dir.resolve(SweepTable.FILE));
		r.summaryLines().forEach(out::println);
	}

	private static int baseline(final Map<String, String> o, final PrintStream out, final ConsoleProgress progress)
		throws IOException
	{
		final Path dir = outDir(o, "baseline.npz", RunFolder.SUMMARY);
		o.remove("overwrite");
		TrainingConfig c = TrainingConfig.DEFAULTS;
		for (final Map.Entry<String, String> e : o.entrySet()) c = c.with(e.getKey(), e.getValue());
		c.validate();
		final Task task = Tasks.create(c.task(), c.rate().dt());
		final RateTargets targets = TargetsStage.run(task, c.rate(), c.trials(), c.seed(), progress);
		final RateBaseline b = BaselineStage.train(targets, task, c.trials().init(), c.trials().rls(),
			c.spiking().rlsInterval(), c.spiking().rlsRegularizer(), c.seed(), progress);
		BaselineFile.save(b, dir.resolve("baseline.npz"));
		final double[] test = BaselineStage.test(b, task, c.trials().test(), progress, null);
		final Map<String, Object> s = new LinkedHashMap<>(c.toMap());
		s.put("pcs", targets.factors());
		s.put("test_nmse", test);
		s.put("median_test_nmse", Metrics.median(test));
		s.put("training_nmse", b.trainingNmse());
		Json.write(dir.resolve(RunFolder.SUMMARY), s);
		out.println("wrote " + dir.resolve("baseline.npz"));
		out.printf("rate baseline median test nMSE: %.3g%n", Metrics.median(test));
		return 0;
	}

	private static int export(final Map<String, String> o, final PrintStream out, final ConsoleProgress progress)
		throws IOException
	{
		final Path dir = outDir(o, "export.npz", "spikes.csv");
		o.remove("overwrite");
		final String file = o.remove("network");
		if (file == null) throw new ParameterException("network", "is required: a network file saved by train, e.g. --network results/network.npz");
		final TrainedNetwork net = NetworkFile.load(Path.of(file));
		final int trials = TrainingConfig.parseInt("trials_test", o.getOrDefault("trials_test", "3"));
		o.remove("trials_test");
		final String v = o.remove("voltages");
		final int[] neurons = v == null || v.isBlank() ? new int[0]
			: java.util.Arrays.stream(v.split(",")).mapToInt(x -> TrainingConfig.parseInt("voltages", x)).toArray();
		final String name = o.remove("readout");
		final Task task = taskOf(net, o);
		if (!o.isEmpty()) throw new ParameterException(o.keySet().iterator().next(), "is not an option of export (see --help)");
		final Readout readout = name == null ? null : ReadoutFile.get(Path.of(file), name);
		final Export.Data d = Export.run(net, task, trials, neurons, readout, progress);
		ExportFiles.write(dir, d);
		out.printf("exported %d test trials (%d spikes) to %s%n", d.result().trials(), d.result().spikeNeuron().length, dir);
		return 0;
	}

	/** The data task's options among {@code o}, removed from it. */
	private static Map<String, String> dataOptions(final Map<String, String> o) {
		final Map<String, String> m = new LinkedHashMap<>();
		for (final String key : List.of("data_targets", "data_inputs", "data_factors", "sample_interval", "normalize")) {
			final String v = o.remove(key);
			if (v != null) m.put(key, v);
		}
		return m;
	}

	/**
	 * The task of a saved network (test, readout, export): for a data network the data its file keeps, or the data
	 * options among {@code o} (removed from it) when they name a targets file.
	 */
	private static Task taskOf(final TrainedNetwork net, final Map<String, String> o) {
		TrainingConfig c = TrainingConfig.DEFAULTS;
		for (final Map.Entry<String, String> e : dataOptions(o).entrySet()) c = c.with(e.getKey(), e.getValue());
		return Pipeline.taskOf(net.targets(), c.data().validate());
	}

	private static int bench(final List<String> args, final PrintStream out) {
		org.rate2spike.bench.Benchmark.run(org.rate2spike.bench.Benchmark.parse(args), out);
		return 0;
	}

	private static void printDrift(final TestResult r, final PrintStream out) {
		if (r.driftWarning() != null) out.println("warning: " + r.driftWarning());
	}

	/** The task's scores and, for tasks with several conditions, the median test nMSE of each condition. */
	private static void printScores(final TestResult r, final PrintStream out) {
		for (final Map.Entry<String, Object> e : r.scores().entrySet()) {
			if (e.getValue() instanceof Number n) out.printf("%s: %.5f%n", e.getKey().replace('_', ' '), n.doubleValue());
			else if (e.getValue() instanceof List<?> list) for (final Object o : list)
				if (o instanceof Map<?, ?> c) out.printf("condition %s: median test nMSE %.5f (%s trials)%n", c.get("condition"),
					((Number) c.get("median_test_nmse")).doubleValue(), c.get("trials"));
		}
	}

	private static int info(final List<String> args, final PrintStream out) throws IOException {
		if (args.size() != 1) throw new ParameterException("file", "info takes one file: info results/network.npz");
		final Path file = Path.of(args.get(0));
		final Npz.Contents c = Npz.read(file);
		if (!c.texts().containsKey("meta.json")) throw new org.rate2spike.io.FileFormatException(file, "has no meta.json entry: it is not a Rate2Spike file");
		out.println(file + ":");
		out.println(Json.write(Json.parse(file, c.text("meta.json"))));
		final List<String> arrays = new ArrayList<>();
		c.arrays().forEach((name, a) -> arrays.add(String.format("  %-22s %s %s", name, a.doubles() != null ? "float64" : "int32",
			java.util.Arrays.toString(a.shape()))));
		out.println("arrays:");
		arrays.forEach(out::println);
		return 0;
	}
}
