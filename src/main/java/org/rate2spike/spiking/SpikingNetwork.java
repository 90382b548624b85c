package org.rate2spike.spiking;

import java.util.Arrays;

import org.rate2spike.kernels.Kernels;
import org.rate2spike.spiking.neuron.Membrane;
import org.rate2spike.spiking.neuron.Membranes;
import org.rate2spike.task.Trial;

/**
 * State and time step of N spiking neurons driven by
 * V∞ = U·uPC·ẑ + inhibition + random slow/fast currents − Ī + U·ũ_in·f_in. Each population's {@link Membrane}
 * (its neuron model) turns V∞ into V, spikes and resets; for the LIF, τm dV/dt = −V + V∞, integrated exactly over each
 * step, a spike at V ≥ V_th and a reset to V_th + V_r. Each spike adds 1
 * to its neuron's slow (τs) and fast (τf) traces. Only the n trained neurons' traces are kept (they form s); the
 * global inhibition is one scalar, because every neuron receives the same (fed by every spike, or in an E/I network by
 * the inhibitory ones only). The random slow/fast currents add the spiking neurons' columns of {@link FixedSynapses}
 * (dense or sparse). No allocation per step.
 */
public final class SpikingNetwork {

	private final SpikingConnectivity c;
	private final int n;
	private final double decayS, decayF;
	private final Membrane[] membranes; // one per population, in index order
	private final int modelRows; // rows of model state in saveState()
	private final double inhibitionPerSpike;
	private final double[] meanInput;
	private final boolean slowRandom, fastRandom;
	private final FixedSynapses slowSynapses, fastSynapses;
	private final int inhibitoryFrom; // the global inhibition counts spikes of neurons from here on (0: all, E/I: I only)

	private final double[] v;
	private final double[] vInf; // scratch: V∞ of the step
	private final double[] feedbackCurrent; // U·uPC·ẑ from the end of the previous step
	private final double[] slowCurrent, fastCurrent; // random recurrent currents
	private double inhibition;
	private final int[] position; // neuron -> index in s, or -1
	private final double[] s; // [slow traces of trained; fast traces of trained]
	private final int[] spikes;
	private int spikeCount;
	private final int[] trainedSpikes; // positions in [0, n) of the trained neurons that spiked
	private int trainedSpikeCount;
	private final int[] nonzero; // scratch of the feedback product

	public SpikingNetwork(final SpikingParams p, final SpikingConnectivity c, final double dt, final double[] meanInput) {
		this.c = c;
		this.n = p.neurons();
		decayS = Math.exp(-dt / p.tauS());
		decayF = Math.exp(-dt / p.tauF());
		final Populations pops = Populations.of(p);
		membranes = Membranes.of(p, pops, dt);
		modelRows = Membranes.stateRows(membranes);
		// one population: every spike adds μf/(τf·N); E/I: only inhibitory spikes, μf/(τf·N_I) each (same mean at equal rates)
		inhibitoryFrom = pops.dale() ? pops.excitatory() : 0;
		inhibitionPerSpike = p.inhibition() / (p.tauF() * (n - inhibitoryFrom));
		this.meanInput = meanInput;
		slowSynapses = c.slowRandom();
		fastSynapses = c.fastRandom();
		slowRandom = !slowSynapses.isEmpty();
		fastRandom = !fastSynapses.isEmpty();
		v = new double[n];
		vInf = new double[n];
		feedbackCurrent = new double[n];
		slowCurrent = new double[n];
		fastCurrent = new double[n];
		position = new int[n];
		Arrays.fill(position, -1);
		final int[] trained = c.trained();
		for (int k = 0; k < trained.length; k++) position[trained[k]] = k;
		s = new double[2 * trained.length];
		spikes = new int[n];
		trainedSpikes = new int[trained.length];
		nonzero = new int[c.feedback().length];
	}

	/** Every phase starts here: V from the seeded draw, everything else at zero. */
	public void reset(final double[] v0) {
		for (final Membrane m : membranes) m.startPhase(v, v0);
		Arrays.fill(feedbackCurrent, 0);
		Arrays.fill(slowCurrent, 0);
		Arrays.fill(fastCurrent, 0);
		Arrays.fill(s, 0);
		inhibition = 0;
		spikeCount = 0;
		trainedSpikeCount = 0;
	}

	/**
	 * The state carried between steps, for checkpoints: {V, feedback current, slow and fast random currents, s,
	 * {inhibition}}, then the neuron models' own state (e.g. alif's w, Izhikevich's u), population by population.
	 */
	public double[][] saveState() {
		final double[][] core = { v.clone(), feedbackCurrent.clone(), slowCurrent.clone(), fastCurrent.clone(), s.clone(),
			{ inhibition } };
		return Membranes.appendState(core, membranes);
	}

	/** Continues from {@link #saveState()}'s result. */
	public void restoreState(final double[][] st) {
		if (st.length < 6 || st[0].length != n || st[4].length != s.length) throw new IllegalArgumentException(
			"a saved state of " + st[0].length + " neurons does not fit this network of " + n);
		if (st.length != 6 + modelRows) throw new IllegalArgumentException("a saved state with " + (st.length - 6) +
			" rows of neuron-model state does not fit this network's neuron models, which keep " + modelRows);
		System.arraycopy(st[0], 0, v, 0, n);
		System.arraycopy(st[1], 0, feedbackCurrent, 0, n);
		System.arraycopy(st[2], 0, slowCurrent, 0, n);
		System.arraycopy(st[3], 0, fastCurrent, 0, n);
		System.arraycopy(st[4], 0, s, 0, s.length);
		inhibition = st[5][0];
		Membranes.restoreState(st, 6, membranes);
		spikeCount = 0;
		trainedSpikeCount = 0;
	}

	/** Advances V by one step with the feedback set at the end of the previous step; updates spikes and traces. */
	public int step(final Trial trial, final int t) {
		final double[][] in = trial.input();
		final double[][] inW = c.input();
		final double inh = inhibition;
		// V∞ and V in loops the JIT vectorises, each element summed in the same order as one scalar loop would
		final double[] vInf = this.vInf;
		for (int i = 0; i < n; i++) vInf[i] = feedbackCurrent[i] + inh + slowCurrent[i] + fastCurrent[i] - meanInput[i];
		for (int k = 0; k < in.length; k++) {
			final double a = in[k][t];
			final double[] w = inW[k];
			for (int i = 0; i < n; i++) vInf[i] += w[i] * a;
		}
		int count = 0;
		for (final Membrane m : membranes) count = m.step(v, vInf, spikes, count); // V, threshold and reset
		spikeCount = count;

		final int m = s.length / 2;
		for (int k = 0; k < m; k++) s[k] *= decayS;
		for (int k = m; k < 2 * m; k++) s[k] *= decayF;
		int inhibitory = count;
		if (inhibitoryFrom > 0) { // spikes[] ascends: skip the excitatory ones
			int q = 0;
			while (q < count && spikes[q] < inhibitoryFrom) q++;
			inhibitory = count - q;
		}
		inhibition = inhibition * decayF + inhibitionPerSpike * inhibitory;
		if (slowRandom) for (int i = 0; i < n; i++) slowCurrent[i] *= decayS;
		if (fastRandom) for (int i = 0; i < n; i++) fastCurrent[i] *= decayF;
		int trainedCount = 0;
		for (int q = 0; q < count; q++) {
			final int j = spikes[q];
			final int k = position[j];
			if (k >= 0) {
				s[k] += 1;
				s[m + k] += 1;
				trainedSpikes[trainedCount++] = k;
			}
			if (slowRandom) slowSynapses.addColumn(j, slowCurrent);
			if (fastRandom) fastSynapses.addColumn(j, fastCurrent);
		}
		trainedSpikeCount = trainedCount;
		return count;
	}

	/** Positions in s (0..n−1) of the trained neurons that spiked in the last step: the first {@link #trainedSpikeCount()}. */
	public int[] trainedSpikes() {
		return trainedSpikes;
	}

	public int trainedSpikeCount() {
		return trainedSpikeCount;
	}

	/** Per-step decay of the slow traces. */
	public double decaySlow() {
		return decayS;
	}

	/** Per-step decay of the fast traces. */
	public double decayFast() {
		return decayF;
	}

	/**
	 * Sets the feedback current to {@code from[offset .. offset + n)}, one that {@link #feedback} computed earlier for
	 * the same ẑ (copied out with {@link #copyFeedbackCurrent}).
	 */
	public void feedbackCurrent(final double[] from, final int offset) {
		System.arraycopy(from, offset, feedbackCurrent, 0, n);
	}

	/** Copies the feedback current the last {@link #feedback} set into {@code to[offset .. offset + n)}. */
	public void copyFeedbackCurrent(final double[] to, final int offset) {
		System.arraycopy(feedbackCurrent, 0, to, offset, n);
	}

	/** Sets the feedback current U·uPC·ẑ that the next step will use. */
	public void feedback(final double[] zHat) {
		Kernels.matVecColumnsFused(c.feedback(), zHat, feedbackCurrent, n, nonzero);
	}

	/** Adds this step's current that Ī estimates (feedback plus random recurrent currents) to {@code sum}. */
	public void accumulateMeanInput(final double[] sum) {
		for (int i = 0; i < n; i++) sum[i] += feedbackCurrent[i] + slowCurrent[i] + fastCurrent[i];
	}

	/** s = [slow traces; fast traces] of the trained neurons. Do not modify. */
	public double[] traces() {
		return s;
	}

	/** Indices of the neurons that spiked in the last step: the first {@link #spikeCount()} entries. */
	public int[] spikes() {
		return spikes;
	}

	public int spikeCount() {
		return spikeCount;
	}

	/** V of every neuron after the last step: dimensionless for lif and alif, mV for Izhikevich, the phase θ for theta. */
	public double[] voltages() {
		return v;
	}

	public int neurons() {
		return n;
	}
}
