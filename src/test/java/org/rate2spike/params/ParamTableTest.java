package org.rate2spike.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rate2spike.fiji.CommandsTestAccess;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.readout.ReadoutOptions;
import org.rate2spike.util.ParameterException;
import org.scijava.plugin.Parameter;

/** The parameter table: complete, self-consistent, and the one source of the Fiji dialogs' defaults and limits. */
class ParamTableTest {

	private static final List<ParamTable<?>> TABLES = List.of(TrainingConfig.TABLE, ReadoutOptions.TABLE);

	@Test
	void everyParameterHasADescriptionAndAValidDefault() {
		for (final ParamTable<?> t : TABLES)
			for (final ParamDef d : t.params()) {
				assertFalse(d.description().isBlank(), d.name());
				assertTrue(d.name().matches("[a-z][a-z0-9_]*"), d.name() + " is snake_case (a macro key)");
				d.check(d.defaultValue());
			}
		TrainingConfig.DEFAULTS.validate();
		ReadoutOptions.DEFAULTS.validate();
		assertEquals(500, TrainingConfig.DEFAULTS.spiking().neurons());
		assertEquals("oscillation", TrainingConfig.DEFAULTS.task());
	}

	@Test
	void namesAreUniqueAndNoKeyEndsAnotherAfterAnUnderscore() {
		// ImageJ 1.x macro options match a key not preceded by a letter: 'min_sigma=' would also set 'sigma'.
		final List<String> names = TrainingConfig.TABLE.names();
		for (final String a : names)
			for (final String b : names)
				if (!a.equals(b)) assertFalse(a.endsWith("_" + b), a + " ends with _" + b);
	}

	@Test
	void limitsAreCheckedWithTheParameterNamed() {
		final ParamDef neurons = TrainingConfig.TABLE.require("neurons");
		assertEquals("neurons: must be at least 1 (got 0)", assertThrows(ParameterException.class, () -> neurons.check(0)).getMessage());
		final ParamDef frac = TrainingConfig.TABLE.require("frac_pca");
		assertEquals("frac_pca: must be in (0, 1] (got 0.0)", assertThrows(ParameterException.class, () -> frac.check(0.0)).getMessage());
		final ParamDef reset = TrainingConfig.TABLE.require("v_reset");
		assertEquals("v_reset: must be less than 0 (got 1.0)", assertThrows(ParameterException.class, () -> reset.check(1.0)).getMessage());
		assertEquals("normalize: must be none or max (got 'z')", assertThrows(ParameterException.class,
			() -> TrainingConfig.DEFAULTS.with("normalize", "z").validate()).getMessage());
		assertEquals("data_targets", TrainingConfig.TABLE.require("targets").name(), "aliases");
		final ParameterException typo = assertThrows(ParameterException.class, () -> TrainingConfig.TABLE.require("nuerons"));
		assertTrue(typo.getMessage().startsWith("nuerons: is not a parameter, did you mean 'neurons'?"), typo.getMessage());
	}

	@Test
	void withSetsOneParameterAndKeepsTheRest() {
		final TrainingConfig c = TrainingConfig.DEFAULTS.with("gz", 7.5).with("trials_rls", "20");
		assertEquals(7.5, c.spiking().feedbackGain());
		assertEquals(20, c.trials().rls());
		assertEquals(TrainingConfig.DEFAULTS.spiking().neurons(), c.spiking().neurons());
		assertEquals(c, TrainingConfig.fromMap(c.toMap()));
	}

	/** A Fiji field named like a parameter starts at the table's default and its dialog limits lie within the table's. */
	@Test
	void fijiFieldsAgreeWithTheTable() throws Exception {
		int checked = 0;
		for (final Class<?> cls : CommandsTestAccess.commands()) {
			final Object command = cls.getDeclaredConstructor().newInstance();
			for (final Field f : cls.getDeclaredFields()) {
				final Parameter p = f.getAnnotation(Parameter.class);
				if (p == null) continue;
				// Fit Readout's fields are the readout's parameters; elsewhere a readout_name picks a stored readout
				final ParamDef d = isReadoutCommand(cls) ? ReadoutOptions.TABLE.find(f.getName()) : TrainingConfig.TABLE.find(f.getName());
				if (d == null || !(f.getType().isPrimitive() || f.getType() == String.class)) continue; // files and outputs
				f.setAccessible(true);
				final Object value = f.get(command);
				assertNotNull(value, cls.getSimpleName() + "." + f.getName());
				final Object want = DOOR_DEFAULTS.getOrDefault(cls.getSimpleName() + "." + f.getName(), d.defaultValue());
				if (want instanceof Number n) assertEquals(n.doubleValue(), ((Number) value).doubleValue(), 0,
					cls.getSimpleName() + "." + f.getName() + " starts at the table's default");
				else assertEquals(want, value, cls.getSimpleName() + "." + f.getName() + " starts at the table's default");
				if (!p.min().isEmpty()) d.check(parse(d, p.min()));
				if (!p.max().isEmpty()) d.check(parse(d, p.max()));
				if (p.choices().length > 0 && d.spec().choices().length > 0)
					assertEquals(List.of(d.spec().choices()), List.of(p.choices()), cls.getSimpleName() + "." + f.getName());
				checked++;
			}
		}
		assertTrue(checked > 40, "checked " + checked + " fields");
	}

	/**
	 * The only fields that start elsewhere on purpose: re-testing and exporting a saved network run a few trials, not
	 * the training protocol's test phase (the command line's test and export do the same).
	 */
	private static final java.util.Map<String, Object> DOOR_DEFAULTS = java.util.Map.of("TestSpikingNetwork.trials_test", 10,
		"ExportSpikesAndTraces.trials_test", 3);

	private static boolean isReadoutCommand(final Class<?> cls) {
		return cls.getSimpleName().equals("FitReadout");
	}

	private static Object parse(final ParamDef d, final String text) {
		return d.type() == double.class ? Double.parseDouble(text) : d.type() == long.class ? (Object) Long.parseLong(text)
			: (Object) (int) Double.parseDouble(text);
	}
}
