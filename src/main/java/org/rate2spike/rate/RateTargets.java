package org.rate2spike.rate;

/**
 * The first stage's product: the driven rate network and the PCA basis whose projections f_PC = uPCᵀ f_J are the
 * spiking network's targets. A value: hold it, save it ({@code io.TargetsFile}), reuse it for many trainings.
 *
 * @param task the task's name
 * @param seed the seed that drew the connectivity and initial state
 * @param params rate-network parameters
 * @param connectivity J̃, ũ_out, ũ_in
 * @param initialState x at the start of every phase
 * @param basis the PCA basis
 * @param settleTrials settling trials run before the PCA trials
 * @param pcaTrials trials whose f_J entered the covariance
 */
public record RateTargets(String task, long seed, RateParams params, RateConnectivity connectivity, double[] initialState,
	PcaBasis basis, int settleTrials, int pcaTrials) {

	public int units() {
		return params.units();
	}

	public int factors() {
		return basis.count();
	}

	public int inputs() {
		return connectivity.inputDrive().length;
	}

	public int outputs() {
		return connectivity.outputDrive().length;
	}
}
