package org.rate2spike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code macro FILE.ijm [ARGUMENT]}: exit statuses and messages. */
class MacroCommandTest {

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(final String... args) {
		final PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
		return Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), e,
			new ConsoleProgress(e, false));
	}

	@Test
	void runsAMacroWithItsArgumentAndReportsRefusedInput(@TempDir final Path dir) throws Exception {
		final Path ok = dir.resolve("ok.ijm");
		Files.writeString(ok, "File.saveString(\"arg=\" + getArgument(), \"" + dir + "/out.txt\");");
		assertEquals(0, run("macro", ok.toString(), "hello"), err.toString(StandardCharsets.UTF_8));
		assertEquals("arg=hello", Files.readString(dir.resolve("out.txt")));

		final Path bad = dir.resolve("bad.ijm");
		Files.writeString(bad, "run(\"Train Spiking Network (all steps)\", \"output_folder=[" + dir + "] neurons=0\");");
		assertEquals(2, run("macro", bad.toString()));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("error: neurons: must be at least 1 (got 0)"),
			err.toString(StandardCharsets.UTF_8));

		err.reset();
		assertEquals(2, run("macro", dir.resolve("none.ijm").toString()));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("none.ijm does not exist"), err.toString(StandardCharsets.UTF_8));
	}
}
