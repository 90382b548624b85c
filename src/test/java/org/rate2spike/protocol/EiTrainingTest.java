package org.rate2spike.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.spiking.FixedSynapses;
import org.rate2spike.spiking.Populations;

/** E/I networks with Dale's law on sparse fixed synapses train end to end, with and without the sign constraint. */
class EiTrainingTest {

	/** 80/20, p = 0.1, the method's gs 0.11 and gf 0.13, N = 500 on a fifth of the protocol. */
	private static TrainingConfig ei(final long seed) {
		return TrainingConfig.DEFAULTS.withSeed(seed).withTrials(new TrialCounts(10, 60, 60, 100, 20))
			.with("gs", "0.11").with("gf", "0.13").with("excitatory_fraction", "0.8").with("connection_p", "0.1");
	}

	/**
	 * Measured at this protocol, seed 1: median test nMSE 0.073 (screened with 50 test trials; the dense one-population
	 * network with the same gs, gf: 0.091), both populations firing. The bound is loose: a fifth of the protocol
	 * scatters over seeds (docs/fit-quality.md).
	 */
	@Test
	void anEiNetworkWithSparseSynapsesLearnsTheOscillation() {
		final Pipeline.Run run = Pipeline.train(ei(1), Progress.NONE);
		assertTrue(run.network().connectivity().slowRandom() instanceof FixedSynapses.Sparse);
		assertTrue(run.test().medianNmse() < 0.25, "median test nMSE " + run.test().medianNmse());
		final PopulationAnalysis a = PopulationAnalysis.of(run.test(), Populations.of(run.network().params()));
		assertEquals(400, a.populations().get(0).neurons());
		for (final PopulationAnalysis.Population p : a.populations())
			assertTrue(p.meanRateHz() > 2 && p.meanRateHz() < 60, p.name() + " fires at " + p.meanRateHz() + " Hz");
	}

	/**
	 * With sign_constrained, the feedback projection F = U·uPC is non-negative and every trained neuron's column of W
	 * keeps its population's sign, so each column of the effective weights F·W does too.
	 */
	@Test
	void signConstrainedTrainingKeepsEachTrainedNeuronsEffectiveWeightSign() {
		// a stronger global inhibition and a smaller first RLS step keep the first trials stable (docs/ei-networks.md)
		final TrainingConfig c = ei(2).with("sign_constrained", "true").with("mu_f", "-3").with("rls_alpha", "1000")
			.withTrials(new TrialCounts(5, 20, 20, 10, 3));
		final TrainedNetwork net = Pipeline.train(c, Progress.NONE).network();
		final double[][] f = net.connectivity().feedback(); // [ñ][N]
		for (final double[] col : f) for (final double v : col) assertTrue(v >= 0, "feedback projection entry " + v);
		final Populations pops = Populations.of(net.params());
		final int[] trained = net.connectivity().trained();
		final double[][] w = net.feedbackWeights(); // ñ × 2n
		int nonzero = 0;
		for (int t = 0; t < 2 * trained.length; t++) {
			final double sign = pops.of(trained[t % trained.length]) == 0 ? 1 : -1;
			for (int i = 0; i < net.neurons(); i++) {
				double eff = 0; // J_eff[i][t] = Σ_k F[i][k]·W[k][t]
				for (int k = 0; k < f.length; k++) eff += f[k][i] * w[k][t];
				assertTrue(sign * eff >= 0, "effective weight from trace " + t + " to neuron " + i + " is " + eff);
				if (eff != 0) nonzero++;
			}
		}
		assertTrue(nonzero > 0, "the constrained feedback is not all zero");
	}
}
