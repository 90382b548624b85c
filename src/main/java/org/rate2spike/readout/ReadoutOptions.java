package org.rate2spike.readout;

import java.util.List;
import java.util.Locale;

import org.rate2spike.params.Param;
import org.rate2spike.params.ParamTable;
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
public record ReadoutOptions(
	@Param(name = "readout_name", value = "refit", aliases = "name", description = "the name the readout is stored under in the network file (letters, digits, _)") String name,
	@Param(name = "basis", value = "both", choices = { "both", "slow", "fast" }, description = "which synaptic traces form the basis") String traces,
	@Param(name = "basis_neurons", value = "trained", choices = { "trained", "all" }, description = "the trained neurons' traces or all neurons'") String neurons,
	@Param(name = "signals", value = "output", description = "what to read out: output, derivative, shift:SECONDS or file:PATH (a table or image, one channel per signal)") String signals,
	@Param(name = "method", value = "ridge", choices = { "ridge", "rls" }, description = "ridge (batch, penalty by cross-validation over trials) or rls (online, as in training)") String method,
	@Param(name = "trials_fit", value = "20", min = "1", description = "trials the readout is fitted on") int fitTrials,
	@Param(name = "trials_heldout", value = "10", min = "1", description = "further trials it is scored on") int heldoutTrials,
	@Param(name = "folds", value = "5", min = "2", description = "cross-validation folds over the fit trials (ridge)") int folds,
	@Param(name = "rls_alpha", value = "1", min = "0", minOpen = true, description = "RLS regulariser α of the rls method: P starts as I/α") double rlsAlpha) {

	/** The readout parameters, declared once on the components above. */
	public static final ParamTable<ReadoutOptions> TABLE = ParamTable.of(ReadoutOptions.class);

	public static final ReadoutOptions DEFAULTS = TABLE.defaults();
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

	/** A copy with one parameter, by its snake_case name, set to {@code value}. */
	public ReadoutOptions with(final String name, final Object value) {
		return TABLE.with(this, name, value);
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
