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

/**
 * {@code train --task data}: per-condition scores and pictures, a saved data network tested, read out and exported
 * again from the data its file keeps, file errors.
 */
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
		assertTrue(text.contains("spike trains within trials: ISI CV ") && text.contains("PSTH in psth_<condition>.png"), text);
		assertTrue(s.has("cv2") && s.getAsJsonArray("spikes_per_condition").size() == 8, "per condition of the data");
		for (final JsonObject e : per.asList().stream().map(x -> x.getAsJsonObject()).toList())
			assertEquals(e.get("trials").getAsInt() > 0, Files.isRegularFile(dir.resolve("psth_" + e.get("condition").getAsString() +
				".png")), "a PSTH picture for each condition tested");
		int pictures = 0;
		for (final JsonObject e : per.asList().stream().map(x -> x.getAsJsonObject()).toList())
			if (e.get("trials").getAsInt() > 0) {
				assertTrue(Files.size(dir.resolve("condition_" + e.get("condition").getAsString() + ".png")) > 100);
				pictures++;
			}
		assertTrue(pictures > 0);

		final String network = dir.resolve("network.npz").toString();
		final Path kept = dir.resolve("kept"), given = dir.resolve("given");
		assertEquals(0, run("test", "--network", network, "--out", kept.toString()), err.toString());
		assertEquals(0, run("test", "--network", network, "--targets", "test-data/reach_emg.tif", "--normalize", "max",
			"--out", given.toString()), err.toString());
		final double trained = s.get("median_test_nmse").getAsDouble();
		assertEquals(trained, summary(kept).get("median_test_nmse").getAsDouble(), 0.0, "the data kept in the network file");
		assertEquals(trained, summary(given).get("median_test_nmse").getAsDouble(), 0.0, "the same data given again");

		assertEquals(0, run("export", "--network", network, "--trials-test", "2", "--format", "all", "--out",
			dir.resolve("export").toString()), err.toString());
		assertTrue(Files.size(dir.resolve("export").resolve("export.npz")) > 1000);
		org.rate2spike.io.NwbFileTest.assertMatchesCsv(dir.resolve("export")); // spike counts and trials as in the CSV files
		try (io.jhdf.HdfFile h = new io.jhdf.HdfFile(dir.resolve("export").resolve("export.nwb"))) {
			final String[] conditions = (String[]) h.getDatasetByPath("intervals/trials/condition").getData();
			assertEquals(2, conditions.length);
			assertTrue(per.asList().stream().anyMatch(e -> e.getAsJsonObject().get("condition").getAsString().equals(conditions[1])),
				"the task's condition labels");
			assertTrue(((String) h.getDatasetByPath("general/notes").getData()).contains("\"data\""), "the network's parameters");
		}
		assertEquals(2, run("export", "--network", network, "--format", "hdf5", "--out", dir.resolve("bad").toString()));
		assertTrue(err.toString().contains("format: unknown format 'hdf5'; use csv"), err.toString());
		assertEquals(0, run("readout", "--network", network, "--name", "again", "--method", "rls", "--trials-fit", "2",
			"--trials-heldout", "1", "--out", dir.resolve("readout").toString()), err.toString());
		assertTrue(Files.isRegularFile(dir.resolve("readout").resolve("readout.json")));
		assertEquals(0, run("test", "--network", network, "--readout", "again", "--trials-test", "2", "--out",
			dir.resolve("after-readout").toString()), err.toString() + "; a stored readout keeps the data in the file");
	}

	@Test
	void dataOfAnotherShapeOrAnOldFileEndWithTheProblemAndTheFix(@TempDir final Path dir) throws Exception {
		assertEquals(0, run("train", "--task", "data", "--targets", "test-data/reach_emg.csv", "--neurons", "80",
			"--rate-units", "40", "--trials", "1,2,2,2,2", "--out", dir.toString()), err.toString());
		final String network = dir.resolve("network.npz").toString();
		final Path three = dir.resolve("three.csv");
		Files.writeString(three, "condition,time,a,b,c\n0,0,1,2,3\n0,0.1,1,2,3\n");
		assertEquals(2, run("test", "--network", network, "--targets", three.toString(), "--out", dir.resolve("t1").toString()));
		assertEquals("error: data_targets: " + three + " has 3 channels but the network was trained on 4 target channels",
			lastLine());
		assertEquals(2, run("test", "--network", network, "--inputs", three.toString(), "--out", dir.resolve("t2").toString()));
		assertTrue(lastLine().startsWith("error: data_inputs: goes with --targets"), lastLine());
		assertEquals(2, run("test", "--network", network, "--targets", "test-data/reach_emg.csv", "--inputs",
			"test-data/reach_emg.csv", "--out", dir.resolve("t3").toString()));
		assertEquals("error: data_inputs: test-data/reach_emg.csv has 4 channels but the network was trained with cued " +
			"conditions (3 inputs)", lastLine());

		org.rate2spike.io.OldFiles.dropData(dir.resolve("network.npz"));
		assertEquals(2, run("test", "--network", network, "--out", dir.resolve("t4").toString()));
		assertTrue(lastLine().startsWith("error: data_targets: this file was saved without the data the network was trained on") &&
			lastLine().contains("--targets FILE") && lastLine().contains("train again"), lastLine());
		assertEquals(0, run("test", "--network", network, "--targets", "test-data/reach_emg.csv", "--out",
			dir.resolve("t5").toString()), err.toString() + ": an old file still tests with the data given again");
	}

	private String lastLine() {
		final String[] lines = err.toString(StandardCharsets.UTF_8).strip().split("\n");
		return lines[lines.length - 1];
	}

	private static JsonObject summary(final Path dir) throws Exception {
		return JsonParser.parseString(Files.readString(dir.resolve("summary.json"))).getAsJsonObject();
	}

	@Test
	void aMalformedFileEndsWithItsNameRowAndProblem(@TempDir final Path dir) throws Exception {
		final Path bad = dir.resolve("bad.csv");
		Files.writeString(bad, "condition,time,y\na,0,1\na,0.01,x\n");
		assertEquals(2, run("train", "--task", "data", "--targets", bad.toString(), "--out", dir.toString()));
		assertEquals("error: file: " + bad + ": row 3, column 'y': 'x' is not a number", err.toString().strip());
	}
}
