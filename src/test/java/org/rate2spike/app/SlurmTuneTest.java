package org.rate2spike.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.protocol.Progress;
import org.rate2spike.sweep.SlurmCluster;
import org.rate2spike.sweep.SlurmExecutor;
import org.rate2spike.tune.Evaluation;
import org.rate2spike.tune.SlurmTuner;
import org.rate2spike.tune.TuneSpec;
import org.rate2spike.tune.TuneTable;
import org.rate2spike.tune.Tuner;

/**
 * A real SLURM cluster (CI starts a one-node one with .ci/slurm-up.sh): a search with one job array per rung gives the
 * local search's table, winner and test; cancelled in its first rung it cancels the array, and run again it continues
 * without training a recorded configuration again; a task that leaves no row becomes a failed row with the reason from
 * its log. Skipped, with the reason printed, only where sinfo fails and CI is not set.
 */
class SlurmTuneTest {

	private static final SlurmExecutor.Options SLURM = new SlurmExecutor.Options("", "00:10:00", 1, 0, List.of());

	/** Records what the search reports; cancels (as Ctrl-C does) once {@code stopAfter} trainings are recorded. */
	private static final class Watch implements Tuner.Listener {
		final List<String> notes = Collections.synchronizedList(new ArrayList<>());
		final List<String> finished = Collections.synchronizedList(new ArrayList<>());
		final AtomicBoolean stop = new AtomicBoolean();
		final int stopAfter;

		Watch(final int stopAfter) {
			this.stopAfter = stopAfter;
		}

		@Override
		public void finished(final Evaluation e, final int done, final int planned) {
			finished.add(e.key());
			if (finished.size() >= stopAfter) stop.set(true);
		}

		@Override
		public void note(final String message) {
			notes.add(message);
		}

		@Override
		public boolean cancelled() {
			return stop.get();
		}
	}

	private static TuneRun.Result run(final Path dir, final SlurmExecutor.Options slurm, final Watch w) throws IOException {
		return TuneRun.run(new TuneRun.Request(TuneTaskTest.tiny(), org.rate2spike.pipeline.TaskSettings.all(),
			Output.cli(dir, true), 2, slurm), w, new Progress() {
			@Override
			public boolean cancelled() {
				return w.cancelled();
			}
		});
	}

	/** "rung id" lines of the jobs the search submitted. */
	private static List<String> jobs(final Path dir) throws IOException {
		return Files.readAllLines(dir.resolve(SlurmTuner.JOBS));
	}

	@Test
	void aSearchOnSlurmGivesTheLocalResultAndContinuesAfterACancel(@TempDir final Path dir) throws Exception {
		SlurmCluster.assume("SlurmTuneTest");
		final Path local = dir.resolve("local"), slurm = dir.resolve("slurm");
		final TuneRun.Result expected = run(local, null, new Watch(Integer.MAX_VALUE));
		assertTrue(expected.search().complete());

		// cancelled once two trainings of the first rung are recorded: the array is cancelled, the rows kept, nothing failed
		final Watch first = new Watch(2);
		final TuneRun.Result cut = run(slurm, SLURM, first);
		assertFalse(cut.search().complete());
		final List<Evaluation> kept = TuneTable.read(slurm.resolve(TuneTable.FILE), TuneTaskTest.tiny().space().names()).rows();
		assertTrue(kept.size() >= 2 && kept.size() < 5, "stopped in the first rung: " + kept);
		assertTrue(kept.stream().allMatch(e -> e.status().equals(Evaluation.DONE)), "a cancelled task is not a failed row: " + kept);
		final List<String> cutJobs = jobs(slurm);
		assertEquals(1, cutJobs.size(), cutJobs.toString());
		final String cutId = cutJobs.get(0).split(" ")[1];
		assertTrue(first.notes.contains("rung 0: submitted job array " + cutId + " (5 tasks)"), first.notes.toString());
		assertTrue(first.notes.contains("cancelled job array " + cutId + "; finished trainings are kept"), first.notes.toString());
		// nothing pending or running is left; a task SLURM is still tearing down (COMPLETING) leaves the queue by itself
		final String left = SlurmExecutor.queued(List.of(cutId)).trim();
		assertTrue(left.lines().allMatch(l -> l.endsWith(":COMPLETING")), "the array was cancelled: " + left);
		assertTrue(Files.readString(slurm.resolve("slurm/tune-rung0.sbatch")).contains("org.rate2spike.app.TuneTask --dir"));

		// run again: the rest, on new arrays; no recorded training runs again; then the same table, winner and test
		final Watch second = new Watch(Integer.MAX_VALUE);
		final TuneRun.Result r = run(slurm, SLURM, second);
		assertTrue(r.search().complete(), second.notes.toString());
		for (final Evaluation e : kept) assertFalse(second.finished.contains(e.key()), e.key() + " was recorded before");
		final List<String> later = jobs(slurm).subList(1, jobs(slurm).size());
		assertEquals(List.of("0", "1", "winner"), later.stream().map(l -> l.split(" ")[0]).toList(), "rung 0's rest, rung 1, the winner");
		for (final Evaluation e : kept) {
			final String id = later.get(0).split(" ")[1];
			assertFalse(Files.exists(slurm.resolve(SlurmTuner.LOGS).resolve("tune-r0_" + id + "_" + e.config() + ".out")),
				"config " + e.config() + " was not submitted again");
		}
		assertEquals(TuneTaskTest.withoutWallTime(local.resolve(TuneTable.FILE)), TuneTaskTest.withoutWallTime(slurm.resolve(TuneTable.FILE)),
			"the same table as the local search");
		assertEquals(expected.search().winner().config(), r.search().winner().config());
		assertEquals(expected.bestTestNmse(), r.bestTestNmse(), "the winner trained and tested on SLURM as here");
		assertEquals(expected.command().replace(local.toString(), slurm.toString()), r.command());

		// run again after the end: nothing is submitted
		final Watch third = new Watch(Integer.MAX_VALUE);
		assertEquals(expected.bestTestNmse(), run(slurm, SLURM, third).bestTestNmse());
		assertEquals(List.of(), third.notes);
		assertEquals(4, jobs(slurm).size());
	}

	/** Stands for the search's process being killed while it waits: an Error, so nothing catches it and no scancel runs. */
	private static final class Killed extends Error {
		private static final long serialVersionUID = 1L;
	}

	@Test
	void runAgainAfterAKillItWaitsForTheArrayStillRunningInsteadOfSubmittingAgain(@TempDir final Path dir) throws Exception {
		SlurmCluster.assume("SlurmTuneTest");
		final TuneSpec spec = TuneTaskTest.tiny();
		Tuner.run(spec, dir, (rung, configs, fraction, progress, done) -> {}, new Tuner.Listener() {}); // the folder's search.json
		final List<String> notes = new ArrayList<>();
		final Progress killed = new Progress() {
			@Override
			public boolean cancelled() {
				throw new Killed();
			}
		};
		org.junit.jupiter.api.Assertions.assertThrows(Killed.class, () -> new SlurmTuner(spec, dir, SLURM, 1, notes::add).run(0,
			List.of(0, 1, 2), 1.0 / 3, killed, e -> {}));
		assertEquals(1, jobs(dir).size());
		final String id = jobs(dir).get(0).split(" ")[1];
		final List<Evaluation> rows = Collections.synchronizedList(new ArrayList<>());
		new SlurmTuner(spec, dir, SLURM, 1, notes::add).run(0, List.of(0, 1, 2), 1.0 / 3, Progress.NONE, rows::add);
		assertTrue(notes.contains("rung 0: waiting for job array " + id + ", submitted before"), notes.toString());
		assertEquals(1, jobs(dir).size(), "nothing submitted again: " + jobs(dir));
		assertEquals(List.of("0@0", "1@0", "2@0"), rows.stream().map(Evaluation::key).sorted().toList());
		assertTrue(rows.stream().allMatch(e -> e.status().equals(Evaluation.DONE)), rows.toString());
	}

	@Test
	void aTaskThatLeavesNoRowIsAFailedRowWithTheReasonFromItsLog(@TempDir final Path dir) throws Exception {
		SlurmCluster.assume("SlurmTuneTest");
		// no search.json in the folder: every task refuses it, prints one error line and leaves no row
		final TuneSpec spec = TuneTaskTest.tiny();
		final List<Evaluation> rows = Collections.synchronizedList(new ArrayList<>());
		final List<String> notes = new ArrayList<>();
		new SlurmTuner(spec, dir, SLURM, 1, notes::add).run(0, List.of(1, 3), 1.0 / 3, Progress.NONE, rows::add);
		assertEquals(List.of("1@0", "3@0"), rows.stream().map(Evaluation::key).sorted().toList());
		for (final Evaluation e : rows) {
			assertEquals(Evaluation.FAILED, e.status());
			assertTrue(Double.isNaN(e.score()));
			assertEquals(spec.proposal(e.config()), e.values());
			assertEquals(1, e.trialsRls());
			assertTrue(e.message().startsWith("the SLURM task left no result: error: ") && e.message().contains("does not describe the search in"),
				e.message());
		}
	}
}
