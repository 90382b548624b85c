package org.rate2spike.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Ctrl-C (SIGINT) and SIGTERM sent to a real child process during training, demean and a sweep: the run stops at the
 * end of its trial, writes what it has (the partial network, summary.json marked partial and cancelled, the pictures)
 * without depending on shutdown hooks, and exits 128 + the signal's number with one line saying what was kept.
 */
class SignalCancelTest {

	@BeforeAll
	static void signalsCanBeSent() {
		Assumptions.assumeTrue(ChildJava.works("kill", "-0", Long.toString(ProcessHandle.current().pid())), "kill(1) is available");
	}

	private static ChildJava.Child waitFor(final ChildJava.Child c, final String text) throws Exception {
		for (int i = 0; i < 1200 && !c.errSoFar().contains(text); i++) {
			if (!c.process().isAlive()) throw new AssertionError("the child ended before '" + text + "': " + c.errSoFar());
			Thread.sleep(50);
		}
		assertTrue(c.errSoFar().contains(text), "the child reached '" + text + "' within a minute: " + c.errSoFar());
		return c;
	}

	private static String lastLine(final String text) {
		final String[] l = text.strip().split("\n");
		return l[l.length - 1];
	}

	@ParameterizedTest(name = "SIG{0} during {1}")
	@CsvSource({ "INT, rls, 130", "TERM, rls, 143", "TERM, demean, 143", "INT, demean, 130" })
	void aSignalDuringTrainingKeepsThePartialRunAndSaysSo(final String signal, final String phase, final int status,
		@TempDir final Path tmp) throws Exception
	{
		final Path out = tmp.resolve("run");
		// long enough that the signal arrives mid-phase: 4000 RLS trials, or 2000 demean trials
		final String trials = phase.equals("rls") ? "2,3,3,4000,2" : "2,3,2000,4,2";
		final ChildJava.Child c = ChildJava.start(tmp, Map.of(), "train", "--neurons", "60", "--rate-units", "40", "--trials", trials,
			"--out", out.toString());
		waitFor(c, phase + " ").signal(signal);
		final ChildJava.Ran r = c.finish(120);
		assertFalse(r.hasStackTrace(), r.err());
		assertEquals(status, r.status(), r.err());
		if (phase.equals("demean")) { // nothing trained yet: nothing is written, and the line says so
			assertEquals("cancelled by SIG" + signal + " at the end of a trial; nothing was finished, so nothing was written " +
				"(the folder is as it was)", lastLine(r.err()));
			assertTrue(r.err().contains("cancelled: cancelled during the demean phase; nothing trained yet"), r.err());
			assertFalse(Files.exists(out.resolve("summary.json")));
			assertEquals(List.of(), RunFolders.leftovers(out));
			return;
		}
		assertEquals("cancelled by SIG" + signal + " at the end of a trial; what was finished is kept (the files named above, " +
			"marked partial and cancelled)", lastLine(r.err()));
		final JsonObject s = JsonParser.parseString(Files.readString(out.resolve("summary.json"))).getAsJsonObject();
		assertTrue(s.get("partial").getAsBoolean(), s.toString());
		assertTrue(s.get("cancelled").getAsBoolean(), s.toString());
		assertTrue(s.get("note").getAsString().startsWith("cancelled"), s.toString());
		if (phase.equals("rls")) {
			final int done = s.get("rls_trials_done").getAsInt();
			assertTrue(done > 0 && done < 4000, "stopped within the RLS phase: " + done);
			assertTrue(r.out().contains("cancelled after " + done + " of 4000 RLS trials; the partial network (" + done +
				" RLS trials) is saved"), r.out());
		}
		assertTrue(r.out().contains("wrote " + out.resolve("summary.json")), r.out());
		assertTrue(Files.size(out.resolve("training_nmse.png")) > 0, "the pictures are written");
		assertNull(RunFolders.mixed(out));
		assertEquals(List.of(), RunFolders.leftovers(out));
	}

	@ParameterizedTest(name = "SIG{0} during a sweep")
	@CsvSource({ "TERM, 143", "INT, 130" })
	void aSignalDuringASweepLeavesEveryPointDoneOrPending(final String signal, final int status, @TempDir final Path tmp)
		throws Exception
	{
		final Path out = tmp.resolve("sweep");
		final ChildJava.Child c = ChildJava.start(tmp, Map.of(), "sweep", "--neurons", "60,70", "--rate-units", "40",
			"--trials", "2,3,3,3000,2", "--threads", "2", "--out", out.toString());
		waitFor(c, "Sweep on ");
		Thread.sleep(1500); // into the points' training
		c.signal(signal);
		final ChildJava.Ran r = c.finish(120);
		assertFalse(r.hasStackTrace(), r.err());
		assertEquals(status, r.status(), r.err());
		assertEquals("cancelled by SIG" + signal + " at the end of a trial; no point had finished; all 3 are pending (the same " +
			"sweep command runs them)", lastLine(r.err()));
		assertTrue(r.out().matches("(?s)0 of 3 points done, 0 failed, 3 pending \\(cancelled; the same sweep command runs them\\); " +
			"wrote .*sweep\\.json\\s*"), r.out());
		assertTrue(Files.exists(out.resolve("spec.json")), "the sweep's parameters are recorded for its resumption");
		assertEquals(List.of(), RunFolders.leftovers(out));
	}
}
