package org.rate2spike.protocol;

import java.util.Random;

import org.rate2spike.rate.PcaBasis;
import org.rate2spike.rate.RateConnectivity;
import org.rate2spike.rate.RateParams;
import org.rate2spike.rate.RateTargets;
import org.rate2spike.task.DataSpec;
import org.rate2spike.task.Task;
import org.rate2spike.task.Trial;
import org.rate2spike.util.ParameterException;
import org.rate2spike.util.Seeds;

/**
 * Stage 1 for factors taken from data: the leading PCs of recorded population activity (carried by the task's
 * trials) instead of the driven rate network's teacher signal. Same protocol as {@link TargetsStage}: settling trials,
 * then the PCA trials, whose activity enters the uncentred second-moment matrix; the same rule picks ñ.
 *
 * <p>The result is stored as rate targets without a rate network: Ñ is the number of recorded units, J̃ and ũ_out are
 * zero, x0 is zero, and ũ_in is uniform in [−1, 1] scaled by √(500/Ñ), so that the spiking network's input projection
 * U·ũ_in is as strong as with a 500-unit rate network.
 */
public final class ActivityTargets {

	private ActivityTargets() {}

	public static RateTargets run(final Task task, final RateParams params, final TrialCounts counts, final long seed,
		final Progress progress)
	{
		counts.validate();
		final Random settle = Seeds.stream(seed, Seeds.SETTLE_TRIALS);
		final Random trials = Seeds.stream(seed, "trials-" + Phase.PCA.key());
		final int total = counts.init() + counts.pca();
		progress.phaseStarted(Phase.PCA, total);
		PcaBasis.Accumulator acc = null;
		int units = 0;
		double[] column = null;
		for (int tr = 0; tr < total; tr++) {
			final boolean counted = tr >= counts.init();
			final Trial trial = task.nextTrial(counted ? trials : settle);
			if (acc == null) {
				units = trial.activity().length;
				acc = new PcaBasis.Accumulator(units);
				column = new double[units];
			}
			if (counted) for (int t = 0; t < trial.steps(); t++) {
				for (int i = 0; i < units; i++) column[i] = trial.activity()[i][t];
				acc.add(column);
			}
			progress.trialDone(Phase.PCA, tr + 1, total, Double.NaN);
			if (progress.cancelled()) throw new CancelledException("cancelled while computing the factor targets; nothing to keep yet");
		}
		if (params.pcs() > units) throw new ParameterException("pcs", "asks for " + params.pcs() +
			" components but the population activity has only " + units + " units; use pcs <= " + units + " or 0");
		final RateParams p = params.with("rate_units", units);
		final PcaBasis basis = acc.basis(p.fracPca(), p.pcs());
		final Random rng = Seeds.stream(seed, Seeds.RATE_CONNECTIVITY);
		final double scale = Math.sqrt(500.0 / units);
		final double[][] in = new double[task.inputs()][units];
		for (final double[] c : in)
			for (int i = 0; i < units; i++) c[i] = scale * (2 * rng.nextDouble() - 1);
		final RateConnectivity conn = new RateConnectivity(new double[units][units], new double[task.outputs()][units], in);
		return new RateTargets(task.name(), seed, p, conn, new double[units], basis, counts.init(), counts.pca(),
			DataSpec.stored(task));
	}

	/** True for targets made by {@link #run}: no rate network (its output drive ũ_out is zero). */
	public static boolean isActivity(final RateTargets targets) {
		for (final double[] c : targets.connectivity().outputDrive())
			for (final double v : c) if (v != 0) return false;
		return targets.outputs() > 0;
	}
}
