package org.rate2spike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.format.Json;

import com.google.gson.JsonObject;

/**
 * The command line's doors let the task choose the settings a user did not give (integration: rate_gain 1.2 and
 * trained_fraction 1.0), say so, and record them; a given option and task_settings advise win.
 */
class TaskSettingsCommandTest {

	private static final String[] TINY = { "--task", "integration", "--neurons", "30", "--rate-units", "30", "--trials", "1,2,2,2,2" };
	private MainAccess.Ran last;

	private int run(final String command, final Path out, final String... more) {
		final List<String> a = new ArrayList<>(List.of(command, "--out", out.toString()));
		a.addAll(List.of(TINY));
		a.addAll(List.of(more));
		last = MainAccess.capture(a.toArray(String[]::new));
		return last.status();
	}

	private static JsonObject json(final Path file) throws Exception {
		return Json.parse(file, Files.readString(file));
	}

	private static Map<String, Double> chosen(final JsonObject summary) {
		final Map<String, Double> m = new java.util.TreeMap<>();
		summary.getAsJsonObject("chosen_by_task").entrySet().forEach(e -> m.put(e.getKey(), e.getValue().getAsDouble()));
		return m;
	}

	@Test
	void trainUsesTheTasksSettingsWhereNoOptionIsGiven(@TempDir final Path dir) throws Exception {
		assertEquals(0, run("train", dir.resolve("own")), last.err());
		JsonObject s = json(dir.resolve("own/summary.json"));
		assertEquals(Map.of("rate_gain", 1.2, "trained_fraction", 1.0), chosen(s));
		assertEquals(1.2, s.get("rate_gain").getAsDouble());
		assertEquals(1.0, s.get("trained_fraction").getAsDouble());
		assertEquals(30, s.get("trained_neurons").getAsInt(), "the chosen fraction is the one trained");
		assertEquals("apply", s.get("task_settings").getAsString());
		assertTrue(last.err().contains("note: the integration task chose rate_gain 1.2 and trained_fraction 1.0"), last.err());

		assertEquals(0, run("train", dir.resolve("given"), "--rate-gain", "1.4"), last.err());
		s = json(dir.resolve("given/summary.json"));
		assertEquals(Map.of("trained_fraction", 1.0), chosen(s), "a given option wins, even at its default");
		assertEquals(1.4, s.get("rate_gain").getAsDouble());
		assertTrue(last.err().contains("trains best with rate_gain 1.2"), "and the advice names it: " + last.err());

		assertEquals(0, run("train", dir.resolve("advise"), "--task-settings", "advise"), last.err());
		s = json(dir.resolve("advise/summary.json"));
		assertEquals(Map.of(), chosen(s));
		assertEquals(0.4, s.get("trained_fraction").getAsDouble());
		assertFalse(last.err().contains("task chose"), last.err());
	}

	@Test
	void sweepAndBaselineChooseLikeTrainButNeverASweptParameter(@TempDir final Path dir) throws Exception {
		assertEquals(0, run("sweep", dir.resolve("sweep"), "--trained-fraction", "0.5,1.0", "--baseline", "false", "--threads", "1"),
			last.err());
		assertTrue(last.err().contains("the integration task chose rate_gain 1.2 "), last.err());
		assertFalse(last.err().contains("chose rate_gain 1.2 and trained_fraction"), "a swept parameter is the user's: " + last.err());
		assertEquals(0, run("baseline", dir.resolve("baseline")), last.err());
		final JsonObject b = json(dir.resolve("baseline/summary.json"));
		assertEquals(1.2, b.get("rate_gain").getAsDouble(), "the baseline trains on the same targets as train");
		assertEquals(1.2, chosen(b).get("rate_gain"));
	}

	@Test
	void tuneStartsFromTheTasksChoiceAndItsCommandReproducesTheWinner(@TempDir final Path dir) throws Exception {
		assertEquals(0, run("tune", dir, "--budget", "4", "--axes", "rate_gain,gz", "--trials-validation", "2", "--threads", "1"),
			last.err());
		final JsonObject t = json(dir.resolve("tune.json"));
		assertEquals(Map.of("rate_gain", 1.2, "trained_fraction", 1.0), chosen(t));
		assertTrue(Files.readAllLines(dir.resolve("tune.csv")).stream().anyMatch(l -> l.startsWith("0,") && l.contains(",1.2,")),
			"configuration 0 is the task's choice");
		final String command = t.get("command").getAsString();
		assertTrue(command.contains("--trained-fraction 1 ") || command.contains("--trained-fraction 1.0 "), command);
		assertTrue(command.contains("--rate-gain "), "every setting the task would choose is named: " + command);
	}
}
