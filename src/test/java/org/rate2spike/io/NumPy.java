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
		return python("numpy") != null;
	}

	/**
	 * As {@link #run}, with the first Python that imports {@code module} ({@code python3} on the path, else the
	 * system's {@code /usr/bin/python3}, where Debian's python3-h5py installs); skips the test where none does.
	 */
	static String runWith(final String module, final Path dir, final String arg, final String... lines)
		throws IOException, InterruptedException
	{
		final String python = python(module);
		Assumptions.assumeTrue(python != null, "no python3 with " + module + " is installed here (Debian: apt-get install " +
			"python3-" + module + ")");
		final Path py = dir.resolve("check.py");
		Files.writeString(py, String.join("\n", lines) + "\n");
		final Process p = new ProcessBuilder(python, py.toString(), arg).redirectErrorStream(true).start();
		final String out = new String(p.getInputStream().readAllBytes()).trim();
		assertEquals(0, p.waitFor(), out);
		return out;
	}

	private static String python(final String module) {
		for (final String python : new String[] { "python3", "/usr/bin/python3" })
			try {
				if (new ProcessBuilder(python, "-c", "import " + module).redirectErrorStream(true).start().waitFor() == 0) return python;
			}
			catch (final IOException | InterruptedException e) {
				// not this one
			}
		return null;
	}
}
