package org.rate2spike.spiking.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.rate2spike.spiking.Populations;
import org.rate2spike.spiking.SpikingParams;
import org.rate2spike.util.ParameterException;

/** Each population of an E/I network integrates with its own membrane time constant. */
class PopulationMembraneTest {

	private static final double DT = 0.001;

	/** One step from V = 0 under a sub-threshold drive of −1 leaves V = −1 + e^(−dt/τm) in each population. */
	@Test
	void theSecondPopulationUsesItsOwnTauM() {
		final SpikingParams p = SpikingParams.DEFAULTS.with("neurons", 10).with("excitatory_fraction", 0.8).with("tau_m_i", 0.02)
			.validate(DT);
		final Membrane[] m = Membranes.of(p, Populations.of(p), DT);
		assertEquals(2, m.length);
		final double[] v = new double[10], drive = new double[10];
		Arrays.fill(drive, -1);
		int count = 0;
		for (final Membrane x : m) count = x.step(v, drive, new int[10], count);
		assertEquals(0, count);
		assertEquals(-1 + Math.exp(-DT / 0.01), v[0], 1e-15, "E: tau_m");
		assertEquals(-1 + Math.exp(-DT / 0.01), v[7], 1e-15, "E: tau_m");
		assertEquals(-1 + Math.exp(-DT / 0.02), v[8], 1e-15, "I: tau_m_i");
		assertEquals(-1 + Math.exp(-DT / 0.02), v[9], 1e-15, "I: tau_m_i");
	}

	@Test
	void zeroMeansTheFirstPopulationsTauM() {
		final SpikingParams p = SpikingParams.DEFAULTS.with("neurons", 10).with("excitatory_fraction", 0.8);
		assertEquals(p, p.membraneOf(1));
		assertEquals(0.03, p.with("tau_m_i", 0.03).membraneOf(1).tauM());
		assertEquals(0.01, p.with("tau_m_i", 0.03).membraneOf(0).tauM());
	}

	@Test
	void aTauMITooShortForTheStepIsRefusedByName() {
		final ParameterException e = assertThrows(ParameterException.class,
			() -> SpikingParams.DEFAULTS.with("tau_m_i", 0.0001).validate(DT));
		assertTrue(e.getMessage().startsWith("tau_m_i"), e.getMessage());
	}
}
