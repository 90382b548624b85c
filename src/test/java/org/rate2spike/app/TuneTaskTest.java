package org.rate2spike.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.format.FileFormatException;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.tune.Evaluation;
import org.rate2spike.tune.SearchSpace;
import org.rate2spike.tune.SlurmTuner;
import org.rate2spike.tune.TrainingObjective;
import org.rate2spike.tune.TuneResult;
import org.rate2spike.tune.TuneSpec;
import org.rate2spike.tune.TuneTable;
import org.rate2spike.tune.Tuner;

/**
 * The SLURM array task's body without a cluster: a search whose trainings run as {@link TuneTask}s do on the cluster
 * (each reading the search from the folder's files and leaving its row there) gives the local search's table, and a
 * task refuses a folder whose files describe another search.
 */
class TuneTaskTest {

	/** Tiny trainings: seed 2 gives five different first-rung scores, promotes config 3 and carries config 0 along. */
	static TuneSpec tiny() {
		final TrainingConfig base = TrainingConfig.DEFAULTS.with("seed", "2").with("neurons", "40").with("rate_units", "40")
			.with("trials", "2,3,3,4,2");
		return new TuneSpec(base, SearchSpace.resolve("gz=2:6", "gz,rls_alpha,dt_rls", Set.of(), base), 6, 0, 3,
			3, 2);
	}

	static List<String> withoutWallTime(final Path csv) throws IOException {
		return Files.readAllLines(csv).stream().map(l -> l.replaceAll(",[^,]*,([^,]*)$", ",_,$1")).toList();
	}

	/** Runs each training in this process as the array task does, through the folder's files only. */
	private static Tuner.Executor asArrayTasks(final TuneSpec spec, final Path dir, final List<String> ran) {
		return new Tuner.Executor() {
			@Override
			public void run(final int rung, final List<Integer> configs, final double fraction, final Progress progress,
				final Consumer<Evaluation> done) throws IOException
			{
				SlurmTuner.writeSpec(dir, spec);
				for (final int c : configs) {
					try {
						assertTrue(TuneTask.run(dir, rung, c, new PrintStream(java.io.OutputStream.nullOutputStream())));
					}
					catch (final Exception e) {
						throw new AssertionError(e);
					}
					ran.add(c + "@" + rung);
					done.accept(SlurmTuner.readRow(dir, spec, rung, c));
				}
			}
		};
	}

	@Test
	void trainingsRunAsArrayTasksGiveTheLocalSearch(@TempDir final Path dir) throws Exception {
		final TuneSpec spec = tiny();
		final TuneResult local = Tuner.run(spec, dir.resolve("local"), 2, new TrainingObjective(spec.validationTrials()),
			new Tuner.Listener() {});
		final List<String> ran = new ArrayList<>();
		final TuneResult tasks = Tuner.run(spec, dir.resolve("tasks"), asArrayTasks(spec, dir.resolve("tasks"), ran),
			new Tuner.Listener() {});
		assertEquals(withoutWallTime(dir.resolve("local").resolve(TuneTable.FILE)), withoutWallTime(dir.resolve("tasks").resolve(TuneTable.FILE)));
		assertEquals(List.of("0@0", "1@0", "2@0", "3@0", "4@0", "3@1", "0@1"), ran, "rung 0's five, then the promoted one and the start");
		assertEquals(local.winner().config(), tasks.winner().config());
		assertEquals(local.winner().score(), tasks.winner().score());

		// a task run again finds its row and trains nothing; the row it left reads back as the table's row
		final Evaluation row = tasks.rows().get(3);
		final long before = Files.getLastModifiedTime(SlurmTuner.rowFile(dir.resolve("tasks"), row.rung(), row.config())).toMillis();
		assertEquals(row.score(), SlurmTuner.runTask(dir.resolve("tasks"), row.rung(), row.config()).score());
		assertEquals(before, Files.getLastModifiedTime(SlurmTuner.rowFile(dir.resolve("tasks"), row.rung(), row.config())).toMillis());
	}

	@Test
	void aChoiceAxisComesBackFromTheArrayTasksSpec(@TempDir final Path dir) throws Exception {
		final TuneSpec t = tiny();
		final TuneSpec spec = new TuneSpec(t.base(), SearchSpace.resolve("gz=2:6,neuron_model=lif|theta", "gz,neuron_model", Set.of(),
			t.base()), 6, 0, 3, 3, 2);
		Tuner.run(spec, dir, (rung, configs, fraction, progress, done) -> {}, new Tuner.Listener() {}); // writes search.json only
		SlurmTuner.writeSpec(dir, spec);
		final TuneSpec back = SlurmTuner.readSpec(dir);
		assertEquals(spec.toMap(), back.toMap());
		for (int i = 0; i < 6; i++) assertEquals(spec.proposal(i), back.proposal(i), "configuration " + i);
	}

	@Test
	void aTaskRefusesAFolderOfAnotherSearchOrARungOutsideIt(@TempDir final Path dir) throws Exception {
		final TuneSpec spec = tiny();
		assertTrue(assertThrows(FileFormatException.class, () -> SlurmTuner.runTask(dir, 0, 1)).getMessage()
			.contains("is not a search folder written by 'tune --executor slurm'"));
		Tuner.run(spec, dir, (rung, configs, fraction, progress, done) -> {}, new Tuner.Listener() {}); // writes search.json only
		SlurmTuner.writeSpec(dir, spec);
		assertEquals(spec.toMap(), SlurmTuner.readSpec(dir).toMap());
		assertEquals(spec.proposal(0), SlurmTuner.readSpec(dir).proposal(0), "the starting point's values come back too");
		assertEquals("rung: must be in 0..1 (got 2)", assertThrows(org.rate2spike.util.ParameterException.class,
			() -> SlurmTuner.runTask(dir, 2, 0)).getMessage());
		final TuneSpec other = new TuneSpec(spec.base().withSeed(3), spec.space(), 6, 0, 3, 3, 2);
		SlurmTuner.writeSpec(dir, other);
		assertTrue(assertThrows(FileFormatException.class, () -> SlurmTuner.runTask(dir, 0, 1)).getMessage()
			.contains("does not describe the search in"));
	}
}
