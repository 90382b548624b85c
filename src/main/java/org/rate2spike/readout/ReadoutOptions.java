package org.rate2spike.readout;

import java.util.List;
import java.util.Locale;

import org.rate2spike.util.Check;
import org.rate2spike.util.ParameterException;

/**
 * How to fit a readout.
 *
 * @param name the name it is stored under in the network file
 * @param traces "slow", "fast" or "both": which synaptic traces form the basis
 * @param neurons "trained" (the n neurons of s) or "all"
 * @param signals what to read out: "output" (the task's outputs), "derivative", "shift:SECONDS" or "file:PATH" (see
 *        {@link Signals})
 * @param method "ridge" (batch, penalty by k-fold cross-validation over trials) or "rls" (online, as in training)
 * @param fitTrials trials the readout is fitted on
 * @param heldoutTrials further trials it is scored on
 * @param folds cross-validation folds over the fit trials (ridge)
 * @param rlsAlpha RLS regulariser (rls): P starts as I/α
 */
public record ReadoutOptions(String name, String traces, String neurons, String signals, String method, int fitTrials,
	int heldoutTrials, int folds, double rlsAlpha) {

	public static final ReadoutOptions DEFAULTS = new ReadoutOptions("refit", "both", "trained", "output", "ridge", 20, 10, 5, 1);
	public static final List<String> TRACES = List.of("both", "slow", "fast");
	public static final List<String> NEURONS = List.of("trained", "all");
	public static final List<String> METHODS = List.of("ridge", "rls");

	public ReadoutOptions validate() {
		if (name == null || !name.matches("[A-Za-z0-9_]{1,40}")) throw new ParameterException("readout_name",
			"must be 1-40 letters, digits or underscores (got '" + name + "')");
		if (name.equals("default")) throw new ParameterException("readout_name", "'default' is the readout learned in training; choose another name");
		choice("basis", traces, TRACES);
		choice("basis_neurons", neurons, NEURONS);
		choice("method", method, METHODS);
		Signals.check(signals);
		Check.atLeast("trials_fit", fitTrials, 1);
		Check.atLeast("trials_heldout", heldoutTrials, 1);
		Check.atLeast("folds", folds, 2);
		if (method.equals("ridge") && folds > fitTrials) throw new ParameterException("folds", "must not exceed trials_fit (" +
			fitTrials + "): each fold holds whole trials");
		Check.positive("rls_alpha", rlsAlpha);
		return this;
	}

	private static void choice(final String key, final String value, final List<String> options) {
		if (value == null || !options.contains(value.toLowerCase(Locale.ROOT))) throw new ParameterException(key,
			"must be one of " + options + " (got '" + value + "')");
	}

	public ReadoutOptions withName(final String v) { return new ReadoutOptions(v, traces, neurons, signals, method, fitTrials, heldoutTrials, folds, rlsAlpha); }
	public ReadoutOptions withTraces(final String v) { return new ReadoutOptions(name, v, neurons, signals, method, fitTrials, heldoutTrials, folds, rlsAlpha); }
	public ReadoutOptions withNeurons(final String v) { return new ReadoutOptions(name, traces, v, signals, method, fitTrials, heldoutTrials, folds, rlsAlpha); }
	public ReadoutOptions withSignals(final String v) { return new ReadoutOptions(name, traces, neurons, v, method, fitTrials, heldoutTrials, folds, rlsAlpha); }
	public ReadoutOptions withMethod(final String v) { return new ReadoutOptions(name, traces, neurons, signals, v, fitTrials, heldoutTrials, folds, rlsAlpha); }
	public ReadoutOptions withTrials(final int fit, final int heldout) { return new ReadoutOptions(name, traces, neurons, signals, method, fit, heldout, folds, rlsAlpha); }
	public ReadoutOptions withFolds(final int v) { return new ReadoutOptions(name, traces, neurons, signals, method, fitTrials, heldoutTrials, v, rlsAlpha); }
	public ReadoutOptions withRlsAlpha(final double v) { return new ReadoutOptions(name, traces, neurons, signals, method, fitTrials, heldoutTrials, folds, v); }
}
