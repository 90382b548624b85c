package org.rate2spike.spiking.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.spiking.SpikingParams;
import org.rate2spike.util.ParameterException;

/** Each model's single neuron under a constant drive V∞: what makes it that model. */
class NeuronBehaviourTest {

	private static final double DT = 1e-3;

	/** Spike steps of one neuron of {@code model} under a constant drive, from its phase start. */
	private static List<Integer> spikes(final NeuronModel model, final SpikingParams p, final double dt, final double drive,
		final int steps)
	{
		final Membrane m = model.membrane(p, dt, 0, 1);
		final double[] v = new double[1], d = { drive };
		final int[] s = new int[1];
		m.startPhase(v, new double[1]);
		final List<Integer> at = new ArrayList<>();
		for (int t = 0; t < steps; t++) if (m.step(v, d, s, 0) == 1) at.add(t);
		return at;
	}

	/** Spikes per second after the first second (adaptation settled). */
	private static double rateHz(final NeuronModel model, final SpikingParams p, final double drive) {
		return spikes(model, p, DT, drive, 3000).stream().filter(t -> t >= 1000).count() / 2.0;
	}

	@Test
	void everyModelIsSilentWellBelowThresholdAndFiresFasterTheHarderItIsDriven() {
		final double[] drives = { 0.1, 0.3, 1, 2, 3 };
		for (final NeuronModel m : NeuronModel.values()) {
			assertEquals(0, rateHz(m, SpikingParams.DEFAULTS, -1), m + " at V∞ = −1");
			double last = 0;
			for (final double d : drives) {
				final double r = rateHz(m, SpikingParams.DEFAULTS, d);
				assertTrue(r > last, m + ": " + r + " Hz at V∞ = " + d + " after " + last);
				last = r;
			}
			assertTrue(last > 20 && last < 500, m + " at V∞ = 3: " + last + " Hz");
		}
	}

	@Test
	void lifFiIsTheLogarithmicCurveFromTheReset() {
		// from V_th + V_r = −10 to 0 under V∞ = 2: τm·ln(12/2) = 17.9 ms, so every 18th step
		final List<Integer> s = spikes(NeuronModel.LIF, SpikingParams.DEFAULTS, DT, 2, 200);
		assertEquals(18, s.get(2) - s.get(1));
	}

	@Test
	void adaptationLengthensTheIntervalsUntilTheyLevelOff() {
		final List<Integer> s = spikes(NeuronModel.ALIF, SpikingParams.DEFAULTS, DT, 2, 2000);
		final List<Integer> isi = new ArrayList<>();
		for (int k = 1; k < s.size(); k++) isi.add(s.get(k) - s.get(k - 1));
		for (int k = 1; k < 5; k++) assertTrue(isi.get(k) >= isi.get(k - 1), "intervals " + isi);
		assertTrue(isi.get(isi.size() - 1) > 1.5 * isi.get(0), "intervals " + isi);
		final double lif = rateHz(NeuronModel.LIF, SpikingParams.DEFAULTS, 2);
		assertTrue(rateHz(NeuronModel.ALIF, SpikingParams.DEFAULTS, 2) < 0.75 * lif, "adaptation lowers the rate");
		assertEquals(lif, rateHz(NeuronModel.ALIF, SpikingParams.DEFAULTS.with("adapt_jump", 0), 2), 0,
			"without a jump it is the LIF");
	}

	@Test
	void izhikevichFastSpikingFiresFasterThanRegularSpikingAndRegularSpikingAdapts() {
		for (final double d : new double[] { 0.1, 0.5, 1, 3 }) {
			final double rs = rateHz(NeuronModel.IZHIKEVICH_RS, SpikingParams.DEFAULTS, d);
			final double fs = rateHz(NeuronModel.IZHIKEVICH_FS, SpikingParams.DEFAULTS, d);
			assertTrue(fs > 1.5 * rs && rs > 0, "V∞ = " + d + ": FS " + fs + " Hz, RS " + rs + " Hz");
		}
		final List<Integer> s = spikes(NeuronModel.IZHIKEVICH_RS, SpikingParams.DEFAULTS, DT, 1, 1000);
		assertTrue(s.get(s.size() - 1) - s.get(s.size() - 2) > 1.5 * (s.get(1) - s.get(0)), "RS adapts: " + s);
		// strong inhibition holds V far below rest; plain Euler there overshoots onto the quadratic's upper branch and fires
		for (final NeuronModel m : new NeuronModel[] { NeuronModel.IZHIKEVICH_RS, NeuronModel.IZHIKEVICH_FS })
			for (final double d : new double[] { -5, -30, -300 })
				assertTrue(spikes(m, SpikingParams.DEFAULTS, DT, d, 2000).isEmpty(), m + " fired under V∞ = " + d);
	}

	@Test
	void thetaSpikesWhenItsPhasePassesPiAndFiresAtTheQuadraticRate() {
		final SpikingParams p = SpikingParams.DEFAULTS;
		final Membrane m = NeuronModel.THETA.membrane(p, DT, 0, 1);
		final double[] v = new double[1], d = { 0.5 };
		final int[] s = new int[1];
		m.startPhase(v, new double[1]);
		int count = 0;
		for (int t = 0; t < 500; t++) {
			final double before = v[0], free = before + DT / p.tauM() * ((1 - Math.cos(before)) + (1 + Math.cos(before)) * 0.5);
			final int k = m.step(v, d, s, 0);
			assertEquals(free >= Math.PI ? 1 : 0, k, "step " + t + " from θ = " + before);
			assertTrue(before < Math.PI && v[0] >= -Math.PI && v[0] < Math.PI, "θ stays in [−π, π): " + v[0]);
			if (k == 1) assertEquals(free - 2 * Math.PI, v[0], 1e-12, "wraps by one turn");
			count += k;
		}
		assertTrue(count > 5);
		// with a fine step the period approaches the theta neuron's π·τm/√I (here I = 0.5: 44.4 ms)
		final List<Integer> fine = spikes(NeuronModel.THETA, p, 1e-6, 0.5, 200_000);
		final double period = (fine.get(fine.size() - 1) - fine.get(0)) * 1e-6 / (fine.size() - 1);
		assertEquals(Math.PI * p.tauM() / Math.sqrt(0.5), period, 1e-3 * period);
		// a huge negative drive holds θ at rest above −π instead of throwing it round the circle
		assertTrue(spikes(NeuronModel.THETA, p, DT, -1000, 2000).isEmpty());
	}

	@Test
	void thetasCosineIsMathsOverTheWholeCircle() {
		double worst = 0;
		for (int k = 0; k <= 200_000; k++) {
			final double th = -Math.PI + k * (2 * Math.PI / 200_000);
			worst = Math.max(worst, Math.abs(Theta.cos(th) - Math.cos(th)));
		}
		assertTrue(worst < 3e-12, "largest error " + worst);
	}

	private static String bad(final String name, final Object value) {
		return assertThrows(ParameterException.class, () -> TrainingConfig.DEFAULTS.with(name, value).validate()).getMessage();
	}

	@Test
	void badModelParametersAreNamedWithTheFix() {
		assertEquals("neuron_model: must be one of lif, alif, izhikevich_rs, izhikevich_fs, theta (got 'hodgkin_huxley')",
			bad("neuron_model", "hodgkin_huxley"));
		assertTrue(bad("neuron_model_i", "lf").startsWith("neuron_model_i: must be one of same, lif, "), bad("neuron_model_i", "lf"));
		assertEquals("tau_adapt: must be greater than 0 (got 0.0)", bad("tau_adapt", 0));
		assertEquals("adapt_jump: must be 0 or more (got -1.0)", bad("adapt_jump", -1));
		assertEquals("izh_gain: must be greater than 0 (got 0.0)", bad("izh_gain", 0));
		assertEquals("theta_gain: must be greater than 0 (got -2.0)", bad("theta_gain", -2));
		assertTrue(bad("izh_bias", "NaN").startsWith("izh_bias: must be a finite number"));
		final String slow = assertThrows(ParameterException.class,
			() -> TrainingConfig.DEFAULTS.with("neuron_model", "alif").with("tau_adapt", 0.001).validate()).getMessage();
		assertTrue(slow.startsWith("tau_adapt: must be larger than the time step dt = 0.001 s"), slow);
		TrainingConfig.DEFAULTS.with("tau_adapt", 0.001).validate(); // only the alif uses it
		assertEquals(List.of(NeuronModel.values()).stream().map(NeuronModel::key).toList(), List.of(NeuronModel.keys()));
	}

	@Test
	void theSecondPopulationTakesItsOwnModelOrTheFirstsAndTheKeysMatchTheChoices() {
		final SpikingParams p = SpikingParams.DEFAULTS.with("neuron_model", "theta");
		assertEquals(NeuronModel.THETA, p.model(0));
		assertEquals(NeuronModel.THETA, p.model(1));
		assertEquals(NeuronModel.IZHIKEVICH_FS, p.with("neuron_model_i", "izhikevich_fs").model(1));
		assertEquals(NeuronModel.THETA, p.with("neuron_model_i", "izhikevich_fs").model(0));
		final List<String> choices = List.of(TrainingConfig.TABLE.require("neuron_model").spec().choices());
		assertEquals(List.of(NeuronModel.keys()), choices);
		final List<String> second = new ArrayList<>(List.of(NeuronModel.SAME));
		second.addAll(choices);
		assertEquals(second, List.of(TrainingConfig.TABLE.require("neuron_model_i").spec().choices()));
	}
}
