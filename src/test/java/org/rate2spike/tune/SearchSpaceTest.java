package org.rate2spike.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.util.ParameterException;

class SearchSpaceTest {

	private static final TrainingConfig BASE = TrainingConfig.DEFAULTS;

	private static String error(final String space, final String axes, final Set<String> fixed) {
		return assertThrows(ParameterException.class, () -> SearchSpace.resolve(space, axes, fixed, BASE)).getMessage();
	}

	private static String error(final String space) {
		return error(space, null, Set.of());
	}

	@Test
	void theDefaultSpaceIsDeclaredOnceAndValid() {
		final SearchSpace s = SearchSpace.resolve(Set.of(), BASE);
		assertEquals(List.of("rate_gain", "gz", "neurons", "gs", "gf", "trained_fraction", "rls_alpha", "trials_rls", "dt_rls"), s.names());
		assertEquals("neurons=300:1000:log:int", s.axis("neurons").toString());
		assertEquals("dt_rls=2:30:log:real", s.axis("dt_rls").toString());
	}

	@Test
	void theUserNarrowsWidensAddsAndDropsAxes() {
		final SearchSpace s = SearchSpace.resolve("gz=2:12, neurons=300:1000:int,rate_gain=1.0:1.6:lin,gs=off,mu_f=-1:-0.1,tau_s=0.05:0.2:log",
			null, Set.of(), BASE);
		assertEquals(List.of("rate_gain", "gz", "neurons", "gf", "trained_fraction", "rls_alpha", "trials_rls", "dt_rls", "mu_f", "tau_s"), s.names());
		assertEquals(new Axis("gz", 2, 12, true, false), s.axis("gz"), "a range without flags keeps the default's scale");
		assertEquals(new Axis("mu_f", -1, -0.1, false, false), s.axis("mu_f"));
		assertEquals(new Axis("tau_s", 0.05, 0.2, true, false), s.axis("tau_s"));
		assertEquals(List.of("gz", "neurons"), SearchSpace.resolve("gz=3:5", "gz, neurons", Set.of(), BASE).names());
		assertEquals(new Axis("gz", 3, 5, true, false), SearchSpace.resolve("gz=3:5", "gz", Set.of(), BASE).axis("gz"));
	}

	@Test
	void neuronModelParametersAreAxesAndTheModelIsFixedAsAnOption() {
		final TrainingConfig izh = BASE.with("neuron_model", "izhikevich_rs");
		final SearchSpace s = SearchSpace.resolve("izh_gain=3:30:log,izh_bias=2:5,theta_gain=0.3:3,tau_adapt=0.05:0.5:log,adapt_jump=0:3",
			"izh_gain,izh_bias,theta_gain,tau_adapt,adapt_jump", Set.of("neuron_model"), izh);
		assertEquals(new Axis("izh_gain", 3, 30, true, false), s.axis("izh_gain"));
		assertEquals(new Axis("adapt_jump", 0, 3, false, false), s.axis("adapt_jump"));
		final SearchSpace models = SearchSpace.resolve("neuron_model=LIF|alif| theta", "neuron_model", Set.of(), BASE);
		assertEquals(Axis.choice("neuron_model", List.of("lif", "alif", "theta")), models.axis("neuron_model"));
		assertEquals("neuron_model=lif|alif|theta", models.toString());
		assertEquals("space: axis neuron_model needs at least two values to choose from (got lif); fix a single value with --neuron-model",
			error("neuron_model=lif"));
		assertEquals("space: axis neuron_model the value hh is not allowed (neuron_model: must be one of lif, alif, izhikevich_rs, " +
			"izhikevich_fs, theta (got 'hh'))", error("neuron_model=lif|hh"));
		assertEquals("space: axis neuron_model lists a value twice: lif|theta|lif", error("neuron_model=lif|theta|lif"));
		assertEquals("space: axis task is not numeric and cannot be searched; fix it with --task", error("task=1:2"));
		assertEquals("space: axis izh_gain the value 0 is not allowed (izh_gain: must be greater than 0 (got 0.0))",
			error("izh_gain=0:10"));
	}

	@Test
	void parametersGivenAsOptionsAreFixedUnlessNamed() {
		assertEquals(List.of("rate_gain", "gz", "gs", "gf", "trained_fraction", "rls_alpha", "dt_rls"),
			SearchSpace.resolve(Set.of("neurons", "trials_rls", "seed", "task"), BASE).names());
		assertEquals("space: axis gz is both searched and fixed (--gz); drop one of them", error("gz=2:5", null, Set.of("gz")));
		assertEquals("space: nothing is left to search: every axis is fixed or off; name at least one, e.g. --space gz=2:12",
			error(null, null, Set.copyOf(SearchSpace.DEFAULTS.names())));
	}

	@Test
	void badAxesAreNamedWithTheFix() {
		assertEquals("space: axis gz its low end 12 must be below its high end 2", error("gz=12:2"));
		assertEquals("space: axis nuerons is not a training parameter, did you mean 'neurons'?", error("nuerons=300:1000"));
		assertEquals("space: axis gz needs a range LOW:HIGH (got '5')", error("gz=5"));
		assertEquals("space: axis gz: 'high' is not a number", error("gz=2:high"));
		assertEquals("space: axis gz: 'cubic' is not a flag (log, lin, int or real)", error("gz=2:12:cubic"));
		assertEquals("space: axis gs a log scale needs a positive low end (got 0); use lin for a range from 0", error("gs=0:1:log"));
		assertEquals("space: axis neurons takes whole numbers: use int, not real", error("neurons=300:1000:real"));
		assertEquals("space: axis task is not numeric and cannot be searched; fix it with --task", error("task=1:2"));
		assertEquals("space: axis seed cannot be searched: the seed fixes the search (--seed)", error("seed=1:9"));
		assertEquals("space: axis gz is given twice", error("gz=2:3,gz=4:5"));
		assertEquals("space: 'gz' is not name=LOW:HIGH[:log|lin][:int|real], name=A|B|… or name=off", error("gz"));
		assertTrue(error("trained_fraction=0.5:2").startsWith("space: axis trained_fraction the value 2 is not allowed (trained_fraction: "),
			error("trained_fraction=0.5:2"));
		assertTrue(error(null, "gz,tau_m", Set.of()).startsWith("axes: axis tau_m is not in the space ("), error(null, "gz,tau_m", Set.of()));
		assertEquals("space: axis mu_f is not in the space, so it cannot be turned off", error("mu_f=off"));
	}

	@Test
	void theScheduleSpendsTheBudget() {
		final SearchSpace s = SearchSpace.resolve(Set.of(), BASE);
		TuneSpec.Plan p = new TuneSpec(BASE, s, 40, 0, 3, 3, 20).plan();
		assertArrayEquals(new int[] { 28, 9, 3 }, p.sizes());
		assertArrayEquals(new double[] { 1 / 9.0, 1 / 3.0, 1 }, p.fractions(), 1e-12);
		assertEquals(40, p.trainings());
		p = new TuneSpec(BASE, s, 4, 0, 3, 3, 20).plan();
		assertArrayEquals(new int[] { 3, 1 }, p.sizes(), "too small for three rungs: two");
		assertArrayEquals(new double[] { 1 / 3.0, 1 }, p.fractions(), 1e-12);
		assertArrayEquals(new int[] { 1 }, new TuneSpec(BASE, s, 1, 0, 3, 3, 20).plan().sizes());
		assertArrayEquals(new int[] { 16, 8, 4, 2 }, new TuneSpec(BASE, s, 30, 0, 2, 4, 20).plan().sizes());
		assertEquals("budget: is required: a number of trainings (--budget 40) or a time (--budget-time 30m)",
			assertThrows(ParameterException.class, () -> new TuneSpec(BASE, s, 0, 0, 3, 3, 20).validate()).getMessage());
	}

	@Test
	void proposalsAreFixedByTheSeed() {
		final SearchSpace s = SearchSpace.resolve(Set.of(), BASE);
		final TuneSpec a = new TuneSpec(BASE, s, 40, 0, 3, 3, 20), b = new TuneSpec(BASE, s, 13, 0, 3, 3, 5);
		for (int i = 0; i < 30; i++) assertEquals(a.proposal(i), b.proposal(i), "proposal " + i);
		assertEquals(a.proposal(7), a.proposal(7));
		assertNotEquals(a.proposal(1), a.proposal(2));
		assertNotEquals(a.proposal(3), new TuneSpec(BASE.withSeed(2), s, 40, 0, 3, 3, 20).proposal(3), "another seed, another search");
		for (int i = 1; i < 200; i++) {
			final Map<String, String> p = a.proposal(i);
			for (final Axis x : s.axes()) assertTrue(x.contains(Double.parseDouble(p.get(x.name()))), x + " " + p);
			assertTrue(p.get("neurons").matches("\\d+") && p.get("trials_rls").matches("\\d+"), p.toString());
		}
		// configuration 0 is the starting point: the fixed settings' values, kept inside the space
		assertEquals(Map.of("rate_gain", "1.4", "gz", "6", "neurons", "500", "gs", "0", "gf", "0", "trained_fraction", "0.4",
			"rls_alpha", "1", "trials_rls", "500", "dt_rls", "10"), a.proposal(0));
		final TuneSpec pinned = new TuneSpec(BASE.with("gz", "20"), SearchSpace.resolve("gz=2:12", "gz", Set.of(), BASE), 4, 0, 3, 3, 2);
		assertEquals(Map.of("gz", "12"), pinned.proposal(0));
	}
}
