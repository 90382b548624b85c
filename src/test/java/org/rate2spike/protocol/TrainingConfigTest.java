package org.rate2spike.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.rate2spike.util.ParameterException;

/** Bad parameters get a message that names the parameter and the fix. */
class TrainingConfigTest {

	private static ParameterException bad(final String key, final String value) {
		return assertThrows(ParameterException.class, () -> TrainingConfig.DEFAULTS.with(key, value).validate());
	}

	@Test
	void namesTheParameterAndTheProblem() {
		assertEquals("neurons: must be at least 1 (got -3)", bad("neurons", "-3").getMessage());
		assertEquals("neurons: needs a whole number (got 'many')", bad("neurons", "many").getMessage());
		assertEquals("frac_pca: must be in (0, 1] (got 1.5)", bad("frac_pca", "1.5").getMessage());
		assertEquals("frac_pca: must be a finite number (got NaN)", bad("frac_pca", "NaN").getMessage());
		assertEquals("tau_rate: must be larger than the time step dt = 0.02 s (got 0.01 s); use a smaller dt or a slower time constant",
			bad("dt", "0.02").getMessage());
		assertEquals("tau_f", bad("tau_f", "0.0005").parameter());
		assertEquals("trials_rls", bad("trials_rls", "0").parameter());
		assertEquals("dt_rls", bad("dt_rls", "0.5").parameter());
		assertEquals("v_reset", bad("v_reset", "3").parameter());
		assertEquals("trained_fraction", bad("trained_fraction", "0").parameter());
		assertEquals("trials", bad("trials", "1,2,3").parameter());
		final ParameterException unknown = bad("neuron", "3");
		assertEquals("neuron", unknown.parameter());
		assertEquals(true, unknown.getMessage().contains("known parameters: task, seed"));
	}

	@Test
	void dtAboveTheFastestTimeConstantIsRejected() {
		final ParameterException e = bad("dt", "0.006"); // below τx = 10 ms but above τf = 5 ms
		assertEquals("tau_f", e.parameter());
		assertEquals(true, e.getMessage().contains("use a smaller dt"));
	}

	@Test
	void optionsRoundTripThroughTheMap() {
		final TrainingConfig c = TrainingConfig.DEFAULTS.with("neurons", "800").with("gz", "5.5").with("trials", "1,2,3,4,5")
			.with("rate-units", "300");
		assertEquals(c, TrainingConfig.fromMap(c.toMap()));
		assertEquals(800, c.spiking().neurons());
		assertEquals(300, c.rate().units());
		assertEquals(new TrialCounts(1, 2, 3, 4, 5), c.trials());
	}
}
