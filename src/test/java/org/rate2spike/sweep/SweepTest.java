package org.rate2spike.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.protocol.TrialCounts;
import org.rate2spike.render.Charts;
import org.rate2spike.util.ParameterException;

class SweepTest {

	private static final SweepSpec SPEC = new SweepSpec(TrainingConfig.DEFAULTS.withTrials(new TrialCounts(1, 3, 3, 3, 2))
		.with("rate_units", "20"), Map.of("neurons", List.of("30", "60")), List.of(1L, 2L), 1.5, true);

	/** The table without its wall-time column, which is the only thing allowed to differ between runs. */
	private static List<String> withoutWallTime(final Path csv) throws IOException {
		return Files.readAllLines(csv).stream().map(l -> l.replaceAll(",[^,]*,([^,]*)$", ",_,$1")).toList();
	}

	@Test
	void resumesAfterInterruptionAndMatchesAnUninterruptedRun(@TempDir final Path dir) throws IOException {
		final Path whole = dir.resolve("whole"), resumed = dir.resolve("resumed");
		final SweepResult r = SweepRunner.run(SPEC, whole, 2, new SweepRunner.Listener() {});
		assertEquals(6, r.points(), "4 spiking points and one baseline per seed");
		assertEquals(6, r.done());
		assertEquals(List.of("kind", "key", "neurons", "seed", "median_test_nmse", "mean_test_nmse", "mean_rate_hz", "pcs",
			"wall_s", "message"), List.of(Files.readAllLines(whole.resolve(SweepTable.FILE)).get(0).split(",")));

		final AtomicInteger finished = new AtomicInteger();
		final SweepResult partial = SweepRunner.run(SPEC, resumed, 1, new SweepRunner.Listener() {
			@Override
			public void finished(final SweepTable.Row row, final int done, final int total) {
				finished.incrementAndGet();
			}

			@Override
			public boolean cancelled() {
				return finished.get() >= 2; // interrupted after two rows
			}
		});
		assertEquals(2, partial.done());
		final List<String> before = Files.readAllLines(resumed.resolve(SweepTable.FILE));
		assertEquals(3, before.size());

		final AtomicInteger rerun = new AtomicInteger(), skipped = new AtomicInteger();
		SweepRunner.run(SPEC, resumed, 2, new SweepRunner.Listener() {
			@Override
			public void started(final int total, final int alreadyDone) {
				skipped.set(alreadyDone);
			}

			@Override
			public void finished(final SweepTable.Row row, final int done, final int total) {
				rerun.incrementAndGet();
			}
		});
		assertEquals(2, skipped.get());
		assertEquals(4, rerun.get(), "only the unfinished points ran again");
		final List<String> after = Files.readAllLines(resumed.resolve(SweepTable.FILE));
		assertTrue(after.containsAll(before.subList(1, 3)), "finished rows were kept as they were");
		assertEquals(withoutWallTime(whole.resolve(SweepTable.FILE)), withoutWallTime(resumed.resolve(SweepTable.FILE)),
			"same seeds, same numbers, whatever the interruption and thread count");
	}

	@Test
	void findsTheExpansionFactorAndDrawsThePlot(@TempDir final Path dir) throws IOException {
		final SweepResult r = SweepRunner.run(SPEC, dir, 2, new SweepRunner.Listener() {});
		assertEquals(1, r.curves().size());
		final SweepResult.Curve c = r.curves().get(0);
		assertEquals(20, c.rateUnits());
		assertEquals(2, c.neurons().length);
		assertTrue(c.baselineNmse() > 0);
		if (c.smallestN() > 0) {
			final int i = c.smallestN() == 30 ? 0 : 1;
			assertTrue(c.medianNmse()[i] <= 1.5 * c.baselineNmse());
			assertEquals(c.smallestN() / 20.0, c.expansionFactor());
		}
		else for (final double m : c.medianNmse()) assertTrue(m > 1.5 * c.baselineNmse());
		final Path png = dir.resolve("sweep.png");
		Charts.savePng(Charts.sweep(r), png);
		assertTrue(Files.size(png) > 1000);
	}

	/** A killed array task run again resumes its point from the checkpoint and gets the uninterrupted numbers. */
	@Test
	void aPointResumesFromItsCheckpoint(@TempDir final Path dir) throws Exception {
		final SweepSpec spec = new SweepSpec(TrainingConfig.DEFAULTS.withTrials(new TrialCounts(1, 3, 3, 20, 2))
			.with("rate_units", "20"), Map.of("neurons", List.of("40")), List.of(3L), 1.5, false);
		final SweepSpec.Job job = spec.jobs().get(0);
		final SweepTable.Row whole = SweepRunner.runJob(spec, job, new java.util.concurrent.ConcurrentHashMap<>(),
			org.rate2spike.protocol.Progress.NONE);
		final Path checkpoint = dir.resolve("0.checkpoint.npz");
		final org.rate2spike.protocol.Progress killedAfter7 = new org.rate2spike.protocol.Progress() {
			boolean stop;

			@Override
			public void trialDone(final org.rate2spike.protocol.Phase phase, final int trial, final int trials, final double nmse) {
				stop = phase == org.rate2spike.protocol.Phase.RLS && trial == 1 + 7;
			}

			@Override
			public boolean cancelled() {
				return stop;
			}
		};
		assertEquals(null, SweepRunner.runJob(spec, job, new java.util.concurrent.ConcurrentHashMap<>(), killedAfter7, checkpoint));
		assertTrue(Files.exists(checkpoint), "checkpoints every 2 of 20 RLS trials: the one after 6 is there");
		assertEquals(6, org.rate2spike.io.NetworkFile.loadCheckpoint(checkpoint).trialsDone());
		final SweepTable.Row resumed = SweepRunner.runJob(spec, job, new java.util.concurrent.ConcurrentHashMap<>(),
			org.rate2spike.protocol.Progress.NONE, checkpoint);
		assertEquals(whole.medianNmse(), resumed.medianNmse());
		assertEquals(whole.meanNmse(), resumed.meanNmse());
		assertEquals(whole.rateHz(), resumed.rateHz());
		assertTrue(!Files.exists(checkpoint), "a finished point removes its checkpoint");
	}

	@Test
	void rejectsBadGridsBeforeRunningAnything() {
		assertEquals("neurons", assertThrows(ParameterException.class, () -> new SweepSpec(TrainingConfig.DEFAULTS,
			Map.of("neurons", List.of("100", "-1")), List.of(1L), 1.5, true).validate()).parameter());
		assertEquals("seeds", assertThrows(ParameterException.class, () -> new SweepSpec(TrainingConfig.DEFAULTS,
			Map.of("neurons", List.of("100")), List.of(1L, 1L), 1.5, true).validate()).parameter());
		assertEquals("tolerance", assertThrows(ParameterException.class, () -> new SweepSpec(TrainingConfig.DEFAULTS,
			Map.of("neurons", List.of("100")), List.of(1L), 0.5, true).validate()).parameter());
	}

	@Test
	void theNeuronModelIsAnAxisAndABadModelIsRefusedBeforeRunning() {
		final SweepSpec spec = new SweepSpec(TrainingConfig.DEFAULTS, Map.of("neuron_model", List.of("lif", "theta")), List.of(1L),
			1.5, false).validate();
		assertEquals(List.of("lif", "theta"), spec.points().stream()
			.map(p -> p.config(spec.base()).spiking().neuronModel()).toList());
		assertEquals("neuron_model", assertThrows(ParameterException.class, () -> new SweepSpec(TrainingConfig.DEFAULTS,
			Map.of("neuron_model", List.of("lif", "adex")), List.of(1L), 1.5, false).validate()).parameter());
	}

	@Test
	void aTableFromAnotherSweepIsRefused(@TempDir final Path dir) throws IOException {
		Files.writeString(dir.resolve(SweepTable.FILE), "kind,key,gz,seed\n");
		final Exception e = assertThrows(ParameterException.class, () -> SweepRunner.run(SPEC, dir, 1, new SweepRunner.Listener() {}));
		assertTrue(e.getMessage().contains("was written by a different sweep"), e.getMessage());
	}
}
