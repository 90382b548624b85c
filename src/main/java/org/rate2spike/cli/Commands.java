package org.rate2spike.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.rate2spike.app.BaselineRun;
import org.rate2spike.app.NetworkRuns;
import org.rate2spike.app.Output;
import org.rate2spike.app.TrainRun;
import org.rate2spike.format.Json;
import org.rate2spike.io.ExportFiles;
import org.rate2spike.format.Npz;
import org.rate2spike.app.RunFolder;
import org.rate2spike.protocol.TestResult;
import org.rate2spike.pipeline.TaskSettings;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.readout.ReadoutOptions;
import org.rate2spike.task.DataOptions;
import org.rate2spike.util.ParameterException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * The subcommands. Each translates its options into a request of the application layer ({@code org.rate2spike.app})
 * and prints the result; none assembles stages itself. The training parameters come from
 * {@link TrainingConfig#TABLE} (added in {@link Main#commandLine}), so every command that makes a task accepts
 * exactly the task and data options {@code train} accepts.
 */
final class Commands {

	private Commands() {}

	/** What every command that writes a folder has. */
	abstract static class Writing implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Option(names = "--out", paramLabel = "DIR", description = "folder for the results (created when missing)")
		Path out;

		@Option(names = "--overwrite", arity = "0..1", paramLabel = "true|false",
			description = "replace results of an earlier run in --out (and a readout of the same name)")
		boolean overwrite;

		final Console console;

		Writing(final Console console) {
			this.console = console;
		}

		Output output() {
			if (out == null || out.toString().isBlank()) throw new ParameterException("out", "is required: the folder for results, e.g. --out results");
			return Output.cli(out, overwrite);
		}

		/** The table parameters given on the command line, by name. */
		Map<String, String> given() {
			return TableOptions.given(spec.commandLine().getParseResult());
		}

		/** The defaults with every given training parameter applied (not yet validated). */
		TrainingConfig config() {
			TrainingConfig c = TrainingConfig.DEFAULTS;
			for (final Map.Entry<String, String> e : given().entrySet())
				if (TrainingConfig.TABLE.find(e.getKey()) != null || e.getKey().equals(TrainingConfig.TRIALS)) c = c.with(e.getKey(), e.getValue());
			return c;
		}

		/** The data options given (for commands on a saved network). */
		DataOptions data() {
			return config().data();
		}
	}

	@Command(name = "train", sortOptions = false, description = {
		"Rate targets -> spiking training -> test; writes summary.json, targets.npz, network.npz and pictures to --out.",
		"On your own data: --task data --targets FILE [--inputs FILE] [--factors FILE] (tables .csv/.tsv or images .tif)." })
	static final class Train extends Writing {

		@Option(names = "--checkpoint-every", paramLabel = "K", description = "write --out/checkpoint.npz every K RLS trials " +
			"(a partial network that --resume continues). Default 0: never.")
		int checkpointEvery;

		@Option(names = "--baseline", arity = "0..1", paramLabel = "true|false", description = "also train and test the rate " +
			"baseline on the same targets (writes baseline.npz; its error enters the decomposition; costs about one more training)")
		boolean baseline;

		@Option(names = "--resume", paramLabel = "FILE", description = "continue a checkpointed training; the result is the same " +
			"as an uninterrupted run (only --out, --checkpoint-every and --overwrite go with it)")
		Path resume;

		Train(final Console console) {
			super(console);
		}

		@Override
		public Integer call() throws IOException {
			final TrainRun.Result r;
			if (resume != null) {
				if (!given().isEmpty()) throw new ParameterException(given().keySet().iterator().next(), "cannot be changed when resuming: " +
					"the checkpoint fixes every parameter (only --out, --checkpoint-every and --overwrite go with --resume)");
				if (baseline) throw new ParameterException("baseline", "cannot go with --resume; run the baseline command with the " +
					"training's options instead");
				r = TrainRun.resume(resume, output(), checkpointEvery, console.progress());
			}
			else {
				final TrainingConfig c = config().validate();
				r = TrainRun.run(new TrainRun.Request(c, TaskSettings.given(given().keySet()), null, output(), checkpointEvery,
					baseline), console.progress());
			}
			final var run = r.run();
			final var out = console.out();
			out.printf("pcs: %d (%.4f of the teacher's second moment)%n", run.targets().factors(),
				run.targets().basis().explained(run.targets().factors()));
			out.printf("mean rate during demean: %.2f Hz%n", run.network().log().demeanRateHz());
			out.println("wrote " + r.dir().resolve(RunFolder.SUMMARY) + " and " + r.dir().resolve(RunFolder.NETWORK));
			if (run.test() == null) {
				out.printf("%s; the partial network (%d RLS trials) is saved%n", run.network().log().note(), run.network().log().rlsTrialsDone());
				return 1;
			}
			if (run.test().isDiverged()) {
				out.printf("the test diverged after %d trials: %s; no test score is reported%n", run.test().trials(), run.test().diverged());
				return 1;
			}
			console.printScores(run.test());
			r.decomposition().lines().forEach(out::println);
			console.printSpikeTrains(run.test());
			console.printPopulations(run.test(), org.rate2spike.spiking.Populations.of(run.network().params()));
			out.printf("median test nMSE: %.5f, mean firing rate: %.2f Hz%n", run.test().medianNmse(), run.test().meanRateHz());
			console.printDrift(run.test());
			return 0;
		}
	}

	/** What the commands on a saved network share. */
	abstract static class OnNetwork extends Writing {

		@Option(names = "--network", paramLabel = "FILE", description = "a network file saved by train, e.g. results/network.npz")
		Path network;

		OnNetwork(final Console console) {
			super(console);
		}

		NetworkRuns.Source source() {
			return new NetworkRuns.Source(network, data());
		}
	}

	@Command(name = "test", sortOptions = false, description = {
		"Tests a saved network on fresh trials of its task; writes summary.json and pictures to --out.",
		"A data network tests on the data its file keeps, or on new data of the same shape given as to train." })
	static final class Test extends OnNetwork {

		@Option(names = "--trials-test", paramLabel = "N", description = "test trials. Default: as many as after training.")
		int trials;

		@Option(names = "--readout", paramLabel = "NAME", description = "test with a named readout stored by the readout command")
		String readout;

		Test(final Console console) {
			super(console);
		}

		@Override
		public Integer call() throws IOException {
			final NetworkRuns.TestOutcome o = NetworkRuns.test(new NetworkRuns.TestRequest(source(), output(), trials, readout),
				console.progress());
			final TestResult r = o.test();
			if (r.isDiverged()) {
				console.out().printf("the test diverged after %d trials: %s; no test score is reported%n", r.trials(), r.diverged());
				return 1;
			}
			console.out().printf("mean firing rate: %.2f Hz%n", r.meanRateHz());
			console.printScores(r);
			o.decomposition().lines().forEach(console.out()::println);
			console.printSpikeTrains(r);
			console.printPopulations(r, org.rate2spike.spiking.Populations.of(o.network().params()));
			console.out().printf("median test nMSE: %.5f%n", r.medianNmse());
			console.printDrift(r);
			return r.partial() ? 1 : 0;
		}
	}

	@Command(name = "readout", sortOptions = false, description = {
		"Fits a named linear readout of a trained network's traces and stores it in the network file;",
		"writes readout.json and pictures to --out." })
	static final class Readout extends OnNetwork {

		Readout(final Console console) {
			super(console);
		}

		@Override
		public Integer call() throws IOException {
			ReadoutOptions opt = ReadoutOptions.DEFAULTS;
			for (final Map.Entry<String, String> e : given().entrySet())
				if (ReadoutOptions.TABLE.find(e.getKey()) != null) opt = opt.with(e.getKey(), e.getValue());
			final NetworkRuns.ReadoutOutcome o = NetworkRuns.readout(new NetworkRuns.ReadoutRequest(source(), output(), opt),
				console.progress());
			final var r = o.fit();
			final var out = console.out();
			out.printf("readout '%s' (%s, basis %s/%s, signals %s) stored in %s%n", opt.name(), opt.method(), opt.traces(),
				opt.neurons(), opt.signals(), network);
			if (!Double.isNaN(r.readout().penalty())) out.printf("penalty: %.4g%n", r.readout().penalty());
			for (int c = 0; c < r.readout().channels(); c++)
				out.printf("channel %d: held-out nMSE %.5f, R² %.4f%n", c + 1, r.readout().heldoutNmse()[c], r.readout().heldoutR2()[c]);
			out.printf("median held-out nMSE: %.5f%n", r.medianHeldoutNmse());
			return 0;
		}
	}

	@Command(name = "export", sortOptions = false, description = {
		"Runs test trials and exports spikes, rates, output/target traces and membrane potentials",
		"(CSV and .npz, or an NWB 2.x file with --format nwb)." })
	static final class Export extends OnNetwork {

		@Option(names = "--format", paramLabel = "F", description = "csv (spikes.csv, rates.csv, traces.csv, export.npz), " +
			"nwb (export.nwb) or all. Default csv.")
		String format = "csv";

		@Option(names = "--trials-test", paramLabel = "N", description = "test trials to export. Default 3.")
		int trials = 3;

		@Option(names = "--voltages", split = ",", paramLabel = "I[,…]", description = "neurons whose membrane potentials are recorded, e.g. 0,1,2")
		int[] voltages = new int[0];

		@Option(names = "--readout", paramLabel = "NAME", description = "export with a named readout")
		String readout;

		Export(final Console console) {
			super(console);
		}

		@Override
		public Integer call() throws IOException {
			final NetworkRuns.ExportOutcome o = NetworkRuns.export(new NetworkRuns.ExportRequest(source(), output(), trials,
				voltages, readout, ExportFiles.Format.parse(format)), console.progress());
			console.out().printf("exported %d test trials (%d spikes) to %s%n", o.data().result().trials(),
				o.data().result().spikeNeuron().length, o.dir());
			return 0;
		}
	}

	@Command(name = "baseline", sortOptions = false, description = {
		"Trains and tests the rate baseline (full-FORCE task network of Ñ tanh units on the same targets);",
		"writes baseline.npz and summary.json to --out." })
	static final class Baseline extends Writing {

		Baseline(final Console console) {
			super(console);
		}

		@Override
		public Integer call() throws IOException {
			final BaselineRun.Result r = BaselineRun.run(new BaselineRun.Request(config(), TaskSettings.given(given().keySet()),
				output()), console.progress());
			console.out().println("wrote " + r.dir().resolve(BaselineRun.FILE));
			if (r.outcome().test() == null) {
				console.out().println("cancelled during training; the partial baseline is saved");
				return 1;
			}
			console.out().printf("rate baseline median test nMSE: %.3g%n", r.medianTestNmse());
			return 0;
		}
	}

	@Command(name = "info", description = "Describes a saved network, targets or baseline file.")
	static final class Info implements Callable<Integer> {

		@Parameters(paramLabel = "FILE", description = "a .npz file written by Rate2Spike")
		Path file;

		final Console console;

		Info(final Console console) {
			this.console = console;
		}

		@Override
		public Integer call() throws IOException {
			final Npz.Contents c = Npz.read(file, org.rate2spike.io.TargetsFile.guard(file));
			if (!c.texts().containsKey("meta.json")) throw new org.rate2spike.format.FileFormatException(file, "has no meta.json entry: it is not a Rate2Spike file");
			final var out = console.out();
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

	@Command(name = "macro", description = "Runs an ImageJ macro headless with the Rate2Spike Fiji commands (see macros/).")
	static final class Macro implements Callable<Integer> {

		@Parameters(arity = "1..2", paramLabel = "FILE.ijm [ARGUMENT]", description = "the macro file and its optional argument")
		List<String> args;

		final Console console;

		Macro(final Console console) {
			this.console = console;
		}

		@Override
		public Integer call() {
			return org.rate2spike.fiji.MacroRunner.main(args, console.err());
		}
	}

	@Command(name = "bench", description = {
		"Prints the machine's ceilings, the kernels' speed and each phase's wall time per simulated second.",
		"Options: [--smoke] [--neurons 500,2000,5000,10000] [--trials K] [--protocol]" })
	static final class Bench implements Callable<Integer> {

		@Unmatched
		List<String> args = new ArrayList<>();

		final Console console;

		Bench(final Console console) {
			this.console = console;
		}

		@Override
		public Integer call() {
			org.rate2spike.bench.Benchmark.run(org.rate2spike.bench.Benchmark.parse(args), console.out());
			return 0;
		}
	}

	/** Name → value of the options among {@code given} that are not axes (no comma), for the sweep's base. */
	static Map<String, String> single(final Map<String, String> given) {
		final Map<String, String> m = new LinkedHashMap<>();
		given.forEach((k, v) -> {
			if (!v.contains(",") || k.equals(TrainingConfig.TRIALS)) m.put(k, v);
		});
		return m;
	}
}
