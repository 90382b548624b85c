package org.rate2spike.spiking.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.rate2spike.spiking.SpikingParams;

/** Every fast membrane gives its plain reference's numbers to the bit, and LIF gives the network's former loop's. */
class MembraneReferenceTest {

	private static final double DT = 1e-3;
	private static final int N = 300, START = 37, END = 251, STEPS = 3000;

	/** Drives that wander through sub- and suprathreshold values, as the network's V∞ does, with some large jumps. */
	private static double[][] drives(final long seed) {
		final Random r = new Random(seed);
		final double[][] d = new double[STEPS][N];
		final double[] slow = new double[N];
		for (int t = 0; t < STEPS; t++)
			for (int i = 0; i < N; i++) {
				slow[i] = 0.99 * slow[i] + 0.2 * r.nextGaussian();
				d[t][i] = slow[i] + 0.5 * r.nextGaussian() + (r.nextInt(500) == 0 ? 40 * r.nextGaussian() : 0);
			}
		return d;
	}

	private static double[] initial(final long seed) {
		final Random r = new Random(seed);
		final double[] v0 = new double[N];
		for (int i = 0; i < N; i++) v0[i] = 0.5 * r.nextGaussian();
		return v0;
	}

	@Test
	void everyFastModelMatchesItsReferenceToTheBit() {
		final SpikingParams p = SpikingParams.DEFAULTS;
		final double[][] drive = drives(1);
		for (final NeuronModel model : NeuronModel.values()) {
			final Membrane fast = model.membrane(p, DT, START, END), ref = model.reference(p, DT, START, END);
			final double[] v = new double[N], w = new double[N];
			Arrays.fill(v, 7);
			Arrays.fill(w, 7);
			fast.startPhase(v, initial(2));
			ref.startPhase(w, initial(2));
			final int[] sf = new int[N], sr = new int[N];
			long spikes = 0;
			for (int t = 0; t < STEPS; t++) {
				final int cf = fast.step(v, drive[t], sf, 3), cr = ref.step(w, drive[t], sr, 3);
				assertEquals(cr, cf, model + " step " + t);
				assertArrayEquals(Arrays.copyOfRange(sr, 3, cr), Arrays.copyOfRange(sf, 3, cf), model + " step " + t);
				assertArrayEquals(w, v, 0, model + " step " + t);
				spikes += cf - 3;
			}
			assertTrue(Arrays.deepEquals(ref.saveState(), fast.saveState()), model + ": state besides V");
			assertEquals(ref.stateRows(), fast.stateRows());
			assertEquals(7, v[0], 0, model + " leaves neurons before its range alone");
			assertEquals(7, v[N - 1], 0, model + " leaves neurons after its range alone");
			assertTrue(spikes > STEPS && spikes < (long) STEPS * (END - START) / 4, model + " spiked " + spikes + " times");
		}
	}

	/** The LIF loop of SpikingNetwork.step before neuron models existed, as it was. */
	private static int formerLifStep(final double[] v, final double[] vInf, final double decayM, final double threshold,
		final double resetTo, final int[] spikes)
	{
		final int n = v.length;
		for (int i = 0; i < n; i++) v[i] = vInf[i] + (v[i] - vInf[i]) * decayM;
		int count = 0;
		for (int i = 0; i < n; i++) {
			if (v[i] >= threshold) {
				v[i] = resetTo;
				spikes[count++] = i;
			}
		}
		return count;
	}

	@Test
	void lifIsTheFormerLoopToTheBit() {
		final SpikingParams p = SpikingParams.DEFAULTS.with("v_threshold", 0.3).with("v_reset", -7);
		final double[][] drive = drives(3);
		final Membrane lif = NeuronModel.LIF.membrane(p, DT, 0, N);
		final double[] v = new double[N], old = new double[N];
		lif.startPhase(v, initial(4));
		System.arraycopy(initial(4), 0, old, 0, N);
		final int[] s = new int[N], so = new int[N];
		for (int t = 0; t < STEPS; t++) {
			final int c = lif.step(v, drive[t], s, 0);
			final int co = formerLifStep(old, drive[t], Math.exp(-DT / p.tauM()), p.threshold(), p.threshold() + p.reset(), so);
			assertArrayEquals(Arrays.copyOf(so, co), Arrays.copyOf(s, c), "step " + t);
			assertArrayEquals(old, v, 0, "step " + t);
		}
	}

	@Test
	void stateRestoredIntoAFreshMembraneContinuesTheSameWay() {
		final SpikingParams p = SpikingParams.DEFAULTS;
		final double[][] drive = drives(5);
		for (final NeuronModel model : NeuronModel.values()) {
			final Membrane a = model.membrane(p, DT, START, END), b = model.membrane(p, DT, START, END);
			final double[] va = new double[N];
			final int[] s = new int[N];
			a.startPhase(va, initial(6));
			for (int t = 0; t < STEPS / 2; t++) a.step(va, drive[t], s, 0);
			b.startPhase(new double[N], new double[N]); // a fresh phase elsewhere, then the saved V and state
			final double[] vb = va.clone();
			b.restoreState(a.saveState());
			for (int t = STEPS / 2; t < STEPS; t++) {
				a.step(va, drive[t], s, 0);
				b.step(vb, drive[t], s, 0);
			}
			assertArrayEquals(va, vb, 0, model.key());
		}
	}
}
