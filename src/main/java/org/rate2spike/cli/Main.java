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

import org.rate2spike.io.Json;
import org.rate2spike.io.NetworkFile;
import org.rate2spike.io.Npz;
import org.rate2spike.io.RunFolder;
import org.rate2spike.protocol.CancelledException;
import org.rate2spike.protocol.Pipeline;
import org.rate2spike.protocol.TestResult;
import org.rate2spike.protocol.TestStage;
import org.rate2spike.protocol.TrainedNetwork;
import org.rate2spike.protocol.TrainingConfig;
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
		"  train --task data --targets FILE [--inputs FILE] [--factors FILE] --out DIR [options]",
		"        the same on your own data: tables (.csv, .tsv) or images (.tif); see the README",
		"  test  --network FILE --out DIR [--trials-test K] [--targets FILE ...]",
		"        tests a saved network on fresh trials of its task",
		"  info  FILE",
		"        describes a saved network or targets file",
		"",
		"Parameter options (every one has a default; --name value or --name=value):");

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
				default: throw new ParameterException("command", "unknown command '" + args[0] + "'; use train, test or info (--help lists options)");
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
			else if (i + 1 < args.size()) value = args.get(++i);
			else throw new ParameterException(key, "needs a value, e.g. --" + key.replace('_', '-') + " 1");
			m.put(key, value);
		}
		return m;
	}

	/** Short spellings of the data task's files: --targets, --inputs, --factors. */
	private static String alias(final String key) {
		switch (key) {
			case "targets": case "inputs": case "factors": return key + "_file";
			default: return key;
		}
	}

	private static Path outDir(final Map<String, String> o) throws IOException {
		final String out = o.remove("out");
		if (out == null || out.isBlank()) throw new ParameterException("out", "is required: the folder for results, e.g. --out results");
		final Path dir = Path.of(out);
		if (Files.exists(dir) && !Files.isDirectory(dir)) throw new ParameterException("out", dir + " exists and is not a folder");
		Files.createDirectories(dir);
		return dir;
	}

	private static int train(final Map<String, String> o, final PrintStream out, final PrintStream err,
		final ConsoleProgress progress) throws IOException
	{
		final Path dir = outDir(o);
		TrainingConfig config = TrainingConfig.DEFAULTS;
		for (final Map.Entry<String, String> e : o.entrySet()) config = config.with(e.getKey(), e.getValue());
		config.validate();
		Tasks.create(config.task(), config.rate().dt(), config.data()); // fail on a bad task or data file before any work
		err.printf("Training on '%s': N = %d, Ñ = %d, trials %s, seed %d%n", config.task(), config.spiking().neurons(),
			config.rate().units(), config.trials(), config.seed());
		final Pipeline.Run run = Pipeline.train(config, progress);
		RunFolder.writeTraining(dir, run);
		out.printf("pcs: %d (%.4f of the teacher's second moment)%n", run.targets().factors(),
			run.targets().basis().explained(run.targets().factors()));
		out.printf("mean rate during demean: %.2f Hz%n", run.network().log().demeanRateHz());
		out.println("wrote " + dir.resolve(RunFolder.SUMMARY) + " and " + dir.resolve(RunFolder.NETWORK));
		if (run.test() == null) {
			out.printf("training cancelled after %d RLS trials; the partial network is saved%n", run.network().log().rlsTrialsDone());
			return 1;
		}
		out.printf("mean firing rate: %.2f Hz%n", run.test().meanRateHz());
		printScores(run.test(), out);
		out.printf("median test nMSE: %.5f%n", run.test().medianNmse());
		return 0;
	}

	private static int test(final Map<String, String> o, final PrintStream out, final PrintStream err,
		final ConsoleProgress progress) throws IOException
	{
		final Path dir = outDir(o);
		final String file = o.remove("network");
		if (file == null) throw new ParameterException("network", "is required: a network file saved by train, e.g. --network results/network.npz");
		final TrainedNetwork net = NetworkFile.load(Path.of(file));
		int trials = net.counts().test();
		final String t = o.remove("trials_test");
		if (t != null) trials = TrainingConfig.DEFAULTS.with("trials_test", t).trials().test();
		TrainingConfig data = TrainingConfig.DEFAULTS; // the data task's files, as given to train
		for (final String key : List.of("targets_file", "inputs_file", "factors_file", "sample_interval", "normalize")) {
			final String v = o.remove(key);
			if (v != null) data = data.with(key, v);
		}
		if (!o.isEmpty()) throw new ParameterException(o.keySet().iterator().next(), "is not an option of test; it takes " +
			"--network, --out and --trials-test (and for the data task the same --targets, --inputs, --factors, " +
			"--sample-interval and --normalize as in training)");
		final TestResult r = TestStage.run(net, Tasks.create(net.targets().task(), net.targets().params().dt(),
			data.data().validate()), trials, progress);
		RunFolder.writeTest(dir, net, r);
		out.printf("mean firing rate: %.2f Hz%n", r.meanRateHz());
		printScores(r, out);
		out.printf("median test nMSE: %.5f%n", r.medianNmse());
		return r.partial() ? 1 : 0;
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
