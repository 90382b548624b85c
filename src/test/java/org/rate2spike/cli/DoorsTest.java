package org.rate2spike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.params.ParamDef;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.readout.ReadoutOptions;

/**
 * Every command that makes a task accepts the task and data options train accepts (sweep and baseline on the data
 * task used to fail), help and version, and the parser's messages.
 */
class DoorsTest {

	private static final String EMG = "test-data/reach_emg.csv";
	private MainAccess.Ran last;

	private int run(final String... args) {
		last = MainAccess.capture(args);
		return last.status();
	}

	private String out() {
		return last.out();
	}

	private String err() {
		return last.err();
	}

	@Test
	void sweepAndBaselineTrainOnTheDataTaskLikeTrain(@TempDir final Path dir) throws Exception {
		assertEquals(0, run("sweep", "--task", "data", "--targets", EMG, "--normalize", "max", "--neurons", "20,30",
			"--rate-units", "20", "--trials", "1,2,2,2,2", "--baseline", "false", "--threads", "1", "--out",
			dir.resolve("sweep").toString()), err());
		assertTrue(out().contains("2 of 2 points done, 0 failed"), out());
		assertEquals(0, run("baseline", "--task", "data", "--targets", EMG, "--rate-units", "20", "--trials", "1,2,2,2,2",
			"--out", dir.resolve("baseline").toString()), err());
		assertTrue(Files.size(dir.resolve("baseline").resolve("baseline.npz")) > 100);
		assertTrue(out().contains("rate baseline median test nMSE"), out());
	}

	@Test
	void everySubcommandHasHelpAndTrainListsEveryParameterWithDefaultAndLimits() {
		assertEquals(0, run("train", "--help"));
		for (final ParamDef d : TrainingConfig.TABLE.params()) {
			final String opt = TableOptions.option(d.name());
			assertTrue(out().contains(opt + "="), opt);
			assertTrue(out().contains(TableOptions.help(d, false).substring(0, 20)), opt);
		}
		assertTrue(out().contains("Default 500; ≥ 1."), "neurons: default and limit");
		for (final String c : new String[] { "test", "readout", "sweep", "baseline", "export", "info", "macro", "bench", "sweep-task" })
			assertEquals(0, run(c, "--help"), c);
		assertEquals(0, run("readout", "--help"));
		for (final ParamDef d : ReadoutOptions.TABLE.params()) assertTrue(out().contains(TableOptions.option(d.name())), d.name());
		assertTrue(out().contains("--targets"), "commands on a saved network take the data options");
		assertFalse(out().contains("--neurons"), "the network file fixes the training parameters");
		assertEquals(0, run("--version"));
		assertTrue(out().startsWith("Rate2Spike "), out());
	}

	@Test
	void badOptionsGetOneLineNamingThem(@TempDir final Path dir) {
		assertEquals(2, run("train", "--nuerons", "60", "--out", dir.toString()));
		assertTrue(err().contains("nuerons: is not an option of train, did you mean '--neurons'?"), err());
		assertEquals(2, run("train", "--neurons", "abc", "--out", dir.toString()));
		assertEquals("error: neurons: needs a whole number (got 'abc')", err().strip());
		assertEquals(2, run("train", "--out"));
		assertEquals("error: out: --out is given without a value; put one right after it, e.g. --out DIR", err().strip());
		assertFalse(Files.exists(Path.of("true")), "a value-less --out never becomes a folder named 'true'");
		assertEquals(2, run("train", "--rate_units", "0", "--out", dir.toString()));
		assertEquals("error: rate_units: must be at least 1 (got 0)", err().strip(), "snake_case spellings are accepted");
		assertEquals(2, run("sweep", "--gz", "5,x", "--out", dir.toString()));
		assertEquals("error: gz: needs a number (got 'x')", err().strip());
	}
}
