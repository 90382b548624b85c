package org.rate2spike.protocol;

import java.util.ArrayDeque;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.rate2spike.kernels.Workers;

import org.rate2spike.rate.DrivenRateNetwork;
import org.rate2spike.rate.PcaBasis;
import org.rate2spike.rate.RateConnectivity;
import org.rate2spike.rate.RateParams;
import org.rate2spike.rate.RateTargets;
import org.rate2spike.task.DataSpec;
import org.rate2spike.task.Task;
import org.rate2spike.task.Trial;
import org.rate2spike.util.ParameterException;
import org.rate2spike.util.Seeds;

/** Stage 1: draw the driven rate network, run it on the task, and keep the leading PCs of its teacher signal. */
public final class TargetsStage {

	private TargetsStage() {}

	/**
	 * The most f_J the PCA phase keeps for replay: 256 MiB (64 trials of 1000 steps at Ñ = 500), or an eighth of the
	 * heap if less. Tasks whose trials all differ fill it with trials that later phases do not replay, so it is kept
	 * small; the oscillation task converges within 15–30 trials.
	 */
	static final long PCA_RECORD_BYTES = Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8);

	public static RateTargets run(final Task task, final RateParams params, final TrialCounts counts, final long seed,
		final Progress progress)
	{
		return runKeeping(task, params, counts, seed, progress).targets();
	}

	/**
	 * The targets and the teacher's f_PC of the PCA phase's trials, as a {@link TeacherCache} from which the later
	 * phases of the same run replay the trials they share with it.
	 */
	public record Result(RateTargets targets, TeacherCache cache) {}

	/** As {@link #run}, keeping the PCA phase's trials for the later phases. */
	public static Result runKeeping(final Task task, final RateParams params, final TrialCounts counts, final long seed,
		final Progress progress)
	{
		params.validate();
		counts.validate();
		if (Math.abs(task.dt() - params.dt()) > 1e-12 * params.dt())
			throw new ParameterException("dt", "the task is sampled at " + task.dt() + " s but the network steps at " + params.dt() + " s");
		final RateConnectivity conn = RateConnectivity.random(params, task.inputs(), task.outputs(),
			Seeds.stream(seed, Seeds.RATE_CONNECTIVITY));
		final double[] x0 = initialRateState(params.units(), seed);
		final DrivenRateNetwork rate = new DrivenRateNetwork(conn, params.tau(), params.dt(), x0);
		final PcaBasis.Accumulator acc = new PcaBasis.Accumulator(params.units());
		final TeacherRecord record = new TeacherRecord(PCA_RECORD_BYTES);

		final int total = counts.init() + counts.pca();
		progress.phaseStarted(Phase.PCA, total);
		final Random settle = Seeds.stream(seed, Seeds.SETTLE_TRIALS);
		final Random trials = Seeds.stream(seed, "trials-" + Phase.PCA.key());
		// The rate network runs a trial ahead on its own thread (when there are two) and hands over each trial's
		// f_J, computed or replayed (see TeacherRecord); this thread adds the computed ones to the covariance in time
		// order and counts the replays, which are added at the end, each recorded trial weighted by its replays.
		final ExecutorService ahead = Workers.threads() > 1 ? Executors.newSingleThreadExecutor(Workers.daemon("rate2spike-rate")) : null;
		final ArrayDeque<double[][]> free = new ArrayDeque<>();
		int replayed = 0;
		try {
			Future<Outcome> next = run(ahead, rate, record, task.nextTrial(counts.init() > 0 ? settle : trials), free);
			for (int tr = 0; tr < total; tr++) {
				final boolean counted = tr >= counts.init();
				final Outcome f = Workers.await(next);
				next = tr + 1 < total ? run(ahead, rate, record, task.nextTrial(tr + 1 >= counts.init() ? trials : settle), free) : null;
				if (f.replayed != null) replayed++;
				if (counted) {
					if (f.replayed != null) f.replayed.replays++;
					else acc.addAll(f.rows, f.rows.length);
				}
				if (f.reusable) synchronized (free) {
					free.add(f.rows);
				}
				progress.trialDone(Phase.PCA, tr + 1, total, Double.NaN);
				if (progress.cancelled()) {
					if (next != null) Workers.await(next);
					throw new CancelledException("cancelled while computing the rate targets; nothing to keep yet");
				}
			}
		}
		finally {
			if (ahead != null) ahead.shutdown();
		}
		progress.teacherTrials(Phase.PCA, total - replayed, replayed);
		for (final TeacherRecord.Entry e : record.entries())
			if (e.replays > 0) acc.addRepeated(e.rows, e.rows.length, e.replays);
		final PcaBasis basis = acc.basis(params.fracPca(), params.pcs());
		final RateTargets targets = new RateTargets(task.name(), seed, params, conn, x0, basis, counts.init(), counts.pca(),
			DataSpec.stored(task));
		return new Result(targets, new TeacherCache(targets, record.project(basis.components(), TeacherCache.MAX_BYTES)));
	}

	/** One trial's f_J by step: computed (then {@code replayed} is null), or replayed from the record. */
	private record Outcome(double[][] rows, TeacherRecord.Entry replayed, boolean reusable) {}

	/**
	 * Runs one trial of the rate network (on {@code ahead} if not null), or replays it from the record; returns f_J of
	 * every step as rows.
	 */
	private static Future<Outcome> run(final ExecutorService ahead, final DrivenRateNetwork rate, final TeacherRecord record,
		final Trial trial, final ArrayDeque<double[][]> free)
	{
		final int hash = TeacherRecord.driveHash(trial);
		final Callable<Outcome> job = () -> {
			final double[] x = rate.state();
			final TeacherRecord.Entry hit = record.find(trial, hash, x);
			if (hit != null) {
				rate.reset(hit.end);
				return new Outcome(hit.rows, hit, false);
			}
			final TeacherRecord.Entry e = record.add(trial, hash, x, 0, rate.units());
			double[][] f = e != null ? e.rows : null;
			if (f == null) {
				synchronized (free) {
					f = free.poll();
				}
				if (f == null || f.length != trial.steps()) f = new double[trial.steps()][rate.units()];
			}
			for (int t = 0; t < trial.steps(); t++) {
				rate.step(trial, t);
				System.arraycopy(rate.teacher(), 0, f[t], 0, f[t].length);
			}
			if (e != null) e.end = rate.state().clone();
			return new Outcome(f, null, e == null);
		};
		if (ahead != null) return ahead.submit(job);
		try {
			return CompletableFuture.completedFuture(job.call());
		}
		catch (final Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** x0 ~ N(0,1), from its own stream. */
	public static double[] initialRateState(final int units, final long seed) {
		final Random rng = Seeds.stream(seed, "initial-rate-state");
		final double[] x0 = new double[units];
		for (int i = 0; i < units; i++) x0[i] = rng.nextGaussian();
		return x0;
	}
}
