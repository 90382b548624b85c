package org.rate2spike.protocol;

import org.rate2spike.pipeline.Pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rate2spike.cli.MakeTestData;

/** The data task: the same numbers from the CSV, the TIFF and the built-in reach task; factors from recorded activity. */
class DataTaskTrainingTest {

	private static final String EMG_CSV = "test-data/" + MakeTestData.EMG_CSV, EMG_TIF = "test-data/" + MakeTestData.EMG_TIF,
		POPULATION = "test-data/" + MakeTestData.POPULATION_CSV;

	private static TrainingConfig tiny(final String task) {
		return TrainingConfig.DEFAULTS.with("task", task).with("neurons", "120").with("rate_units", "60")
			.with("trials", "2,6,6,8,8").with("seed", "5");
	}

	@Test
	void csvTiffAndTheReachTaskGiveTheSameNumbers() {
		final Pipeline.Run reach = Pipeline.train(tiny("reach"), Progress.NONE);
		final Pipeline.Run csv = Pipeline.train(tiny("data").with("data_targets", EMG_CSV), Progress.NONE);
		final Pipeline.Run tif = Pipeline.train(tiny("data").with("targets", EMG_TIF), Progress.NONE);
		for (final Pipeline.Run r : List.of(csv, tif)) {
			assertArrayEquals(reach.test().nmse(), r.test().nmse(), 0.0);
			assertArrayEquals(reach.network().log().rlsNmse(), r.network().log().rlsNmse(), 0.0);
			assertArrayEquals(reach.test().spikeStep(), r.test().spikeStep());
			assertEquals(reach.test().scores().toString(), r.test().scores().toString());
		}
		assertEquals(8, reach.test().conditionLabels().length);
		assertEquals("45", reach.test().conditionLabels()[1]);
		@SuppressWarnings("unchecked")
		final List<Map<String, Object>> per = (List<Map<String, Object>>) reach.test().scores().get("per_condition");
		assertEquals(8, per.size());
		int trials = 0;
		for (final Map<String, Object> e : per) trials += (Integer) e.get("trials");
		assertEquals(8, trials);
		assertTrue(reach.test().scores().containsKey("median_condition_nmse"));
	}

	@Test
	void factorsFromRecordedActivityReplaceTheRateNetwork() {
		final TrainingConfig c = tiny("data").with("targets", EMG_CSV).with("factors", POPULATION);
		final Pipeline.Run run = Pipeline.train(c, Progress.NONE);
		assertEquals(MakeTestData.POPULATION_UNITS, run.targets().units());
		assertTrue(ActivityTargets.isActivity(run.targets()));
		assertTrue(run.targets().factors() >= 2 && run.targets().factors() < MakeTestData.POPULATION_UNITS, "pcs " + run.targets().factors());
		assertEquals(8, run.test().trials());
		assertTrue(Double.isFinite(run.test().medianNmse()));
	}
}
