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

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code train --task data}: per-condition scores and pictures, a saved data network tested again, file errors. */
class DataCommandTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

	private int run(final String... args) {
		final PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
		return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), e, new ConsoleProgress(e, false));
	}

	@Test
	void trainOnATableWritesPerConditionScoresAndPictures(@TempDir final Path dir) throws Exception {
		assertEquals(0, run("train", "--task", "data", "--targets", "test-data/reach_emg.csv", "--normalize", "max",
			"--neurons", "80", "--rate-units", "40", "--trials", "1,3,3,3,8", "--out", dir.toString()), err.toString());
		final JsonObject s = JsonParser.parseString(Files.readString(dir.resolve("summary.json"))).getAsJsonObject();
		assertEquals("test-data/reach_emg.csv", s.get("data_targets").getAsString());
		assertEquals("max", s.get("normalize").getAsString());
		final JsonArray per = s.getAsJsonArray("per_condition");
		assertEquals(8, per.size());
		assertEquals("0", per.get(0).getAsJsonObject().get("condition").getAsString());
		assertTrue(per.get(0).getAsJsonObject().has("median_test_nmse"));
		assertTrue(s.has("median_condition_nmse"));
		final String text = out.toString(StandardCharsets.UTF_8);
		assertTrue(text.contains("median condition nmse: "), text);
		int pictures = 0;
		for (final JsonObject e : per.asList().stream().map(x -> x.getAsJsonObject()).toList())
			if (e.get("trials").getAsInt() > 0) {
				assertTrue(Files.size(dir.resolve("condition_" + e.get("condition").getAsString() + ".png")) > 100);
				pictures++;
			}
		assertTrue(pictures > 0);

		final Path again = dir.resolve("again");
		assertEquals(2, run("test", "--network", dir.resolve("network.npz").toString(), "--out", again.toString()));
		assertTrue(err.toString().contains("data_targets: the data task needs"), err.toString());
		assertEquals(0, run("test", "--network", dir.resolve("network.npz").toString(), "--targets", "test-data/reach_emg.tif",
			"--normalize", "max", "--out", again.toString()), err.toString());
		final JsonObject t = JsonParser.parseString(Files.readString(again.resolve("summary.json"))).getAsJsonObject();
		assertEquals(s.get("median_test_nmse").getAsDouble(), t.get("median_test_nmse").getAsDouble(), 0.0);
	}

	@Test
	void aMalformedFileEndsWithItsNameRowAndProblem(@TempDir final Path dir) throws Exception {
		final Path bad = dir.resolve("bad.csv");
		Files.writeString(bad, "condition,time,y\na,0,1\na,0.01,x\n");
		assertEquals(2, run("train", "--task", "data", "--targets", bad.toString(), "--out", dir.toString()));
		assertEquals("error: file: " + bad + ": row 3, column 'y': 'x' is not a number", err.toString().strip());
	}
}
