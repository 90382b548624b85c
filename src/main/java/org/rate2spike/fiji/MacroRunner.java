package org.rate2spike.fiji;

import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.Menus;
import ij.macro.Interpreter;

import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;

/**
 * Runs ImageJ macros headless, without Fiji: ImageJ 1.x's own interpreter, with the Rate2Spike commands put into
 * its command table under their menu labels (next to ImageJ's own commands). Options reach the inputs as
 * imagej-legacy's macro preprocessor passes them: each input named by its field,
 * {@code Macro.getValue(options, field, null)}, converted by SciJava. One deliberate difference: keys left out
 * take the command's declared defaults, never values persisted by earlier runs, so that a macro run on a server
 * means the same every time. ImageJ images a command returns are shown, which headless makes them batch-mode
 * images that {@code selectImage} and {@code saveAs} reach. Inside a running ImageJ or Fiji nothing is
 * registered: imagej-legacy does that there.
 */
public final class MacroRunner implements AutoCloseable {

	/** The result of a macro: {@code error} is null when it ran to the end. */
	public record Result(String error) {
		public boolean ok() {
			return error == null;
		}
	}

	/** IJ1 instantiates {@link MacroBridge} itself, so the bridge finds SciJava here; one runner at a time. */
	private static Context current;
	private static String failure;

	private final Context context;
	private final boolean ownContext;

	/** A runner with its own SciJava context. */
	public MacroRunner() {
		this(new Context(), true);
	}

	/** A runner on an existing context (left open on {@link #close}). */
	public MacroRunner(final Context context) {
		this(context, false);
	}

	private MacroRunner(final Context context, final boolean own) {
		if (!GraphicsEnvironment.isHeadless()) throw new IllegalStateException(
			"the macro runner is for headless use: start Java with -Djava.awt.headless=true (in Fiji, run macros from Fiji)");
		this.context = context;
		this.ownContext = own;
		register(context.service(CommandService.class));
	}

	/** Runs macro text; {@code argument} is what the macro's getArgument() returns. */
	public Result run(final String macro, final String argument) {
		synchronized (MacroRunner.class) {
			current = context;
			failure = null;
			warnings.clear();
			final Interpreter interp = new Interpreter();
			final PrintStream out = System.out;
			System.setOut(new WithoutDialogFailures(out));
			try {
				interp.run(macro, argument == null ? "" : argument);
			}
			catch (final HeadlessException e) {
				// a macro error: IJ1 stops the macro, records the message, then fails to open its error dialog
				if (!interp.wasError()) throw e;
			}
			catch (final RuntimeException e) {
				if (!Macro.MACRO_CANCELED.equals(e.getMessage())) throw e;
			}
			finally {
				current = null;
				System.setOut(out);
			}
			if (failure != null) return new Result(failure);
			if (interp.wasError()) return new Result("macro error: " + interp.getErrorMessage());
			return new Result(null);
		}
	}

	/**
	 * System.out without the HeadlessException traces ImageJ 1.x prints (through {@code IJ.log}) when a command of a
	 * macro fails, e.g. an unrecognized command name: it records the error, then fails to open its error dialog and
	 * logs that failure. The error itself is reported from {@code Interpreter.wasError()}.
	 */
	private static final class WithoutDialogFailures extends PrintStream {

		WithoutDialogFailures(final PrintStream out) {
			super(out, true);
		}

		@Override
		public void println(final String s) {
			if (s != null && s.startsWith(HeadlessException.class.getName())) return;
			super.println(s);
		}

		@Override
		public void println(final Object o) {
			println(String.valueOf(o));
		}
	}

	/** Runs a macro file. */
	public Result run(final Path macro, final String argument) throws IOException {
		return run(Files.readString(macro), argument);
	}

	@Override
	public void close() {
		if (ownContext) context.dispose();
	}

	/**
	 * The command line's {@code macro FILE.ijm [ARGUMENT]}: 0 when the macro ran, 2 when a command refused its
	 * input, 1 for other macro errors.
	 */
	public static int main(final java.util.List<String> args, final PrintStream err) {
		if (args.isEmpty() || args.size() > 2) {
			err.println("error: macro takes a macro file and optionally its argument: macro macros/oscillation.ijm results/oscillation");
			return 2;
		}
		final Path file;
		try {
			file = org.rate2spike.util.PathNames.of("macro", args.get(0));
		}
		catch (final org.rate2spike.util.ParameterException e) {
			err.println("error: " + e.getMessage());
			return 2;
		}
		if (!Files.isRegularFile(file)) {
			err.println("error: macro: " + file + " does not exist or is not a file");
			return 2;
		}
		System.setProperty("java.awt.headless", "true"); // before anything touches AWT
		try (MacroRunner runner = new MacroRunner()) {
			final Result r = runner.run(file, args.size() > 1 ? args.get(1) : "");
			if (r.ok()) return 0;
			err.println("error: " + r.error());
			return r.error().startsWith("macro error: ") ? 1 : 2;
		}
		catch (final IOException e) {
			err.println("error: " + e.getMessage());
			return 1;
		}
	}

	/** Puts every Rate2Spike command into IJ1's command table under its menu label, unless the label is taken. */
	static synchronized void register(final CommandService commands) {
		if (IJ.getInstance() != null) return; // a running ImageJ or Fiji has its own entries
		if (Menus.getCommands() == null) initialiseCommandTable();
		@SuppressWarnings("unchecked")
		final Hashtable<String, String> table = Menus.getCommands();
		addImageJCommands(table);
		for (final CommandInfo info : commands.getCommands()) {
			if (!info.getClassName().startsWith("org.rate2spike.") || info.getMenuPath().isEmpty()) continue;
			table.putIfAbsent(info.getMenuPath().getLeaf().getName(),
				MacroBridge.class.getName() + "(\"" + info.getClassName() + "\")");
		}
	}

	/**
	 * IJ1 creates its command table only inside {@code IJ.run}; headless, it then fails building the menu bar with a
	 * HeadlessException, after the (empty) table exists. So run one unknown command on purpose and expect that.
	 */
	private static void initialiseCommandTable() {
		try {
			IJ.run("Rate2Spike: initialise the command table");
		}
		catch (final HeadlessException expected) {
			// the table exists now; nothing else was run
		}
		if (Menus.getCommands() == null) throw new IllegalStateException("ImageJ 1.x did not create its command table");
	}

	/**
	 * ImageJ's own menu commands from IJ_Props.txt in the ij jar (e.g. "PNG...", which {@code saveAs("PNG", …)}
	 * runs), since the headless table starts empty; those that need a display fail as they would in batch mode.
	 */
	private static void addImageJCommands(final Hashtable<String, String> table) {
		try (InputStream in = IJ.class.getResourceAsStream("/IJ_Props.txt")) {
			if (in == null) return;
			final Properties props = new Properties();
			props.load(in);
			for (final String key : props.stringPropertyNames()) {
				final Matcher m = MENU_ENTRY.matcher(props.getProperty(key));
				if (m.matches() && !m.group(1).equals("-")) table.putIfAbsent(m.group(1), m.group(2).trim());
			}
		}
		catch (final IOException e) {
			throw new UncheckedIOException("cannot read ImageJ's command list", e);
		}
	}

	private static final Pattern MENU_ENTRY = Pattern.compile("\"([^\"]+)\",\\s*([a-zA-Z_][\\w.$]*(\\(\".*\"\\))?)");

	/** The warnings of the macro now running (left-out keys), in order; see {@link #warnings()}. */
	private static final java.util.List<String> warnings = new java.util.ArrayList<>();

	/** The warnings the last macro gave, e.g. about keys it left out. */
	public static synchronized java.util.List<String> warnings() {
		return java.util.List.copyOf(warnings);
	}

	/**
	 * Reports the inputs a {@code run(...)} left out, with the values the command now takes for them (its declared
	 * defaults here; in Fiji the values last used, or a dialog): printed like the macro's {@code print} output and kept
	 * for {@link #warnings()}. Nothing for a call that gives every key.
	 */
	static void warnLeftOut(final CommandInfo info, final Module module, final String options) {
		final java.util.List<String> left = new java.util.ArrayList<>();
		for (final ModuleItem<?> input : info.inputs()) {
			if (isContextual(input.getType()) || options != null && Macro.getValue(options, input.getName(), null) != null) continue;
			final Object v = module.getInput(input.getName());
			left.add(input.getName() + "=" + (v == null ? "[]" : v instanceof ImagePlus imp ? "[" + imp.getTitle() + "]" : v));
		}
		if (left.isEmpty()) return;
		final String w = info.getTitle() + ": keys left out, using " + String.join(" ", left) +
			" (in Fiji these take the values last used; give every key so that the macro means the same everywhere)";
		synchronized (MacroRunner.class) {
			warnings.add(w);
		}
		IJ.log("Warning: " + w);
	}

	/** Services and the context: SciJava fills those itself. */
	static boolean isContextual(final Class<?> type) {
		return org.scijava.service.Service.class.isAssignableFrom(type) || Context.class.isAssignableFrom(type);
	}

	/** Called by {@link MacroBridge} on the macro's thread with that thread's macro options. */
	static void runCommand(final String className, final String options) {
		final Context context = current;
		if (context == null) throw new IllegalStateException("Rate2Spike macro commands run through MacroRunner or Fiji");
		final String f = execute(context, className, options);
		if (f != null) {
			failure = f;
			Interpreter.abort(); // stops the macro after this statement
		}
	}

	/**
	 * Runs a command with macro options, as imagej-legacy would (inputs named by field, converted by SciJava; keys left
	 * out take the declared defaults, with a warning) and shows the ImageJ images it returns. Returns null when the
	 * command ran, else its one-line message. Shared by the headless runner and the ImageJ 1.x menu ({@link ImageJ1Menu}).
	 */
	static String execute(final Context context, final String className, final String options) {
		final CommandService commands = context.service(CommandService.class);
		final ConvertService convert = context.service(ConvertService.class);
		final CommandInfo info = commands.getCommand(className);
		final ModuleService modules = context.service(ModuleService.class);
		final Module module = modules.createModule(info);
		final Map<String, Object> inputs = new LinkedHashMap<>();
		final java.util.List<String> names = new java.util.ArrayList<>();
		for (final ModuleItem<?> input : info.inputs()) if (!isContextual(input.getType())) names.add(input.getName());
		for (final String key : keys(options)) // the command line refuses unknown options; so does a macro
			if (!names.contains(key))
				return key + ": is not a field of '" + info.getTitle() + "'" + org.rate2spike.params.ParamTable.didYouMean(key, names);
		for (final ModuleItem<?> input : info.inputs()) {
			if (isContextual(input.getType())) continue;
			final String value = options == null ? null : Macro.getValue(options, input.getName(), null);
			if (value != null && isNumber(input.getType()) && !parses(value))
				return input.getName() + ": must be a number (got '" + value + "')";
			if (value != null && convert.supports(value, input.getType()))
				inputs.put(input.getName(), convert.convert(value, input.getType()));
			else module.resolveInput(input.getName()); // left out: the declared default, not a value persisted earlier
		}
		warnLeftOut(info, module, options);
		try {
			modules.run(module, true, inputs).get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			return info.getTitle() + ": interrupted";
		}
		catch (final ExecutionException e) {
			return info.getTitle() + ": " + e.getCause();
		}
		if (module instanceof Cancelable c && c.isCanceled()) return c.getCancelReason();
		for (final ModuleItem<?> output : info.outputs())
			if (module.getOutput(output.getName()) instanceof ImagePlus imp) imp.show();
		return null;
	}

	/** The keys of macro options ("neurons=100 task=[a b] overwrite"), in order. */
	static java.util.List<String> keys(final String options) {
		final java.util.List<String> keys = new java.util.ArrayList<>();
		if (options == null) return keys;
		final java.util.regex.Matcher m = java.util.regex.Pattern.compile("([^\\s=\\[\\]]+)(?:=(?:\\[[^\\]]*\\]|\\S*))?")
			.matcher(options);
		while (m.find()) keys.add(m.group(1));
		return keys;
	}

	static boolean isNumber(final Class<?> t) {
		return t == int.class || t == long.class || t == double.class || t == float.class || t == short.class ||
			Number.class.isAssignableFrom(t);
	}

	private static boolean parses(final String v) {
		try {
			Double.parseDouble(v.trim());
			return true;
		}
		catch (final NumberFormatException e) {
			return false;
		}
	}
}
