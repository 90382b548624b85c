package org.rate2spike.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.io.BaselineFile;
import org.rate2spike.format.FileFormatException;
import org.rate2spike.io.NetworkFile;
import org.rate2spike.protocol.Metrics;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.TargetsStage;
import org.rate2spike.protocol.TrialCounts;
import org.rate2spike.rate.RateParams;
import org.rate2spike.rate.RateTargets;
import org.rate2spike.task.Task;
import org.rate2spike.task.Tasks;

class BaselineTest {

	private final Task task = Tasks.create("oscillation", 0.001);

	/** Measured: Ñ = 200 after 60 RLS trials, median test nMSE 2.7e-5 (seed 1). */
	@Test
	void fullForceRateNetworkLearnsTheTaskAndRoundTrips(@TempDir final Path dir) throws IOException {
		final RateTargets t = TargetsStage.run(task, RateParams.DEFAULTS.with("rate_units", 200), new TrialCounts(10, 30, 1, 60, 5), 1,
			Progress.NONE);
		final RateBaseline b = BaselineStage.train(t, task, 10, 60, 2, 1, 1, Progress.NONE);
		assertEquals(60, b.trainingNmse().length);
		final double[] test = BaselineStage.test(b, task, 5, Progress.NONE, null);
		assertTrue(Metrics.median(test) < 1e-3, "baseline median test nMSE " + Metrics.median(test));

		final Path file = dir.resolve("baseline.npz");
		BaselineFile.save(b, file);
		final RateBaseline back = BaselineFile.load(file);
		assertTrue(java.util.Arrays.deepEquals(b.recurrent(), back.recurrent()));
		assertTrue(java.util.Arrays.deepEquals(b.readout(), back.readout()));
		assertArrayEquals(test, BaselineStage.test(back, task, 5, Progress.NONE, null), "a loaded baseline tests identically");
		final FileFormatException e = assertThrows(FileFormatException.class, () -> NetworkFile.load(file));
		assertTrue(e.getMessage().contains("'rate2spike-baseline' file where a 'rate2spike-network' file was expected"), e.getMessage());
	}
}
