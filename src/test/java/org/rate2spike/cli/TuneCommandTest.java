package org.rate2spike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.format.Json;

import com.google.gson.JsonObject;

class TuneCommandTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

	private int run(final String... args) {
		out.reset();
		err.reset();
		final PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
		return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), e, new ConsoleProgress(e, false));
	}

	private static final String[] TINY = { "--task", "oscillation", "--seed", "2", "--neurons", "40", "--rate-units", "30",
		"--trials", "1,3,3,4,2", "--trials-validation", "2", "--threads", "2" };

	private String[] tune(final Path dir, final String... more) {
		final List<String> a = new java.util.ArrayList<>(List.of("tune", "--out", dir.toString()));
		a.addAll(List.of(TINY));
		a.addAll(List.of(more));
		return a.toArray(String[]::new);
	}

	@Test
	void aTinySearchWritesItsFilesTrainsTheWinnerAndPrintsItsCommand(@TempDir final Path dir) throws Exception {
		assertEquals(0, run(tune(dir, "--budget", "4", "--space", "gz=2:12,rls_alpha=0.1:10")), err.toString() + out);
		final String printed = out.toString();
		for (final String f : List.of("tune.csv", "tune.json", "search.json", "tune_gz.png", "tune_rls_alpha.png", "tune_rate_gain.png",
			"best/summary.json", "best/network.npz"))
			assertTrue(Files.size(dir.resolve(f)) > 0, f);
		assertEquals(1 + 4, Files.readAllLines(dir.resolve("tune.csv")).size(), "three on the short rung, one on the full");
		final JsonObject j = Json.parse(dir.resolve("tune.json"), Files.readString(dir.resolve("tune.json")));
		assertEquals(4, j.getAsJsonArray("trials").size());
		assertEquals(List.of("rate_gain", "gz", "gs", "gf", "trained_fraction", "rls_alpha", "dt_rls"),
			j.getAsJsonArray("space").asList().stream().map(e -> e.getAsJsonObject().get("name").getAsString()).toList(),
			"neurons and the trial counts were given, so they are fixed");
		final JsonObject winner = j.getAsJsonObject("winner");
		assertEquals(1, winner.get("rung").getAsInt());
		final Matcher m = Pattern.compile("reproduce with: (java -jar rate2spike-cli.jar train .*)").matcher(printed);
		assertTrue(m.find(), printed);
		final String command = m.group(1);
		assertEquals(command, j.get("command").getAsString());
		for (final String a : new String[] { "--seed 2", "--neurons 40", "--rate-units 30", "--trials-init 1", "--trials-pca 3",
			"--trials-demean 3", "--trials-rls 4", "--trials-test 2", "--out " + dir.resolve("best") })
			assertTrue(command.contains(a), a + " in " + command);
		final JsonObject values = winner.getAsJsonObject("values");
		for (final String axis : List.of("gz", "rls_alpha", "rate_gain", "dt_rls")) {
			final String v = values.get(axis).getAsString();
			final String opt = "--" + axis.replace('_', '-');
			if (!command.contains(opt + " ")) continue; // the default value is left out
			assertTrue(command.contains(opt + " " + v), opt + " " + v + " in " + command);
		}
		final JsonObject summary = Json.parse(dir.resolve("best/summary.json"), Files.readString(dir.resolve("best/summary.json")));
		assertEquals(values.get("gz").getAsDouble(), summary.get("gz").getAsDouble());
		assertEquals(j.getAsJsonObject("best").get("median_test_nmse").getAsDouble(), summary.get("median_test_nmse").getAsDouble());
		assertTrue(printed.contains("median test nMSE"), printed);

		// the winner's command trains the same network
		final Path again = dir.resolve("again");
		final String[] args = command.replace("java -jar rate2spike-cli.jar ", "").replace(dir.resolve("best").toString(), again.toString()).split(" ");
		assertEquals(0, run(args), err.toString());
		assertEquals(summary.get("median_test_nmse").getAsDouble(), Json.parse(again.resolve("summary.json"),
			Files.readString(again.resolve("summary.json"))).get("median_test_nmse").getAsDouble());

		// run again in the same folder: nothing is trained again, not even the winner
		final java.nio.file.attribute.FileTime trained = Files.getLastModifiedTime(dir.resolve("best/network.npz"));
		assertEquals(0, run(tune(dir, "--budget", "4", "--space", "gz=2:12,rls_alpha=0.1:10")), err.toString());
		assertTrue(err.toString().contains("already finished"), err.toString());
		assertTrue(!err.toString().contains("[1/"), "no training ran: " + err);
		assertEquals(trained, Files.getLastModifiedTime(dir.resolve("best/network.npz")), "the winner was not trained again");
		assertTrue(out.toString().contains("median test nMSE"), out.toString());
	}

	@Test
	void badInputIsOneLineNamingTheParameter(@TempDir final Path dir) {
		assertEquals(2, run(tune(dir, "--budget", "4", "--space", "gz=12:2")));
		assertEquals("error: space: axis gz its low end 12 must be below its high end 2", err.toString().trim());
		assertEquals(2, run(tune(dir)));
		assertEquals("error: budget: is required: a number of trainings (--budget 40) or a time (--budget-time 30m)", err.toString().trim());
		assertEquals(2, run(tune(dir, "--budget-time", "soon")));
		assertEquals("error: budget_time: must be a time such as 30m, 2h, 1h30m or 600s (got 'soon')", err.toString().trim());
		assertEquals(2, run(tune(dir, "--budget", "4", "--gz", "3", "--space", "gz=2:5")));
		assertEquals("error: space: axis gz is both searched and fixed (--gz); drop one of them", err.toString().trim());
		assertEquals(2, run(tune(dir, "--budget", "4", "--task", "data")));
		assertTrue(err.toString().startsWith("error: data_targets: "), err.toString());
		assertEquals(2, run(tune(dir, "--budget", "4", "--executor", "cloud")));
		assertEquals("error: executor: must be local or slurm (got 'cloud')", err.toString().trim());
		assertEquals(2, run(tune(dir, "--budget", "4", "--executor", "slurm", "--time", "soon")));
		assertEquals("error: time: must be a SLURM time such as 02:00:00 or 1-00:00:00 (got 'soon')", err.toString().trim());
		assertEquals(2, run(tune(dir, "--budget", "4", "--executor", "slurm", "--cpus-per-task", "0")));
		assertEquals("error: cpus_per_task: must be at least 1 (got 0)", err.toString().trim());
		assertTrue(!Files.exists(dir.resolve("tune.csv")), "bad input fails before any training");
		assertEquals(1800.0, org.rate2spike.tune.TuneSpec.seconds("30m"));
		assertEquals(5400.0, org.rate2spike.tune.TuneSpec.seconds("1h30m"));
	}
}
