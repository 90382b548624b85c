package org.rate2spike.protocol;

import org.rate2spike.task.Trial;

/**
 * Supplies the factor targets f_PC of each step, to drive the spiking network with teacher forcing and to score
 * its learned feedback. The default source is the driven rate network projected on its PCA basis
 * ({@link RateFactorSource}); targets taken directly from data are another.
 */
public interface FactorSource {

	/** Number of factors ñ. */
	int factors();

	/** Back to the state at the start of every phase. */
	void reset();

	/** Advances one step of {@code trial} and writes f_PC(t) into {@code out}. */
	void step(Trial trial, int t, double[] out);
}
