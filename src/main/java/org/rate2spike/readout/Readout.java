package org.rate2spike.readout;

/**
 * A named linear readout of a trained network: y = weights · [features; 1].
 *
 * @param name its name in the network file
 * @param traces "slow", "fast" or "both"
 * @param neurons "trained" or "all"
 * @param signals what it reads out (see {@link Signals})
 * @param method "ridge" or "rls"
 * @param penalty the ridge penalty used (NaN for rls)
 * @param weights [channel][feature], the last column the constant term
 * @param heldoutNmse per channel, on held-out trials
 * @param heldoutR2 per channel, on held-out trials
 */
public record Readout(String name, String traces, String neurons, String signals, String method, double penalty,
	double[][] weights, double[] heldoutNmse, double[] heldoutR2) {

	public int channels() {
		return weights.length;
	}

	public int features() {
		return weights[0].length;
	}
}
