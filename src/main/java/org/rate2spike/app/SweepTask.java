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
		Path dir = null;
		int index = -1;
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--dir": dir = Path.of(args[i + 1]); break;
				case "--index": index = Integer.parseInt(args[i + 1].trim()); break;
				case "--threads": break; // the job script also sets -Drate2spike.threads
				default: System.err.println("error: " + args[i] + " is not an option of a sweep task (--dir DIR --index I)"); System.exit(2);
			}
		}
		if (dir == null || index < 0) {
			System.err.println("error: a sweep task needs --dir DIR --index I");
			System.exit(2);
		}
		System.exit(run(dir, index, System.out) ? 0 : 1);
	}

	/** Runs task {@code index} of the sweep in {@code dir}, reporting on {@code out}; true when its point finished. */
	public static boolean run(final Path dir, final int index, final java.io.PrintStream out) throws Exception {
		final SweepTable.Row r = SlurmExecutor.runTask(dir, index);
		out.printf("task %d (%s): %s%n", index, r.key(), r.done() ? "median test nMSE " + r.medianNmse() : "failed: " + r.message());
		return r.done();
	}
}
