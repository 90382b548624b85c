package org.rate2spike.baseline;

import org.rate2spike.rate.RateTargets;

/**
 * A trained continuous-variable task network: Ñ tanh units whose recurrent input J·tanh(x) was trained by
 * full-FORCE to reproduce the driven network's f_J, with a readout w·tanh(x) of the task output. The baseline that
 * spiking networks are compared with, and a model in its own right.
 *
 * @param targets the driven network it learned from (shares its input weights ũ_in and initial state)
 * @param recurrent J, Ñ × Ñ, rows: [i][j] from unit j to unit i
 * @param readout w, outputs × Ñ
 * @param seed the seed of its RLS update times
 * @param rlsInterval mean steps between RLS updates
 * @param rlsAlpha P started as I/α
 * @param trainingNmse output nMSE per RLS training trial
 * @param settleTrials settling trials before every phase
 */
public record RateBaseline(RateTargets targets, double[][] recurrent, double[][] readout, long seed, double rlsInterval,
	double rlsAlpha, double[] trainingNmse, int settleTrials) {

	public int units() {
		return targets.units();
	}
}
