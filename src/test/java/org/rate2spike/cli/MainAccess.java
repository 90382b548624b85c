package org.rate2spike.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Lets tests of other packages run the command line as {@code Main.main} does, without exiting. */
public final class MainAccess {

	private MainAccess() {}

	/** What one run of the command line did: its exit status and everything it printed. */
	public record Ran(int status, String out, String err) {

		/** A Java stack trace reached the user. */
		public boolean hasStackTrace() {
			return err.contains("\tat ") || err.contains("Exception:") || out.contains("\tat ");
		}
	}

	public static int run(final String[] args, final PrintStream out, final PrintStream err) {
		return Main.run(args, out, err, new ConsoleProgress(err, false));
	}

	/** Runs one command and captures its output. */
	public static Ran capture(final String... args) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		final int status = run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Ran(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}
}
