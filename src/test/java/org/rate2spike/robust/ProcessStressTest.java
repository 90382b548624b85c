package org.rate2spike.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

/**
 * The reliability issue's process-level cases, with real child processes: {@code kill -9} at random moments of
 * {@code train --overwrite}, two trainings into one folder at once, and a full disk ({@code ulimit -f}, and a small
 * tmpfs where a private mount is allowed). Afterwards no folder mixes two runs and, after the next run, no staging
 * folder or temporary file is left. CI runs a reduced count; {@code -Drate2spike.stress.kills=200
 * -Drate2spike.stress.doubles=50} runs the full count. Each test prints its figures (and appends them to
 * {@code target/stress-figures.txt}).
 */
class ProcessStressTest {

	private static final int KILLS = Integer.getInteger("rate2spike.stress.kills", 20);
	private static final int DOUBLES = Integer.getInteger("rate2spike.stress.doubles", 5);
	private static final long SEED = Long.getLong("rate2spike.stress.seed", System.nanoTime());

	private static final List<String> SMALL = List.of("--neurons", "60", "--rate-units", "40", "--trials", "2,3,3,4,2");

	private static String[] train(final Path out, final long seed, final String... more) {
		final List<String> a = new ArrayList<>(List.of("train"));
		a.addAll(SMALL);
		a.addAll(List.of("--seed", Long.toString(seed), "--out", out.toString()));
		a.addAll(List.of(more));
		return a.toArray(String[]::new);
	}

	private static void figures(final String line) throws Exception {
		System.out.println(line);
		final Path f = Path.of("target", "stress-figures.txt");
		if (Files.isDirectory(f.getParent()))
			Files.writeString(f, java.time.Instant.now() + " " + line + "\n", StandardCharsets.UTF_8,
				java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
	}

	private static long seedOf(final Path dir) throws Exception {
		return JsonParser.parseString(Files.readString(dir.resolve("summary.json"))).getAsJsonObject().get("seed").getAsLong();
	}

	@Test
	void killNineAtRandomMomentsNeverMixesTheFolderAndTheNextRunCleansUp(@TempDir final Path tmp) throws Exception {
		final Path out = tmp.resolve("run");
		final Random random = new Random(SEED);
		// one complete run: the folder to overwrite, and how long a run takes here
		final long t0 = System.nanoTime();
		final ChildJava.Ran first = ChildJava.start(tmp, Map.of(), train(out, 1)).finish(300);
		final long firstMillis = (System.nanoTime() - t0) / 1_000_000;
		long runMillis = firstMillis;
		assertEquals(0, first.status(), first.err());
		int mixed = 0, leftAfterKill = 0, finishedBeforeKill = 0, changed = 0, duringCommit = 0;
		final List<String> problems = new ArrayList<>();
		long seedBefore = seedOf(out);
		for (int k = 0; k < KILLS; k++) {
			final ChildJava.Child c = ChildJava.start(tmp, Map.of(), train(out, 100 + k, "--overwrite"));
			Thread.sleep((long) ((0.2 + 0.9 * random.nextDouble()) * runMillis)); // past the JVM's start, up to just after the run's end
			if (!c.process().isAlive()) { // the run was faster than assumed (the first one was cold): aim earlier from now on
				finishedBeforeKill++;
				runMillis = Math.max(500, runMillis * 9 / 10);
			}
			c.process().destroyForcibly(); // SIGKILL
			c.process().waitFor();
			final String m = RunFolders.mixed(out);
			if (m != null) {
				mixed++;
				problems.add("kill " + k + ": " + m);
			}
			if (!RunFolders.leftovers(out).isEmpty()) leftAfterKill++;
			if (RunFolders.committedButUnfinished(out)) duringCommit++;
			if (Files.exists(out.resolve("summary.json"))) {
				final long s = seedOf(out);
				if (s != seedBefore) changed++;
				seedBefore = s;
			}
		}
		// the next run finishes or drops what the killed ones left
		final ChildJava.Ran next = ChildJava.start(tmp, Map.of(), train(out, 7, "--overwrite")).finish(300);
		assertEquals(0, next.status(), next.err());
		assertFalse(next.hasStackTrace(), next.err());
		final List<String> left = RunFolders.leftovers(out);
		assertNull(RunFolders.mixed(out));
		assertEquals(7, seedOf(out));
		figures(String.format("kill -9 of train --overwrite: %d kills (first run %d ms, kills aimed within %d ms at the end, seed %d), %d finished before the kill, " +
			"%d times the folder changed run, %d left a staging folder or .part file, %d killed while moving their files in, " +
			"%d mixed folders, %d leftovers after the next run",
			KILLS, firstMillis, runMillis, SEED, finishedBeforeKill, changed, leftAfterKill, duringCommit, mixed, left.size()));
		assertEquals(List.of(), problems);
		assertEquals(List.of(), left);
	}

	@Test
	void twoTrainingsIntoOneFolderAtOnceLeaveOneRun(@TempDir final Path tmp) throws Exception {
		int bothRan = 0, refused = 0, mixed = 0, leftovers = 0;
		final List<String> problems = new ArrayList<>();
		final Path shared = tmp.resolve("shared");
		for (int round = 0; round < DOUBLES; round++) {
			// even rounds: a new folder, no --overwrite (the case); odd rounds: one folder, both with --overwrite
			final boolean overwrite = round % 2 == 1;
			final Path out = overwrite ? shared : tmp.resolve("new-" + round);
			final ChildJava.Child a = ChildJava.start(tmp, Map.of(), overwrite ? train(out, 2 * round, "--overwrite") : train(out, 2 * round));
			final ChildJava.Child b = ChildJava.start(tmp, Map.of(), overwrite ? train(out, 2 * round + 1, "--overwrite") : train(out, 2 * round + 1));
			final ChildJava.Ran ra = a.finish(300), rb = b.finish(300);
			int ok = 0;
			for (final ChildJava.Ran r : List.of(ra, rb)) {
				if (r.hasStackTrace()) problems.add("round " + round + ": a stack trace: " + r.err());
				if (r.status() == 0) ok++;
				else if (r.status() == 2 && (r.err().contains("is being written by another run") || r.err().contains("already holds"))) refused++;
				else problems.add("round " + round + ": exit " + r.status() + ": " + r.err());
			}
			if (ok == 0) problems.add("round " + round + ": neither ran");
			if (ok == 2) bothRan++;
			final String m = RunFolders.mixed(out);
			if (m != null) {
				mixed++;
				problems.add("round " + round + ": " + m);
			}
			final List<String> left = RunFolders.leftovers(out);
			if (!left.isEmpty()) {
				leftovers++;
				problems.add("round " + round + ": left " + left);
			}
			final long s = seedOf(out);
			if (s != 2 * round && s != 2 * round + 1) problems.add("round " + round + ": summary.json of seed " + s);
		}
		figures(String.format("double runs: %d rounds of two trainings into one folder at once, %d with both run one after " +
			"the other, %d refusals with the message, %d mixed folders, %d with leftovers", DOUBLES, bothRan, refused, mixed, leftovers));
		assertEquals(List.of(), problems);
	}

	/** A file-size limit (ulimit -f; the JVM ignores SIGXFSZ, so writes fail with "File too large"). */
	@Test
	void aFileSizeLimitDuringAnOverwriteNamesTheFileAndKeepsThePreviousRun(@TempDir final Path tmp) throws Exception {
		Assumptions.assumeTrue(ChildJava.works("bash", "-c", "ulimit -f 100"), "bash with ulimit");
		final Path out = tmp.resolve("run");
		assertEquals(0, ChildJava.start(tmp, Map.of(), train(out, 5)).finish(300).status());
		final byte[] network = Files.readAllBytes(out.resolve("network.npz"));
		// rate_recurrent alone is 300 × 300 × 8 bytes = 720 kB, over the 256 kB limit
		final List<String> big = ChildJava.command(List.of(), "train", "--neurons", "60", "--rate-units", "300", "--trials", "2,3,3,4,2",
			"--seed", "6", "--out", out.toString(), "--overwrite");
		final ChildJava.Ran r = ChildJava.start(tmp, Map.of(), List.of("bash", "-c", "ulimit -f 256; exec " + ChildJava.shell(big))).finish(300);
		figures("ulimit -f: exit " + r.status() + ", " + lastLine(r.err()));
		assertEquals(1, r.status(), r.err());
		assertFalse(r.hasStackTrace(), r.err());
		assertEquals("error: could not write " + out.resolve("targets.npz") + ": File too large; files written earlier are unchanged",
			lastLine(r.err()));
		assertEquals(5, seedOf(out), "the previous run stays");
		assertTrue(java.util.Arrays.equals(network, Files.readAllBytes(out.resolve("network.npz"))));
		assertNull(RunFolders.mixed(out));
		assertEquals(List.of(), RunFolders.leftovers(out), "the failed run removes its staging folder");
	}

	/** A full disk: a 1 MiB tmpfs in a private mount namespace (unshare -rm), where the machine allows one. */
	@Test
	void aFullDiskDuringAnOverwriteNamesTheFileAndKeepsThePreviousRun(@TempDir final Path tmp) throws Exception {
		Assumptions.assumeTrue(ChildJava.works("unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs " + tmp),
			"a private tmpfs mount (unshare -rm) is allowed here");
		final Path disk = tmp.resolve("disk"), copy = tmp.resolve("after");
		Files.createDirectories(disk);
		final Path out = disk.resolve("run");
		final String small = ChildJava.shell(ChildJava.command(List.of(), train(out, 5)));
		final String big = ChildJava.shell(ChildJava.command(List.of(), "train", "--neurons", "60", "--rate-units", "300",
			"--trials", "2,3,3,4,2", "--seed", "6", "--out", out.toString(), "--overwrite"));
		// the folder lives only inside the namespace: copy it out for the checks
		final String script = "mount -t tmpfs -o size=1m tmpfs '" + disk + "' && " + small + " >/dev/null 2>&1 && " +
			"{ " + big + "; echo \"exit $?\" >&2; } ; cp -a '" + out + "' '" + copy + "'";
		final ChildJava.Ran r = ChildJava.start(tmp, Map.of(), List.of("unshare", "-rm", "bash", "-c", script)).finish(600);
		final String[] lines = r.err().strip().split("\n");
		final String message = lines.length > 1 ? lines[lines.length - 2] : "";
		figures("full tmpfs: " + lines[lines.length - 1] + ", " + message);
		assertEquals("exit 1", lines[lines.length - 1], r.err());
		assertFalse(r.hasStackTrace(), r.err());
		assertTrue(message.matches("error: could not write " + java.util.regex.Pattern.quote(out.toString()) + "/(targets|network)\\.npz: " +
			"No space left on device; files written earlier are unchanged"), r.err());
		assertEquals(5, seedOf(copy), "the previous run stays");
		assertNull(RunFolders.mixed(copy));
		assertEquals(List.of(), RunFolders.leftovers(copy));
	}

	private static String lastLine(final String text) {
		final String[] l = text.strip().split("\n");
		return l[l.length - 1];
	}
}
