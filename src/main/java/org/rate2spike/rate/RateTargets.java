package org.rate2spike.rate;

import org.rate2spike.task.DataSpec;

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
 * @param data the data the task is made of ({@code data} task), null for a task made from its name alone
 */
public record RateTargets(String task, long seed, RateParams params, RateConnectivity connectivity, double[] initialState,
	PcaBasis basis, int settleTrials, int pcaTrials, DataSpec data) {

	/** Targets of a task made from its name alone (no data kept). */
	public RateTargets(final String task, final long seed, final RateParams params, final RateConnectivity connectivity,
		final double[] initialState, final PcaBasis basis, final int settleTrials, final int pcaTrials)
	{
		this(task, seed, params, connectivity, initialState, basis, settleTrials, pcaTrials, null);
	}

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
