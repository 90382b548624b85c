package org.rate2spike.spiking;

import org.rate2spike.util.Check;
import org.rate2spike.util.ParameterException;

/**
 * Parameters of the spiking network and of its RLS training. Voltages are dimensionless (threshold 0, reset −10).
 *
 * @param neurons N
 * @param trainedFraction fraction of neurons whose traces feed the learned feedback and readout (n = round(f·N))
 * @param feedbackGain g_z, norm of the projection U = g_z·Q
 * @param inhibition μf, global fast inhibition μf/(τf·N)·Σ fast traces
 * @param slowGain gs, random slow recurrent weights gs/(τs√N)·N(0,1)
 * @param fastGain gf, random fast recurrent weights gf/(τf√N)·N(0,1)
 * @param tauM membrane time constant (s)
 * @param tauS slow synaptic time constant (s)
 * @param tauF fast synaptic time constant (s)
 * @param threshold spike threshold V_th
 * @param reset a spiking neuron is reset to V_th + reset
 * @param rlsInterval DTRLS: an RLS update happens with probability 1/DTRLS per step
 * @param rlsRegularizer α, initial P = I/α
 * @param initialVoltage V starts at this scale times N(0,1)
 * @param maxRateHz divergence guard: training stops when a trial's population rate exceeds this
 */
public record SpikingParams(int neurons, double trainedFraction, double feedbackGain, double inhibition, double slowGain,
	double fastGain, double tauM, double tauS, double tauF, double threshold, double reset, double rlsInterval,
	double rlsRegularizer, double initialVoltage, double maxRateHz) {

	/**
	 * The method's values, except DTRLS = 10 instead of the reference's 2: with an update every 2 steps RLS corrects
	 * each deviation before it grows, and the trained loop can be unstable once learning stops (N = 1000 fell off the
	 * target during the test); 10 steps between updates let it learn to correct its own drift (docs/fit-quality.md).
	 */
	public static final SpikingParams DEFAULTS = new SpikingParams(500, 0.4, 6, -0.3, 0, 0, 0.01, 0.1, 0.005, 0, -10, 10,
		1, 1e-3, 200);

	/** n, the number of trained presynaptic neurons. */
	public int trained() {
		return Math.max(1, (int) Math.round(trainedFraction * neurons));
	}

	public SpikingParams validate(final double dt) {
		Check.atLeast("neurons", neurons, 1);
		Check.fraction("trained_fraction", trainedFraction);
		Check.nonNegative("gz", feedbackGain);
		Check.finite("mu_f", inhibition);
		Check.nonNegative("gs", slowGain);
		Check.nonNegative("gf", fastGain);
		Check.positive("tau_m", tauM);
		Check.positive("tau_s", tauS);
		Check.positive("tau_f", tauF);
		Check.resolves("tau_m", tauM, dt);
		Check.resolves("tau_s", tauS, dt);
		Check.resolves("tau_f", tauF, dt);
		Check.finite("v_threshold", threshold);
		Check.finite("v_reset", reset);
		if (!(reset < 0)) throw new ParameterException("v_reset", "must be negative: a neuron is reset below threshold (got " + reset + ")");
		Check.finite("dt_rls", rlsInterval);
		if (rlsInterval < 1) throw new ParameterException("dt_rls", "is the mean number of steps between RLS updates and must be at least 1 (got " + rlsInterval + ")");
		Check.positive("rls_alpha", rlsRegularizer);
		Check.nonNegative("v_init", initialVoltage);
		Check.positive("max_rate_hz", maxRateHz);
		return this;
	}

	public SpikingParams withMaxRateHz(final double v) { return new SpikingParams(neurons, trainedFraction, feedbackGain, inhibition, slowGain, fastGain, tauM, tauS, tauF, threshold, reset, rlsInterval, rlsRegularizer, initialVoltage, v); }
	public SpikingParams withNeurons(final int v) { return new SpikingParams(v, trainedFraction, feedbackGain, inhibition, slowGain, fastGain, tauM, tauS, tauF, threshold, reset, rlsInterval, rlsRegularizer, initialVoltage, maxRateHz); }
	public SpikingParams withTrainedFraction(final double v) { return new SpikingParams(neurons, v, feedbackGain, inhibition, slowGain, fastGain, tauM, tauS, tauF, threshold, reset, rlsInterval, rlsRegularizer, initialVoltage, maxRateHz); }
	public SpikingParams withFeedbackGain(final double v) { return new SpikingParams(neurons, trainedFraction, v, inhibition, slowGain, fastGain, tauM, tauS, tauF, threshold, reset, rlsInterval, rlsRegularizer, initialVoltage, maxRateHz); }
	public SpikingParams withInhibition(final double v) { return new SpikingParams(neurons, trainedFraction, feedbackGain, v, slowGain, fastGain, tauM, tauS, tauF, threshold, reset, rlsInterval, rlsRegularizer, initialVoltage, maxRateHz); }
	public SpikingParams withSlowGain(final double v) { return new SpikingParams(neurons, trainedFraction, feedbackGain, inhibition, v, fastGain, tauM, tauS, tauF, threshold, reset, rlsInterval, rlsRegularizer, initialVoltage, maxRateHz); }
	public SpikingParams withFastGain(final double v) { return new SpikingParams(neurons, trainedFraction, feedbackGain, inhibition, slowGain, v, tauM, tauS, tauF, threshold, reset, rlsInterval, rlsRegularizer, initialVoltage, maxRateHz); }
	public SpikingParams withTauM(final double v) { return new SpikingParams(neurons, trainedFraction, feedbackGain, inhibition, slowGain, fastGain, v, tauS, tauF, threshold, reset, rlsInterval, rlsRegularizer, initialVoltage, maxRateHz); }
	public SpikingParams withTauS(final double v) { return new SpikingParams(neurons, trainedFraction, feedbackGain, inhibition, slowGain, fastGain, tauM, v, tauF, threshold, reset, rlsInterval, rlsRegularizer, initialVoltage, maxRateHz); }
	public SpikingParams withTauF(final double v) { return new SpikingParams(neurons, trainedFraction, feedbackGain, inhibition, slowGain, fastGain, tauM, tauS, v, threshold, reset, rlsInterval, rlsRegularizer, initialVoltage, maxRateHz); }
	public SpikingParams withThreshold(final double v) { return new SpikingParams(neurons, trainedFraction, feedbackGain, inhibition, slowGain, fastGain, tauM, tauS, tauF, v, reset, rlsInterval, rlsRegularizer, initialVoltage, maxRateHz); }
	public SpikingParams withReset(final double v) { return new SpikingParams(neurons, trainedFraction, feedbackGain, inhibition, slowGain, fastGain, tauM, tauS, tauF, threshold, v, rlsInterval, rlsRegularizer, initialVoltage, maxRateHz); }
	public SpikingParams withRlsInterval(final double v) { return new SpikingParams(neurons, trainedFraction, feedbackGain, inhibition, slowGain, fastGain, tauM, tauS, tauF, threshold, reset, v, rlsRegularizer, initialVoltage, maxRateHz); }
	public SpikingParams withRlsRegularizer(final double v) { return new SpikingParams(neurons, trainedFraction, feedbackGain, inhibition, slowGain, fastGain, tauM, tauS, tauF, threshold, reset, rlsInterval, v, initialVoltage, maxRateHz); }
	public SpikingParams withInitialVoltage(final double v) { return new SpikingParams(neurons, trainedFraction, feedbackGain, inhibition, slowGain, fastGain, tauM, tauS, tauF, threshold, reset, rlsInterval, rlsRegularizer, v, maxRateHz); }
}
