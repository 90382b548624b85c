package org.rate2spike.app;

import java.nio.file.Path;

import org.rate2spike.sweep.SlurmExecutor;
import org.rate2spike.sweep.SweepTable;

/**
 * The body of one SLURM array task: {@code --dir DIR --index I [--threads K]}. A plain main, outside the command line,
 * so that sweeps submitted from Fiji (whose plugin jar carries no command line) run on the cluster too.
 */
public final class SweepTask {

	private SweepTask() {}

	public static void main(final String[] args) throws Exception {
		final java.util.Map<String, String> o = options(args, "a sweep task", "--dir DIR --index I", "--dir", "--index");
		System.exit(run(Path.of(o.get("--dir")), index(o, "--index"), System.out) ? 0 : 1);
	}

	/**
	 * The options of an array task: each of {@code required} with its value (and {@code --threads K}, which the job
	 * script also sets with -Drate2spike.threads, ignored); anything else, or a missing one, exits with status 2 and
	 * {@code usage}.
	 */
	static java.util.Map<String, String> options(final String[] args, final String what, final String usage, final String... required) {
		final java.util.Map<String, String> o = new java.util.LinkedHashMap<>();
		final java.util.List<String> names = java.util.List.of(required);
		for (int i = 0; i < args.length; i += 2) {
			if (args[i].equals("--threads") && i + 1 < args.length) continue;
			if (!names.contains(args[i]) || i + 1 >= args.length) usage("error: " + args[i] + " is not an option of " + what + " (" + usage + ")");
			o.put(args[i], args[i + 1]);
		}
		for (final String r : required) if (!o.containsKey(r)) usage("error: " + what + " needs " + usage);
		return o;
	}

	/** Option {@code name} as a whole number 0 or more; else exits with status 2. */
	static int index(final java.util.Map<String, String> o, final String name) {
		try {
			final int i = Integer.parseInt(o.get(name).trim());
			if (i >= 0) return i;
		}
		catch (final NumberFormatException e) {
			// below
		}
		usage("error: " + name + " must be a whole number 0 or more (got '" + o.get(name) + "')");
		return -1;
	}

	private static void usage(final String message) {
		System.err.println(message);
		System.exit(2);
	}

	/** Runs task {@code index} of the sweep in {@code dir}, reporting on {@code out}; true when its point finished. */
	public static boolean run(final Path dir, final int index, final java.io.PrintStream out) throws Exception {
		final SweepTable.Row r = SlurmExecutor.runTask(dir, index);
		out.printf("task %d (%s): %s%n", index, r.key(), r.done() ? "median test nMSE " + r.medianNmse() : "failed: " + r.message());
		return r.done();
	}
}
