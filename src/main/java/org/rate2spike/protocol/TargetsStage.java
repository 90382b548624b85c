package org.rate2spike.protocol;

import java.util.Random;

import org.rate2spike.rate.DrivenRateNetwork;
import org.rate2spike.rate.PcaBasis;
import org.rate2spike.rate.RateConnectivity;
import org.rate2spike.rate.RateParams;
import org.rate2spike.rate.RateTargets;
import org.rate2spike.task.Task;
import org.rate2spike.task.Trial;
import org.rate2spike.util.ParameterException;
import org.rate2spike.util.Seeds;

/** Stage 1: draw the driven rate network, run it on the task, and keep the leading PCs of its teacher signal. */
public final class TargetsStage {

	private TargetsStage() {}

	public static RateTargets run(final Task task, final RateParams params, final TrialCounts counts, final long seed,
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

		final int total = counts.init() + counts.pca();
		progress.phaseStarted(Phase.PCA, total);
		final Random settle = Seeds.stream(seed, Seeds.SETTLE_TRIALS);
		final Random trials = Seeds.stream(seed, "trials-" + Phase.PCA.key());
		for (int tr = 0; tr < total; tr++) {
			final boolean counted = tr >= counts.init();
			final Trial trial = task.nextTrial(counted ? trials : settle);
			for (int t = 0; t < trial.steps(); t++) {
				rate.step(trial, t);
				if (counted) acc.add(rate.teacher());
			}
			progress.trialDone(Phase.PCA, tr + 1, total, Double.NaN);
			if (progress.cancelled()) throw new CancelledException("cancelled while computing the rate targets; nothing to keep yet");
		}
		final PcaBasis basis = acc.basis(params.fracPca(), params.pcs());
		return new RateTargets(task.name(), seed, params, conn, x0, basis, counts.init(), counts.pca());
	}

	/** x0 ~ N(0,1), from its own stream. */
	public static double[] initialRateState(final int units, final long seed) {
		final Random rng = Seeds.stream(seed, "initial-rate-state");
		final double[] x0 = new double[units];
		for (int i = 0; i < units; i++) x0[i] = rng.nextGaussian();
		return x0;
	}
}
