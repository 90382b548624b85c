package org.rate2spike.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rate2spike.kernels.Workers;
import org.rate2spike.rate.RateParams;
import org.rate2spike.rate.RateTargets;
import org.rate2spike.task.Task;
import org.rate2spike.task.Tasks;
import org.rate2spike.task.Trial;

/** Replaying recorded f_PC gives exactly what computing afresh gives, also where a phase's trials stop matching. */
class TeacherPipelineTest {

	private final int threads = Workers.threads();

	@AfterEach
	void restore() {
		Workers.setThreads(threads);
	}

	private static Trial scaled(final Trial t, final double f) {
		final double[][] in = new double[t.inputs()][];
		for (int k = 0; k < in.length; k++) {
			in[k] = t.input()[k].clone();
			for (int i = 0; i < in[k].length; i++) in[k][i] *= f;
		}
		return new Trial(in, t.output(), t.condition());
	}

	/** f_PC blocks of a sequence of trials from a fresh source, without any record. */
	private static double[][] fresh(final RateTargets targets, final List<Trial> trials) {
		try (TeacherPipeline p = new TeacherPipeline(new RateFactorSource(targets), null)) {
			final double[][] out = new double[trials.size()][];
			for (final Trial t : trials) p.submit(t);
			for (int i = 0; i < out.length; i++) out[i] = p.next().clone();
			return out;
		}
	}

	@Test
	void replayEqualsFreshComputationWhateverTheThreads() {
		for (final int th : new int[] { 1, 2 }) {
			Workers.setThreads(th);
			final Task task = Tasks.create("oscillation", 0.001);
			final RateTargets targets = TargetsStage.run(task, RateParams.DEFAULTS.with("rate_units", 40), new TrialCounts(1, 2, 1, 1, 1), 4,
				Progress.NONE);
			final Trial a = task.nextTrial(new Random(1)), b = scaled(a, 0.5), c = scaled(a, 2), d = scaled(a, 1.5);
			final TeacherRecord record = new TeacherRecord(1L << 30);
			final FactorSource source = new RateFactorSource(targets);
			final List<List<Trial>> phases = List.of(List.of(a, b, a), List.of(a, b, a, c, a), List.of(a, b, d, a),
				List.of(a, b, a, c, a, a));
			for (final List<Trial> phase : phases) {
				final double[][] expected = fresh(targets, phase);
				try (TeacherPipeline p = new TeacherPipeline(source, record)) {
					for (final Trial t : phase) p.submit(t);
					for (int i = 0; i < phase.size(); i++) {
						final double[] block = p.next();
						assertArrayEquals(expected[i], block, th + " threads, phase " + phase.size() + ", trial " + i);
						p.release(block);
					}
				}
			}
			// the first two trials of every phase were replayed from the record of the first phase
			try (TeacherPipeline p = new TeacherPipeline(source, record)) {
				p.submit(a);
				final double[] first = p.next();
				try (TeacherPipeline q = new TeacherPipeline(source, record)) {
					q.submit(a);
					assertSame(first, q.next());
				}
				try (TeacherPipeline q = new TeacherPipeline(new RateFactorSource(targets), null)) {
					q.submit(a);
					assertNotSame(first, q.next());
				}
			}
		}
	}

	/**
	 * The oscillation task repeats one trial: once the driven network has converged, trials are replayed within the
	 * tolerance of computing them (|Δf| ≈ |Δx|), a later phase computes nothing, and the PCA phase's record serves the
	 * later phases.
	 */
	@Test
	void convergedTrialsAreReplayedWithinTheTolerance() {
		final Task task = Tasks.create("oscillation", 0.001);
		final TargetsStage.Result r = TargetsStage.runKeeping(task, RateParams.DEFAULTS.with("rate_units", 60),
			new TrialCounts(20, 40, 1, 1, 1), 2, Progress.NONE);
		final RateTargets targets = r.targets();
		final TeacherRecord record = TeacherCache.recordFor(r.cache(), targets);
		final int recorded = record.size();
		assertTrue(recorded > 0 && recorded < 40, "the PCA phase computed " + recorded + " of 60 trials");
		final Trial a = task.nextTrial(new Random(1));
		final List<Trial> phase = java.util.Collections.nCopies(60, a);
		final double[][] fresh = fresh(targets, phase);
		try (TeacherPipeline p = new TeacherPipeline(new RateFactorSource(targets), record)) {
			for (final Trial t : phase) p.submit(t);
			for (int i = 0; i < phase.size(); i++) {
				final double[] block = p.next();
				double max = 0, scale = 0;
				for (int k = 0; k < block.length; k++) {
					max = Math.max(max, Math.abs(block[k] - fresh[i][k]));
					scale = Math.max(scale, Math.abs(fresh[i][k]));
				}
				if (i < recorded) assertEquals(0, max, "trial " + i + " replays exactly what the PCA phase computed");
				else assertTrue(max <= 10 * TeacherRecord.TOLERANCE * scale, "trial " + i + ": replayed within " + max + " of " + scale);
				p.release(block);
			}
			p.close();
			assertEquals(0, p.computed(), "a later phase computes nothing");
			assertEquals(60, p.replayed());
		}
	}
}
