package org.rate2spike.spiking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rate2spike.task.Trial;

class SpikingNetworkTest {

	private static final double DT = 1e-3;

	/** One neuron, no feedback, no input: a constant drive enters as −Ī. */
	private static SpikingNetwork single(final double drive, final SpikingParams p) {
		final SpikingConnectivity c = new SpikingConnectivity(new double[0][], new double[][] { { 0 } }, new int[] { 0 },
			FixedSynapses.NONE, FixedSynapses.NONE);
		return new SpikingNetwork(p, c, DT, new double[] { -drive });
	}

	private static Trial silent(final int steps) {
		return new Trial(new double[][] { new double[steps] }, new double[][] { new double[steps] }, 0);
	}

	@Test
	void subthresholdVoltageFollowsTheExactExponential() {
		final SpikingParams p = SpikingParams.DEFAULTS.with("neurons", 1).with("mu_f", 0).with("v_threshold", 100);
		final double drive = 3, v0 = -2;
		final SpikingNetwork net = single(drive, p);
		net.reset(new double[] { v0 });
		final Trial trial = silent(50);
		for (int t = 1; t <= 50; t++) {
			assertEquals(0, net.step(trial, t - 1));
			final double exact = drive + (v0 - drive) * Math.exp(-t * DT / p.tauM());
			assertEquals(exact, net.voltages()[0], 1e-12, "step " + t);
		}
	}

	@Test
	void spikesAtThresholdResetsAndFeedsBothTraces() {
		final SpikingParams p = SpikingParams.DEFAULTS.with("neurons", 1).with("mu_f", 0);
		final double drive = 1; // V∞ = 1 > threshold 0: V crosses 0 after τm·ln(1 + 10/1)... from the reset
		final SpikingNetwork net = single(drive, p);
		net.reset(new double[] { -0.001 });
		final Trial trial = silent(200);
		int firstSpike = -1, secondSpike = -1;
		for (int t = 0; t < 200; t++) {
			final int n = net.step(trial, t);
			if (n == 1) {
				assertEquals(p.threshold() + p.reset(), net.voltages()[0], 0, "reset to V_th + V_r");
				assertEquals(0, net.spikes()[0]);
				if (firstSpike < 0) {
					firstSpike = t;
					assertEquals(1.0, net.traces()[0], 0, "slow trace jumps by 1");
					assertEquals(1.0, net.traces()[1], 0, "fast trace jumps by 1");
				}
				else if (secondSpike < 0) secondSpike = t;
			}
		}
		assertEquals(0, firstSpike, "starts just below threshold with a suprathreshold drive");
		// From the reset −10 with V∞ = 1, V reaches 0 after τm·ln(11) = 23.98 ms: the 24th step.
		assertEquals(24, secondSpike - firstSpike);
	}

	@Test
	void tracesDecayExactlyBetweenSpikes() {
		final SpikingParams p = SpikingParams.DEFAULTS.with("neurons", 1).with("mu_f", 0);
		final SpikingNetwork net = single(-5, p); // starts high enough to spike once, then is pulled down for good
		net.reset(new double[] { 1 });
		final Trial trial = silent(30);
		assertEquals(1, net.step(trial, 0));
		for (int t = 1; t < 30; t++) net.step(trial, t);
		assertArrayEquals(new double[] { Math.exp(-29 * DT / p.tauS()), Math.exp(-29 * DT / p.tauF()) }, net.traces(), 1e-12);
	}

	@Test
	void globalInhibitionLowersEveryNeuronAfterASpike() {
		final SpikingParams p = SpikingParams.DEFAULTS.with("neurons", 2);
		final SpikingConnectivity c = new SpikingConnectivity(new double[0][], new double[][] { { 0, 0 } }, new int[] { 0 },
			FixedSynapses.NONE, FixedSynapses.NONE);
		final SpikingNetwork net = new SpikingNetwork(p, c, DT, new double[] { -1, 0 });
		net.reset(new double[] { 0, -1 });
		final Trial trial = silent(2);
		assertEquals(1, net.step(trial, 0)); // neuron 0, driven above threshold, spikes; neuron 1 decays towards 0
		net.step(trial, 1);
		final double decay = Math.exp(-DT / p.tauM());
		final double inhibition = p.inhibition() / (p.tauF() * 2); // one spike, μf/(τf·N)
		final double expected = inhibition + (-decay - inhibition) * decay;
		assertEquals(expected, net.voltages()[1], 1e-12);
		assertTrue(net.voltages()[1] < -decay * decay, "lower than without inhibition");
	}
}
