package org.rate2spike.cli;

import java.io.PrintStream;

/** Lets tests of other packages run the command line as {@code Main.main} does, without exiting. */
public final class MainAccess {

	private MainAccess() {}

	public static int run(final String[] args, final PrintStream out, final PrintStream err) {
		return Main.run(args, out, err, new ConsoleProgress(err, false));
	}
}
