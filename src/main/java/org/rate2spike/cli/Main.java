package org.rate2spike.cli;

import org.rate2spike.format.FileFormatException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;

import org.rate2spike.protocol.CancelledException;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.protocol.TrainingFailedException;
import org.rate2spike.readout.ReadoutOptions;
import org.rate2spike.util.ParameterException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The headless command line. Thin: picocli parses, each subcommand ({@link Commands}) makes a request of the
 * application layer and prints its result. Exit status: 0 done, 1 failed or cancelled, 2 bad input (one line naming
 * the parameter and the fix, never a stack trace).
 */
public final class Main {

	@Command(name = "java -jar rate2spike-cli.jar", mixinStandardHelpOptions = true, versionProvider = Version.class,
		description = { "Trains recurrent networks of spiking neurons with targets from a rate network " +
			"(DePasquale, Churchland & Abbott, arXiv 1601.07620).", "Results already in --out are never overwritten unless " +
			"--overwrite is given. COMMAND --help lists a command's options with defaults and limits." },
		footer = { "", "Built-in tasks: oscillation, integration, context, reach, and data (your own tables or images)." })
	static final class Top implements Runnable {

		@Override
		public void run() {
			throw new CommandLine.ParameterException(new CommandLine(this), "a command is required");
		}
	}

	/** The version of the jar, as Maven wrote it into the manifest. */
	static final class Version implements IVersionProvider {

		@Override
		public String[] getVersion() {
			final String v = Main.class.getPackage().getImplementationVersion();
			return new String[] { "Rate2Spike " + (v == null ? "(development build)" : v),
				"Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")" };
		}
	}

	private Main() {}

	public static void main(final String[] args) {
		// the HDF5 writer logs through SLF4J, which the command line leaves without a provider: no notice of that on stderr
		if (System.getProperty("slf4j.internal.verbosity") == null) System.setProperty("slf4j.internal.verbosity", "ERROR");
		final ConsoleProgress progress = new ConsoleProgress(System.err, System.console() != null);
		final java.util.concurrent.atomic.AtomicInteger signal = new java.util.concurrent.atomic.AtomicInteger();
		final boolean handled = onSignals(progress, signal);
		final Thread main = Thread.currentThread();
		final Thread hook = handled ? null : new Thread(() -> { // without signal handlers: stop via the shutdown hook
			progress.cancel();
			try {
				main.join(120_000);
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		});
		if (hook != null) Runtime.getRuntime().addShutdownHook(hook);
		int status = run(args, System.out, System.err, progress);
		if (signal.get() != 0) { // 128 + the signal's number, as shells report
			System.err.println("cancelled by SIG" + (signal.get() == 2 ? "INT" : "TERM") + " at the end of a trial; " + progress.kept());
			status = 128 + signal.get();
		}
		if (hook == null || !progress.cancelled()) {
			if (hook != null) Runtime.getRuntime().removeShutdownHook(hook);
			System.exit(status);
		}
	}

	/**
	 * Ctrl-C (SIGINT) and SIGTERM cancel the run instead of shutting the JVM down, so that the run stops at the end of
	 * its trial and writes its files normally (no shutdown hook involved: libraries that register their own hooks, as
	 * image writers do, would fail during a shutdown). A second signal stops at once. False when the JVM does not offer
	 * signal handlers (then a shutdown hook cancels, as best it can).
	 */
	private static boolean onSignals(final ConsoleProgress progress, final java.util.concurrent.atomic.AtomicInteger signal) {
		try {
			for (final String name : new String[] { "INT", "TERM" }) {
				final int number = name.equals("INT") ? 2 : 15;
				sun.misc.Signal.handle(new sun.misc.Signal(name), s -> {
					if (!signal.compareAndSet(0, number)) Runtime.getRuntime().halt(128 + number);
					System.err.println("\nstopping at the end of this trial (SIG" + name + " again stops at once) ...");
					progress.cancel();
				});
			}
			return true;
		}
		catch (final Throwable e) { // IllegalArgumentException when the signal is taken (e.g. -Xrs), or no sun.misc
			return false;
		}
	}

	/** The command line with every subcommand; the training parameters come from {@link TrainingConfig#TABLE}. */
	static CommandLine commandLine(final Console console) {
		return commandLine(console, null);
	}

	/** The subcommands, in the order of the usage message. */
	private static final Class<?>[] COMMANDS = { Commands.Train.class, Commands.Test.class, Commands.Readout.class,
		SweepCommands.Sweep.class, SweepCommands.Task.class, TuneCommands.Tune.class, Commands.Baseline.class, Commands.Export.class,
		Commands.Info.class, Commands.Macro.class, Commands.Bench.class };

	/**
	 * As above, but with {@code only} (a subcommand's name, or null for all) only that subcommand: building the model of
	 * every subcommand and its option tables by reflection is most of the command line's start-up cost (about 0.8 CPU-s),
	 * and a run uses one.
	 */
	static CommandLine commandLine(final Console console, final String only) {
		final java.util.function.Predicate<Class<?>> wanted = c -> only == null || only.equals(name(c));
		final CommandLine top = new CommandLine(new Top());
		if (wanted.test(Commands.Train.class)) add(top, new Commands.Train(console), true, false, false);
		if (wanted.test(Commands.Test.class)) add(top, new Commands.Test(console), false, true, false);
		if (wanted.test(Commands.Readout.class)) add(top, new Commands.Readout(console), false, true, true);
		if (wanted.test(SweepCommands.Sweep.class)) add(top, new SweepCommands.Sweep(console), true, false, false);
		if (wanted.test(SweepCommands.Task.class)) add(top, new SweepCommands.Task(console), false, false, false);
		if (wanted.test(TuneCommands.Tune.class)) add(top, new TuneCommands.Tune(console), true, false, false);
		if (wanted.test(Commands.Baseline.class)) add(top, new Commands.Baseline(console), true, false, false);
		if (wanted.test(Commands.Export.class)) add(top, new Commands.Export(console), false, true, false);
		if (wanted.test(Commands.Info.class)) addPlain(top, new Commands.Info(console));
		if (wanted.test(Commands.Macro.class)) addPlain(top, new Commands.Macro(console));
		if (wanted.test(Commands.Bench.class)) {
			final CommandLine bench = addPlain(top, new Commands.Bench(console));
			bench.setUnmatchedArgumentsAllowed(true).setUnmatchedOptionsArePositionalParams(true);
		}
		top.addSubcommand(new CommandLine.HelpCommand());
		top.setUsageHelpWidth(100).setCaseInsensitiveEnumValuesAllowed(true).setOptionsCaseInsensitive(true).setOverwrittenOptionsAllowed(true);
		top.setOut(new PrintWriter(console.out(), true)).setErr(new PrintWriter(console.err(), true));
		top.registerConverter(java.nio.file.Path.class, UnusablePath::convert);
		top.setParameterExceptionHandler((e, args) -> {
			console.err().println("error: " + message(e));
			return 2;
		});
		top.setExecutionExceptionHandler((e, cl, parsed) -> failure(e, console));
		return top;
	}

	private static String name(final Class<?> command) {
		return command.getAnnotation(Command.class).name();
	}

	/** The subcommand {@code args} start with, or null (then every subcommand is built, for usage and suggestions). */
	static String subcommand(final String[] args) {
		if (args.length == 0) return null;
		for (final Class<?> c : COMMANDS) if (name(c).equals(args[0])) return args[0];
		return null;
	}

	private static CommandLine addPlain(final CommandLine top, final Object command) {
		final CommandLine cl = new CommandLine(command);
		cl.getCommandSpec().mixinStandardHelpOptions(true);
		top.addSubcommand(cl);
		return cl;
	}

	/**
	 * Adds a subcommand with the table options it takes: every training parameter ({@code training}; for a sweep each
	 * may be a list), only the data options (commands on a saved network, whose other parameters the file fixes), and
	 * the readout parameters.
	 */
	private static void add(final CommandLine top, final Object command, final boolean training, final boolean dataOnly,
		final boolean readout)
	{
		final CommandLine cl = new CommandLine(command);
		cl.getCommandSpec().mixinStandardHelpOptions(true);
		final CommandSpec spec = cl.getCommandSpec();
		final boolean lists = command instanceof SweepCommands.Sweep;
		if (training) {
			spec.addOption(CommandLine.Model.OptionSpec.builder("--trials").type(String.class).paramLabel("I,P,D,R,T")
				.description("the five trial counts init,pca,demean,rls,test at once. Default " + TrainingConfig.DEFAULTS.trials() + ".")
				.userObject(TrainingConfig.TRIALS).build());
			TableOptions.add(spec, TrainingConfig.TABLE, lists);
		}
		if (readout) TableOptions.add(spec, ReadoutOptions.TABLE, false);
		if (dataOnly) TableOptions.add(spec, TrainingConfig.TABLE, d -> d.group().equals("data"), false);
		top.addSubcommand(cl);
	}

	/** Runs one command; returns the exit status (0 ok, 1 failed or cancelled, 2 bad input). */
	static int run(final String[] args, final PrintStream out, final PrintStream err, final ConsoleProgress progress) {
		final Console console = new Console(out, err, progress);
		if (args.length == 0) {
			commandLine(console).usage(out);
			return 2;
		}
		try {
			return commandLine(console, subcommand(args)).execute(normalize(args));
		}
		catch (final OutOfMemoryError e) {
			err.println("error: out of memory; give Java more heap (java -Xmx8g -jar ...) or use fewer neurons");
			return 1;
		}
	}

	/** {@code --rate_units} is {@code --rate-units}: the table's snake_case names work on the command line too. */
	static String[] normalize(final String[] args) {
		return Arrays.stream(args).map(a -> {
			if (!a.startsWith("--")) return a;
			final int eq = a.indexOf('=');
			return eq < 0 ? a.replace('_', '-') : a.substring(0, eq).replace('_', '-') + a.substring(eq);
		}).toArray(String[]::new);
	}

	private static String message(final CommandLine.ParameterException e) {
		for (Throwable c = e.getCause(); c != null; c = c.getCause())
			if (c instanceof UnusablePath p) // e.g. a non-ASCII --out under LANG=C
				return org.rate2spike.util.PathNames.unusable(argName(e.getArgSpec()), p.cause).getMessage();
		if (e instanceof CommandLine.MissingParameterException m && m.getMissing() != null && m.getMissing().size() == 1 &&
			m.getMissing().get(0) instanceof CommandLine.Model.OptionSpec o && (e.getMessage().startsWith("Missing required parameter for option") || e.getMessage().startsWith("Expected parameter for option")))
			return argName(o) + ": " + o.longestName() + " is given without a value; put one right after it, e.g. " + o.longestName() +
				" " + o.paramLabel() + (e.getMessage().contains("but found") ? " (" + e.getMessage().replaceFirst(".*but found ", "found ") +
				" where the value belongs)" : "");
		if (e instanceof CommandLine.UnmatchedArgumentException u && u.getCommandLine().getParent() == null
			&& !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-"))
			return "command: unknown command '" + u.getUnmatched().get(0) + "'; use train, test, readout, sweep, tune, baseline, export, " +
				"bench, info or macro (--help lists them)";
		if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
			final String opt = u.getUnmatched().get(0);
			final String name = opt.replaceFirst("^-+", "").replaceFirst("=.*", "");
			return name + ": is not an option of " + u.getCommandLine().getCommandName() +
				ParamDefHint.didYouMean(name, u.getCommandLine()) + " (" + u.getCommandLine().getCommandName() + " --help lists them)";
		}
		return e.getMessage();
	}

	/** Paths on the command line: one this Java cannot encode is reported with the option's name (see {@link #message}). */
	private static final class UnusablePath extends CommandLine.TypeConversionException {

		private static final long serialVersionUID = 1L;
		final transient java.nio.file.InvalidPathException cause;

		UnusablePath(final java.nio.file.InvalidPathException cause) {
			super(cause.getMessage());
			this.cause = cause;
		}

		static java.nio.file.Path convert(final String text) {
			try {
				return java.nio.file.Path.of(text);
			}
			catch (final java.nio.file.InvalidPathException e) {
				throw new UnusablePath(e);
			}
		}
	}

	/** An option's name as messages spell parameters (--out: out), or a positional parameter's label (FILE: file). */
	private static String argName(final CommandLine.Model.ArgSpec a) {
		if (a instanceof CommandLine.Model.OptionSpec o) return o.longestName().replaceFirst("^-+", "").replace('-', '_');
		if (a != null && a.paramLabel() != null) return a.paramLabel().replaceAll("[<>]", "").toLowerCase(java.util.Locale.ROOT);
		return "path";
	}

	/** Maps a failure to its exit status with a one-line message. */
	private static int failure(final Exception e, final Console console) {
		final PrintStream err = console.err();
		if (e instanceof ParameterException) { // FileFormatException is one too
			err.println("error: " + e.getMessage());
			return 2;
		}
		if (e instanceof java.nio.file.InvalidPathException p) { // a path made from text read later (a table, a macro)
			err.println("error: " + org.rate2spike.util.PathNames.unusable("path", p).getMessage());
			return 2;
		}
		if (e instanceof CancelledException) {
			console.progress().kept("nothing was finished, so nothing was written (the folder is as it was)");
			err.println("cancelled: " + e.getMessage());
			return 1;
		}
		if (e instanceof UncheckedIOException || e instanceof TrainingFailedException || e instanceof IOException) {
			err.println("error: " + e.getMessage());
			return 1;
		}
		if (Boolean.getBoolean("rate2spike.debug")) throw new IllegalStateException(e);
		err.println("error: unexpected failure (" + e + "); please report it with the command line that caused it " +
			"(java -Drate2spike.debug=true shows where it happened)");
		return 1;
	}

	/** The closest option name of a command, for a did-you-mean. */
	static final class ParamDefHint {

		private ParamDefHint() {}

		static String didYouMean(final String name, final CommandLine cl) {
			final java.util.List<String> names = new java.util.ArrayList<>();
			cl.getCommandSpec().options().forEach(o -> names.add(o.longestName().replaceFirst("^-+", "")));
			final String hint = org.rate2spike.params.ParamTable.didYouMean(name, names);
			return hint.isEmpty() ? "" : hint.replace("did you mean '", "did you mean '--");
		}
	}
}
