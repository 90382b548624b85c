package org.rate2spike.protocol;

import java.util.Random;

import org.rate2spike.kernels.Kernels;
import org.rate2spike.rate.DrivenRateNetwork;
import org.rate2spike.rate.RateTargets;
import org.rate2spike.task.Task;
import org.rate2spike.task.Trial;
import org.rate2spike.util.Seeds;

/**
 * The driven rate network's activity during one trial, for pictures: rates tanh(x) of every unit and the factors
 * f_PC = uPCᵀ f_J. The network starts from its stored state and settles exactly as in the PCA phase, so the trial
 * shown is the first trial that entered the PCA.
 *
 * @param rates tanh(x), [unit][step]
 * @param factors f_PC, [factor][step]
 * @param dt time step (s)
 */
public record RateActivity(double[][] rates, double[][] factors, double dt) {

	public static RateActivity record(final RateTargets targets, final Task task) {
		TrainingStage.checkTask(targets, task);
		final DrivenRateNetwork rate = new DrivenRateNetwork(targets.connectivity(), targets.params().tau(),
			targets.params().dt(), targets.initialState());
		final Random settle = Seeds.stream(targets.seed(), Seeds.SETTLE_TRIALS);
		for (int tr = 0; tr < targets.settleTrials(); tr++) {
			final Trial trial = task.nextTrial(settle);
			for (int t = 0; t < trial.steps(); t++) rate.step(trial, t);
		}
		final Trial trial = task.nextTrial(Seeds.stream(targets.seed(), "trials-" + Phase.PCA.key()));
		final int units = targets.units(), steps = trial.steps();
		final double[][] pcs = targets.basis().components();
		final double[][] rates = new double[units][steps], factors = new double[pcs.length][steps];
		for (int t = 0; t < steps; t++) {
			rate.step(trial, t);
			final double[] fJ = rate.teacher();
			for (int k = 0; k < pcs.length; k++) factors[k][t] = Kernels.dot(pcs[k], fJ, units);
			final double[] x = rate.state();
			for (int i = 0; i < units; i++) rates[i][t] = Math.tanh(x[i]);
		}
		return new RateActivity(rates, factors, targets.params().dt());
	}

	public int steps() {
		return rates.length == 0 ? 0 : rates[0].length;
	}
}
