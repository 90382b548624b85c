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
import org.rate2spike.format.Npz;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code readout --signals file:PATH} end to end: per-condition signals on a data network, a file with more channels
 * than the network has outputs, and the readout such files make used by {@code test} and {@code export}.
 */
class ReadoutSignalsCommandTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

	private int run(final String... args) {
		final PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
		return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), e, new ConsoleProgress(e, false));
	}

	@Test
	void aDataNetworkReadsOutSignalsGivenPerCondition(@TempDir final Path dir) throws Exception {
		assertEquals(0, run("train", "--task", "data", "--targets", "test-data/reach_emg.csv", "--neurons", "80",
			"--rate-units", "40", "--trials", "1,2,2,2,2", "--out", dir.toString()), err.toString());
		final String network = dir.resolve("network.npz").toString();
		// two signals per condition, as long as that condition's targets: the data window of every trial
		final Path signals = dir.resolve("signals.csv");
		Files.write(signals, derived(Files.readAllLines(Path.of("test-data/reach_emg.csv")), Integer.MAX_VALUE));
		assertEquals(0, run("readout", "--network", network, "--name", "emg", "--signals", "file:" + signals,
			"--trials-fit", "2", "--trials-heldout", "2", "--folds", "2", "--out", dir.resolve("r").toString()), err.toString());
		final JsonObject r = json(dir.resolve("r").resolve("readout.json"));
		assertEquals(2, r.getAsJsonArray("heldout_nmse").size(), "one readout channel per signal channel");
		assertTrue(Files.isRegularFile(dir.resolve("r").resolve("readout_vs_target_ch2.png")));

		assertEquals(0, run("test", "--network", network, "--readout", "emg", "--trials-test", "2", "--out",
			dir.resolve("t").toString()), err.toString());
		assertTrue(json(dir.resolve("t").resolve("summary.json")).has("per_condition"));
		assertEquals(0, run("export", "--network", network, "--readout", "emg", "--trials-test", "2", "--out",
			dir.resolve("e").toString()), err.toString());
		final int[] shape = Npz.read(dir.resolve("e").resolve("export.npz")).array("target").shape();
		assertEquals(2, shape[1], "the readout's two channels exported");
		assertTrue(Files.readAllLines(dir.resolve("e").resolve("traces.csv")).get(0).endsWith(",output_2,target_2"));

		// the last condition cut short: the file, the condition and the expected length are named
		final Path shorter = dir.resolve("short.csv");
		Files.write(shorter, derived(Files.readAllLines(Path.of("test-data/reach_emg.csv")), 470));
		assertEquals(2, run("readout", "--network", network, "--name", "cut", "--signals", "file:" + shorter, "--out",
			dir.resolve("r2").toString()));
		final String line = lastLine();
		assertTrue(line.startsWith("error: signals: " + shorter + ": condition '315' lasts "), line);
		assertTrue(line.contains("but the network's targets of condition '315' last ") && line.contains("steps"), line);

		// a file with one condition for a network with eight
		final Path one = dir.resolve("one.csv");
		Files.writeString(one, "time,a\n0,1\n0.5,2\n");
		assertEquals(2, run("readout", "--network", network, "--name", "one", "--signals", "file:" + one, "--out",
			dir.resolve("r3").toString()));
		assertTrue(lastLine().startsWith("error: signals: " + one + " has no condition '0'"), lastLine());
		assertFalse(err.toString().contains("Exception"), err.toString());
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

	/**
	 * Two signals from reach_emg.csv's four muscles (their sum and a difference) with its conditions and times; rows of
	 * the file beyond {@code rows} are left out.
	 */
	private static List<String> derived(final List<String> emg, final int rows) {
		final List<String> lines = new java.util.ArrayList<>(List.of("condition,time,sum,difference"));
		for (int i = 1; i < emg.size() && i < rows; i++) {
			final String[] c = emg.get(i).split(",");
			final double a = Double.parseDouble(c[2]), b = Double.parseDouble(c[3]), x = Double.parseDouble(c[4]),
				y = Double.parseDouble(c[5]);
			lines.add(c[0] + "," + c[1] + "," + (a + b + x + y) + "," + (a - y));
		}
		return lines;
	}

	private String lastLine() {
		final String[] lines = err.toString(StandardCharsets.UTF_8).strip().split("\n");
		return lines[lines.length - 1];
	}

	private static JsonObject json(final Path f) throws Exception {
		return JsonParser.parseString(Files.readString(f)).getAsJsonObject();
	}
}
