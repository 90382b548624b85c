package org.rate2spike.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.task.Task;
import org.rate2spike.task.Tasks;
import org.rate2spike.util.ParameterException;

/** The task's own settings fill what the user left unset; explicit values and task_settings advise win. */
class TaskSettingsTest {

	private static final TrainingConfig INTEGRATION = TrainingConfig.DEFAULTS.withTask("integration");
	private static final Task TASK = Tasks.create("integration", 0.001);

	@Test
	void unsetParametersTakeTheTasksValuesAndTheNoteNamesThem() {
		assertEquals(Map.of("rate_gain", 1.2, "trained_fraction", 1.0), TASK.suggested(), "what this test relies on");
		final TaskSettings.Chosen c = TaskSettings.choose(INTEGRATION, TASK, Set.of());
		assertEquals(1.2, c.config().rate().gain());
		assertEquals(1.0, c.config().spiking().trainedFraction());
		assertEquals(List.of("rate_gain", "trained_fraction"), List.copyOf(c.chosen().keySet()));
		assertTrue(c.note().startsWith("the integration task chose rate_gain 1.2 and trained_fraction 1.0 "), c.note());
		assertEquals(INTEGRATION.spiking().neurons(), c.config().spiking().neurons(), "nothing else changes");
	}

	@Test
	void anExplicitValueWinsEvenWhenItIsTheDefault() {
		final TrainingConfig given = INTEGRATION.with("rate_gain", "1.4");
		final TaskSettings.Chosen c = TaskSettings.choose(given, TASK, TaskSettings.given(List.of("rate_gain", "neurons")));
		assertEquals(1.4, c.config().rate().gain());
		assertEquals(1.0, c.config().spiking().trainedFraction());
		assertEquals(Map.of("trained_fraction", 1.0), c.chosen());
	}

	@Test
	void adviseKeepsTheDefaultsAndAllGivenChoosesNothing() {
		final TrainingConfig advise = INTEGRATION.with("task_settings", "advise");
		final TaskSettings.Chosen a = TaskSettings.choose(advise, TASK, Set.of());
		assertSame(advise, a.config());
		assertTrue(a.chosen().isEmpty());
		assertNull(a.note());
		assertTrue(TaskSettings.choose(INTEGRATION, TASK, TaskSettings.all()).chosen().isEmpty());
		assertTrue(TaskSettings.choose(TrainingConfig.DEFAULTS, Tasks.create("oscillation", 0.001), Set.of()).chosen().isEmpty(),
			"the oscillation task has no settings of its own");
		final ParameterException e = assertThrows(ParameterException.class, () -> INTEGRATION.with("task_settings", "always").validate());
		assertEquals("task_settings: must be apply or advise (got 'always')", e.getMessage());
	}

	@Test
	void theDataTaskChoosesWhatWasMeasuredForItsLayout() {
		final double[][][] v = new double[1][1][101];
		for (int t = 0; t < 101; t++) v[0][0][t] = Math.sin(2 * Math.PI * t / 100.0);
		final org.rate2spike.format.Dataset cycle = org.rate2spike.format.Dataset.uniform("cycle", new String[] { "a" },
			new String[] { "x" }, v, 0.01);
		final TrainingConfig data = TrainingConfig.DEFAULTS.withTask("data");
		final java.util.function.Function<String, Map<String, Double>> chosen = layout -> TaskSettings.choose(data,
			new org.rate2spike.task.DataTask("data", new org.rate2spike.task.DataSpec(cycle, null, null,
				org.rate2spike.task.DataOptions.NONE.with("trial_layout", layout)), 0.001), Set.of()).chosen();
		assertEquals(Map.of("neurons", 1000.0, "rate_gain", 1.2, "trained_fraction", 1.0), chosen.apply("separate"), "cued trials");
		assertEquals(Map.of("rate_gain", 1.0, "trained_fraction", 1.0), TaskSettings.choose(data,
			new org.rate2spike.task.DataTask("data", new org.rate2spike.task.DataSpec(cycle, cycle, null,
				org.rate2spike.task.DataOptions.NONE.with("trial_layout", "separate")), 0.001), Set.of()).chosen(),
			"separate trials with input data");
		assertEquals(Map.of("rate_gain", 1.0), chosen.apply("auto"), "a cycle: only the gain it was measured with");
		assertEquals(Map.of(), TaskSettings.choose(data, new org.rate2spike.task.DataTask("data", cycle, null, cycle, 0.001,
			"none"), Set.of()).chosen(), "factors from recorded activity: the rate network's settings do not matter");
	}

	@Test
	void whatEachDoorCountsAsSet() {
		assertEquals(Set.of(), TaskSettings.differingFromDefaults(TrainingConfig.DEFAULTS));
		assertEquals(Set.of("task", "neurons"), TaskSettings.differingFromDefaults(INTEGRATION.with("neurons", "1000")
			.with("rate_gain", "1.4")), "a dialog's value equal to the default counts as left alone");
		final Set<String> cli = TaskSettings.given(List.of("trials", "gz", "targets"));
		assertEquals(Set.of("trials_init", "trials_pca", "trials_demean", "trials_rls", "trials_test", "gz", "data_targets"), cli,
			"the trials shorthand stands for the five counts, an alias for its parameter");
		assertEquals(Set.of(), TaskSettings.given(List.of("out", "overwrite")), "options that are not training parameters");
	}
}
