package org.rate2spike.protocol;

import org.rate2spike.pipeline.Pipeline;

/**
 * Networks trained once per test JVM and shared by the test classes that need a well-trained network
 * (training one at the default sizes takes tens of seconds).
 */
public final class Fixtures {

	private static Pipeline.Run oscillation;

	private Fixtures() {}

	/** The default network (N = Ñ = 500) on the oscillation task, reduced protocol 20,100,100,200,30, seed 1. */
	public static synchronized Pipeline.Run oscillation() {
		if (oscillation == null) oscillation = Pipeline.train(TrainingConfig.DEFAULTS.withTrials(new TrialCounts(20, 100, 100,
			200, 30)), Progress.NONE);
		return oscillation;
	}
}
