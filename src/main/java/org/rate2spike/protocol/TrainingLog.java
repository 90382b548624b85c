package org.rate2spike.protocol;

/**
 * What the training phases measured.
 *
 * @param demeanRateHz mean firing rate during the demean phase's counted trials
 * @param rlsNmse output nMSE of each RLS trial
 * @param rlsFactorNmse factor nMSE (ẑ vs f_PC) of each RLS trial
 * @param demeanSeconds wall time of the demean phase
 * @param rlsSeconds wall time of the RLS phase
 * @param partial true when training stopped before all RLS trials ran
 * @param note why it stopped early ("" when it did not): cancelled, or what diverged and what to try
 */
public record TrainingLog(double demeanRateHz, double[] rlsNmse, double[] rlsFactorNmse, double demeanSeconds,
	double rlsSeconds, boolean partial, String note) {

	public int rlsTrialsDone() {
		return rlsNmse.length;
	}
}
