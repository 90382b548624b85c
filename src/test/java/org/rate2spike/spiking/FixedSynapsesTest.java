package org.rate2spike.spiking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.rate2spike.task.Trial;
import org.rate2spike.util.ParameterException;

class FixedSynapsesTest {

	private static final double DT = 1e-3;

	private static SpikingParams ei(final int n, final double p) {
		return SpikingParams.DEFAULTS.with("neurons", n).with("excitatory_fraction", 0.8).with("connection_p", p)
			.with("gs", 0.11).with("gf", 0.13);
	}

	private static FixedSynapses draw(final SpikingParams p, final long seed) {
		return RandomSynapses.draw(p.slowGain(), p.tauS(), Populations.of(p), p.connectionP(), new Random(seed));
	}

	@Test
	void populationsSplitByTheExcitatoryFraction() {
		final Populations pops = Populations.of(ei(500, 0.1));
		assertEquals(2, pops.count());
		assertEquals(400, pops.size(0));
		assertEquals(100, pops.size(1));
		assertEquals("E", pops.name(0));
		assertEquals(1, pops.of(400));
		assertEquals(1, Populations.of(SpikingParams.DEFAULTS).count());
	}

	@Test
	void daleSignsHoldInEveryBlockAndEachRowIsBalanced() {
		for (final double p : new double[] { 1, 0.1 }) {
			final SpikingParams params = ei(200, p);
			final FixedSynapses s = draw(params, 3);
			assertInstanceOf(FixedSynapses.Sparse.class, s);
			final int ne = Populations.of(params).excitatory();
			int positive = 0, negative = 0, unbalanced = 0;
			for (int i = 0; i < 200; i++) {
				double sum = 0, abs = 0;
				boolean hasE = false, hasI = false;
				for (int j = 0; j < 200; j++) {
					final double w = s.weight(i, j);
					if (j < ne) assertTrue(w >= 0, "E→ synapse " + j + "→" + i + " is " + w);
					else assertTrue(w <= 0, "I→ synapse " + j + "→" + i + " is " + w);
					if (w > 0) positive++;
					if (w < 0) negative++;
					hasE |= w > 0;
					hasI |= w < 0;
					sum += w;
					abs += Math.abs(w);
				}
				// a neuron that happens to receive no synapse of one sign (p = 0.1, 40 I neurons: ~1.5 %) keeps its draws
				if (hasE && hasI) assertTrue(Math.abs(sum) <= 1e-5 * abs, "row " + i + " sums to " + sum + " (of " + abs + ")");
				else unbalanced++;
			}
			assertTrue(positive > 0 && negative > 0);
			assertTrue(unbalanced <= (p == 1 ? 0 : 10), unbalanced + " rows without both signs");
		}
	}

	@Test
	void theDefaultIsTheMethodsDenseMatrixDrawForDraw() {
		final SpikingParams p = SpikingParams.DEFAULTS.with("neurons", 50).with("gs", 0.2);
		final FixedSynapses s = draw(p, 9);
		assertInstanceOf(FixedSynapses.Dense.class, s);
		final Random rng = new Random(9);
		final double scale = 0.2 / (p.tauS() * Math.sqrt(50));
		for (int j = 0; j < 50; j++)
			for (int i = 0; i < 50; i++) assertEquals(scale * rng.nextGaussian(), s.weight(i, j));
		assertTrue(draw(SpikingParams.DEFAULTS, 1).isEmpty(), "gs = 0 draws nothing");
	}

	@Test
	void sparseApplicationEqualsAPlainLoopOverEveryWeight() {
		final FixedSynapses s = draw(ei(120, 0.1), 4);
		final double[] a = new double[120], b = new double[120];
		final Random rng = new Random(1);
		for (int q = 0; q < 300; q++) {
			final int j = rng.nextInt(120);
			s.addColumn(j, a);
			for (int i = 0; i < 120; i++) b[i] += s.weight(i, j);
		}
		assertArrayEquals(b, a);
	}

	@Test
	void connectionsAndMemoryScaleWithP() {
		final int n = 1000;
		final FixedSynapses dense = draw(SpikingParams.DEFAULTS.with("neurons", n).with("gs", 0.11), 1);
		final FixedSynapses sparse = draw(ei(n, 0.1), 1);
		final double share = sparse.connections() / (double) ((long) n * n);
		assertEquals(0.1, share, 0.003, "a binomial share of N² synapses (sd 0.0003)");
		final double bytes = sparse.bytes() / (double) dense.bytes();
		assertEquals(0.1, bytes, 0.004, "bytes of the sparse synapses against the dense matrix");
		final FixedSynapses sparser = draw(ei(n, 0.02), 1);
		assertEquals(0.02, sparser.bytes() / (double) dense.bytes(), 0.002);
	}

	/** An E/I network with p = 1 run on its sparse synapses and on the same weights held dense: the same spikes. */
	@Test
	void sparseAtPOneRunsAsTheSameWeightsHeldDense() {
		final int n = 80;
		final SpikingParams p = ei(n, 1).with("gs", 2.0).with("gf", 2.0);
		final Random rng = new Random(2);
		final FixedSynapses slow = RandomSynapses.draw(p.slowGain(), p.tauS(), Populations.of(p), 1, rng);
		final FixedSynapses fast = RandomSynapses.draw(p.fastGain(), p.tauF(), Populations.of(p), 1, rng);
		assertEquals((long) n * n, slow.connections());
		final double[][] input = { new double[n] };
		final double[] drive = new double[n];
		for (int i = 0; i < n; i++) {
			input[0][i] = rng.nextDouble();
			drive[i] = -0.5 - rng.nextDouble(); // −Ī: a positive drive makes them fire
		}
		final SpikingConnectivity sparse = new SpikingConnectivity(new double[0][], input, new int[] { 0, 1 }, slow, fast);
		final SpikingConnectivity dense = new SpikingConnectivity(new double[0][], input, new int[] { 0, 1 }, dense(slow, n), dense(fast, n));
		final SpikingNetwork a = new SpikingNetwork(p, sparse, DT, drive), b = new SpikingNetwork(p, dense, DT, drive);
		final double[] v0 = new double[n];
		for (int i = 0; i < n; i++) v0[i] = -5 * rng.nextDouble();
		a.reset(v0);
		b.reset(v0);
		final Trial trial = new Trial(new double[][] { new double[400] }, new double[][] { new double[400] }, 0);
		long spikes = 0;
		for (int t = 0; t < 400; t++) {
			spikes += a.step(trial, t);
			b.step(trial, t);
			assertArrayEquals(b.voltages(), a.voltages(), "step " + t);
		}
		assertTrue(spikes > 100, "the network spikes (" + spikes + ")");
	}

	private static FixedSynapses dense(final FixedSynapses s, final int n) {
		final double[][] c = new double[n][n];
		for (int j = 0; j < n; j++)
			for (int i = 0; i < n; i++) c[j][i] = s.weight(i, j);
		return new FixedSynapses.Dense(c);
	}

	/** E/I: the global inhibition comes from inhibitory spikes only, μf/(τf·N_I) each. */
	@Test
	void theGlobalInhibitionOfAnEiNetworkIsFedByItsInhibitoryNeuronsOnly() {
		final SpikingParams p = SpikingParams.DEFAULTS.with("neurons", 4).with("excitatory_fraction", 0.5); // E = 0, 1; I = 2, 3
		final SpikingConnectivity c = new SpikingConnectivity(new double[0][], new double[][] { new double[4] }, new int[] { 0 },
			FixedSynapses.NONE, FixedSynapses.NONE);
		final double decay = Math.exp(-DT / p.tauM());
		final Trial trial = new Trial(new double[][] { new double[2] }, new double[][] { new double[2] }, 0);
		for (final int spiking : new int[] { 0, 2 }) { // an excitatory, then an inhibitory neuron driven to spike
			final double[] drive = new double[4];
			drive[spiking] = -1; // −Ī = +1
			final SpikingNetwork net = new SpikingNetwork(p, c, DT, drive);
			final double[] v0 = { -1, -1, -1, -1 };
			v0[spiking] = 0;
			net.reset(v0);
			assertEquals(1, net.step(trial, 0));
			net.step(trial, 1);
			final double inhibition = spiking == 2 ? p.inhibition() / (p.tauF() * 2) : 0;
			assertEquals(inhibition + (-decay - inhibition) * decay, net.voltages()[1], 1e-12, "neuron 1 after a spike of " + spiking);
		}
	}

	@Test
	void badValuesNameTheParameterAndTheFix() {
		for (final double f : new double[] { 0, -0.1, 1.5, Double.NaN }) {
			final ParameterException e = assertThrows(ParameterException.class,
				() -> SpikingParams.DEFAULTS.with("excitatory_fraction", f).validate(DT));
			assertTrue(e.getMessage().contains("excitatory_fraction"), e.getMessage());
		}
		for (final double p : new double[] { 0, -1, 1.01 }) {
			final ParameterException e = assertThrows(ParameterException.class,
				() -> SpikingParams.DEFAULTS.with("connection_p", p).validate(DT));
			assertTrue(e.getMessage().contains("connection_p"), e.getMessage());
		}
		final ParameterException tiny = assertThrows(ParameterException.class,
			() -> SpikingParams.DEFAULTS.with("neurons", 3).with("excitatory_fraction", 0.9).validate(DT));
		assertTrue(tiny.getMessage().contains("excitatory_fraction") && tiny.getMessage().contains("at least one of each"), tiny.getMessage());
		final ParameterException sign = assertThrows(ParameterException.class,
			() -> SpikingParams.DEFAULTS.with("sign_constrained", true).validate(DT));
		assertTrue(sign.getMessage().contains("sign_constrained") && sign.getMessage().contains("excitatory_fraction"), sign.getMessage());
		final ParameterException mu = assertThrows(ParameterException.class,
			() -> ei(100, 0.1).with("mu_f", 0.3).validate(DT));
		assertTrue(mu.getMessage().contains("mu_f"), mu.getMessage());
	}

	@Test
	void inconsistentSparseArraysAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> new FixedSynapses.Sparse(2, new int[] { 0, 2, 3 }, new int[] { 1, 0, 1 },
			new float[3]), "rows must ascend within a column");
		assertThrows(IllegalArgumentException.class, () -> new FixedSynapses.Sparse(2, new int[] { 0, 1, 2 }, new int[] { 0, 2 },
			new float[2]), "row outside 0..N−1");
	}
}
