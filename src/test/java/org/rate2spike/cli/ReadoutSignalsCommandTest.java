package org.rate2spike.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.io.Npz;

/**
 * {@code readout --signals file:PATH} end to end: a file with more channels than the network has outputs, and the
 * readout it makes used by {@code test} and {@code export}.
 */
class ReadoutSignalsCommandTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

	private int run(final String... args) {
		final PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
		return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), e, new ConsoleProgress(e, false));
	}

	@Test
	void aFileOfThreeChannelsGivesAReadoutOfThreeChannels(@TempDir final Path dir) throws Exception {
		assertEquals(0, run("train", "--neurons", "40", "--rate-units", "30", "--trials", "1,3,2,3,2", "--out",
			dir.toString()), err.toString());
		final String network = dir.resolve("network.npz").toString();
		final Path three = dir.resolve("three.csv");
		Files.write(three, oscillationSignals(1000));
		assertEquals(0, run("readout", "--network", network, "--name", "three", "--signals", "file:" + three,
			"--trials-fit", "3", "--trials-heldout", "2", "--folds", "3", "--out", dir.resolve("r").toString()), err.toString());
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("channel 3: held-out nMSE"), out.toString());
		for (int c = 1; c <= 3; c++) assertTrue(Files.isRegularFile(dir.resolve("r").resolve("readout_vs_target_ch" + c + ".png")));

		assertEquals(0, run("test", "--network", network, "--readout", "three", "--trials-test", "2", "--out",
			dir.resolve("t").toString()), err.toString());
		assertTrue(Files.size(dir.resolve("t").resolve("output_vs_target.png")) > 100);
		assertEquals(0, run("export", "--network", network, "--readout", "three", "--trials-test", "2", "--out",
			dir.resolve("e").toString()), err.toString());
		assertArrayEquals(new int[] { 2, 3, 1000 }, Npz.read(dir.resolve("e").resolve("export.npz")).array("target").shape());

		final Path shorter = dir.resolve("short.csv");
		Files.write(shorter, oscillationSignals(999));
		assertEquals(2, run("readout", "--network", network, "--name", "cut", "--signals", "file:" + shorter, "--out",
			dir.resolve("r2").toString()));
		assertTrue(lastLine().startsWith("error: signals: " + shorter + ": condition '1' lasts 999 steps"), lastLine());
		assertFalse(err.toString().contains("Exception"), err.toString());
	}

	/** Three signals one time step apart (no time column): a sine, a cosine and a ramp. */
	private static List<String> oscillationSignals(final int rows) {
		final List<String> lines = new java.util.ArrayList<>(List.of("sin,cos,ramp"));
		for (int t = 0; t < rows; t++)
			lines.add(Math.sin(2 * Math.PI * t / 1000.0) + "," + Math.cos(2 * Math.PI * t / 1000.0) + "," + t / 1000.0);
		return lines;
	}

	private String lastLine() {
		final String[] lines = err.toString(StandardCharsets.UTF_8).strip().split("\n");
		return lines[lines.length - 1];
	}
}
