package org.rate2spike.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** Runs a Python script with NumPy for the tests that check the documented file layouts from the reader's side. */
final class NumPy {

	private NumPy() {}

	/**
	 * Writes {@code lines} to {@code dir/check.py}, runs it with {@code arg} and returns what it printed, trimmed;
	 * fails the test when the script fails (an assert in it) and skips it where python3 with NumPy is not installed.
	 */
	static String run(final Path dir, final String arg, final String... lines) throws IOException, InterruptedException {
		Assumptions.assumeTrue(available(), "python3 with numpy is not installed here");
		final Path py = dir.resolve("check.py");
		Files.writeString(py, String.join("\n", lines) + "\n");
		final Process p = new ProcessBuilder("python3", py.toString(), arg).redirectErrorStream(true).start();
		final String out = new String(p.getInputStream().readAllBytes()).trim();
		assertEquals(0, p.waitFor(), out);
		return out;
	}

	private static boolean available() {
		try {
			return new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start().waitFor() == 0;
		}
		catch (final IOException | InterruptedException e) {
			return false;
		}
	}
}
