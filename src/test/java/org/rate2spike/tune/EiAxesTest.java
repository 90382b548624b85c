package org.rate2spike.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.sweep.SweepSpec;
import org.rate2spike.util.ParameterException;

/** The E/I options are sweep and tune axes like any other parameter, with the same checks. */
class EiAxesTest {

	private static final TrainingConfig EI = TrainingConfig.DEFAULTS.with("gs", "0.11").with("gf", "0.13")
		.with("excitatory_fraction", "0.8");

	@Test
	void theyAreTuneAxes() {
		final SearchSpace s = SearchSpace.resolve("excitatory_fraction=0.6:0.9,connection_p=0.05:0.5:log",
			"excitatory_fraction,connection_p", Set.of(), EI);
		assertEquals(List.of("excitatory_fraction", "connection_p"), s.names());
		assertEquals(new Axis("connection_p", 0.05, 0.5, true, false), s.axis("connection_p"));
		final String e = assertThrows(ParameterException.class, () -> SearchSpace.resolve("connection_p=0.1:1.5", "connection_p",
			Set.of(), EI)).getMessage();
		assertTrue(e.contains("connection_p"), e);
	}

	@Test
	void theyAreSweepAxes() {
		final Map<String, List<String>> axes = new LinkedHashMap<>();
		axes.put("connection_p", List.of("0.1", "1"));
		axes.put("sign_constrained", List.of("false", "true"));
		new SweepSpec(EI, axes, List.of(1L), 1.5, false).validate();
		axes.put("excitatory_fraction", List.of("0.8", "0"));
		final String e = assertThrows(ParameterException.class, () -> new SweepSpec(EI, axes, List.of(1L), 1.5, false).validate())
			.getMessage();
		assertTrue(e.contains("excitatory_fraction"), e);
	}
}
