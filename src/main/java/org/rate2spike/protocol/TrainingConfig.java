package org.rate2spike.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rate2spike.rate.RateParams;
import org.rate2spike.spiking.SpikingParams;
import org.rate2spike.task.DataOptions;
import org.rate2spike.util.ParameterException;

/**
 * Everything a training run needs, with one snake_case name per parameter. The command line ({@code --rate-units}
 * is {@code rate_units}), the Fiji dialogs and macros (field names) and the JSON files all use these names, so a
 * bad value gets the same message wherever it came from.
 */
public record TrainingConfig(String task, long seed, RateParams rate, SpikingParams spiking, TrialCounts trials,
	DataOptions data) {

	public static final TrainingConfig DEFAULTS = new TrainingConfig("oscillation", 1, RateParams.DEFAULTS,
		SpikingParams.DEFAULTS, TrialCounts.DEFAULTS, DataOptions.NONE);

	/** A configuration without data files (every built-in task but {@code data}). */
	public TrainingConfig(final String task, final long seed, final RateParams rate, final SpikingParams spiking,
		final TrialCounts trials)
	{
		this(task, seed, rate, spiking, trials, DataOptions.NONE);
	}

	/** Parameter names with a one-line description, in display order. */
	public static final Map<String, String> DESCRIPTIONS = descriptions();

	public TrainingConfig validate() {
		rate.validate();
		spiking.validate(rate.dt());
		trials.validate();
		data.validate();
		return this;
	}

	public TrainingConfig withRate(final RateParams r) { return new TrainingConfig(task, seed, r, spiking, trials, data); }
	public TrainingConfig withSpiking(final SpikingParams s) { return new TrainingConfig(task, seed, rate, s, trials, data); }
	public TrainingConfig withTrials(final TrialCounts t) { return new TrainingConfig(task, seed, rate, spiking, t, data); }
	public TrainingConfig withTask(final String t) { return new TrainingConfig(t, seed, rate, spiking, trials, data); }
	public TrainingConfig withSeed(final long s) { return new TrainingConfig(task, s, rate, spiking, trials, data); }
	public TrainingConfig withData(final DataOptions d) { return new TrainingConfig(task, seed, rate, spiking, trials, d); }

	/** Sets one parameter from text, e.g. ("neurons", "1000"); unknown names and unparsable values are named. */
	public TrainingConfig with(final String key, final String value) {
		final String k = key.toLowerCase(Locale.ROOT).replace('-', '_');
		final TrialCounts c = trials;
		final SpikingParams s = spiking;
		switch (k) {
			case "task": return withTask(value.trim());
			case "seed": return withSeed(parseLong(k, value));
			case "trials": return withTrials(TrialCounts.parse(value));
			case "rate_units": return withRate(rate.withUnits(parseInt(k, value)));
			case "tau_rate": return withRate(rate.withTau(parseDouble(k, value)));
			case "rate_gain": return withRate(rate.withGain(parseDouble(k, value)));
			case "frac_pca": return withRate(rate.withFracPca(parseDouble(k, value)));
			case "pcs": return withRate(rate.withPcs(parseInt(k, value)));
			case "dt": return withRate(rate.withDt(parseDouble(k, value)));
			case "neurons": return withSpiking(s.withNeurons(parseInt(k, value)));
			case "trained_fraction": return withSpiking(s.withTrainedFraction(parseDouble(k, value)));
			case "gz": return withSpiking(s.withFeedbackGain(parseDouble(k, value)));
			case "mu_f": return withSpiking(s.withInhibition(parseDouble(k, value)));
			case "gs": return withSpiking(s.withSlowGain(parseDouble(k, value)));
			case "gf": return withSpiking(s.withFastGain(parseDouble(k, value)));
			case "tau_m": return withSpiking(s.withTauM(parseDouble(k, value)));
			case "tau_s": return withSpiking(s.withTauS(parseDouble(k, value)));
			case "tau_f": return withSpiking(s.withTauF(parseDouble(k, value)));
			case "v_threshold": return withSpiking(s.withThreshold(parseDouble(k, value)));
			case "v_reset": return withSpiking(s.withReset(parseDouble(k, value)));
			case "dt_rls": return withSpiking(s.withRlsInterval(parseDouble(k, value)));
			case "rls_alpha": return withSpiking(s.withRlsRegularizer(parseDouble(k, value)));
			case "v_init": return withSpiking(s.withInitialVoltage(parseDouble(k, value)));
			case "max_rate_hz": return withSpiking(s.withMaxRateHz(parseDouble(k, value)));
			case "trials_init": return withTrials(new TrialCounts(parseInt(k, value), c.pca(), c.demean(), c.rls(), c.test()));
			case "trials_pca": return withTrials(new TrialCounts(c.init(), parseInt(k, value), c.demean(), c.rls(), c.test()));
			case "trials_demean": return withTrials(new TrialCounts(c.init(), c.pca(), parseInt(k, value), c.rls(), c.test()));
			case "trials_rls": return withTrials(new TrialCounts(c.init(), c.pca(), c.demean(), parseInt(k, value), c.test()));
			case "trials_test": return withTrials(new TrialCounts(c.init(), c.pca(), c.demean(), c.rls(), parseInt(k, value)));
			case "data_targets": case "targets": return withData(data.withTargetsFile(value));
			case "data_inputs": case "inputs": return withData(data.withInputsFile(value));
			case "data_factors": case "factors": return withData(data.withFactorsFile(value));
			case "sample_interval": return withData(data.withSampleInterval(parseDouble(k, value)));
			case "normalize": return withData(data.withNormalize(value));
			default:
				throw new ParameterException(k, "is not a parameter; known parameters: " + String.join(", ", DESCRIPTIONS.keySet()));
		}
	}

	/**
	 * Advice when this configuration differs from what its task was measured to train best with
	 * ({@link org.rate2spike.task.Task#suggested}), naming the parameters, the suggested and the given values; null
	 * when it agrees or the task suggests nothing.
	 */
	public String advice(final org.rate2spike.task.Task task) {
		final Map<String, Object> given = toMap();
		final java.util.List<String> wanted = new java.util.ArrayList<>(), have = new java.util.ArrayList<>();
		for (final Map.Entry<String, Double> e : new java.util.TreeMap<>(task.suggested()).entrySet()) {
			final double v = ((Number) given.get(e.getKey())).doubleValue();
			if (v == e.getValue()) continue;
			wanted.add(e.getKey() + " " + e.getValue());
			have.add(String.valueOf(v));
		}
		if (wanted.isEmpty()) return null;
		return "the " + task.name() + " task trains best with " + String.join(" and ", wanted) + " (this run: " +
			String.join(" and ", have) + "); see Tasks in the README";
	}

	/** Every parameter by name, as numbers and text (what summary.json and the network file record). */
	public Map<String, Object> toMap() {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("task", task);
		m.put("seed", seed);
		m.putAll(rateMap(rate));
		m.putAll(spikingMap(spiking));
		m.put("trials_init", trials.init());
		m.put("trials_pca", trials.pca());
		m.put("trials_demean", trials.demean());
		m.put("trials_rls", trials.rls());
		m.put("trials_test", trials.test());
		m.put("data_targets", data.targetsFile());
		m.put("data_inputs", data.inputsFile());
		m.put("data_factors", data.factorsFile());
		m.put("sample_interval", data.sampleInterval());
		m.put("normalize", data.normalize());
		return m;
	}

	public static Map<String, Object> rateMap(final RateParams r) {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("rate_units", r.units());
		m.put("tau_rate", r.tau());
		m.put("rate_gain", r.gain());
		m.put("frac_pca", r.fracPca());
		m.put("pcs", r.pcs());
		m.put("dt", r.dt());
		return m;
	}

	public static Map<String, Object> spikingMap(final SpikingParams s) {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("neurons", s.neurons());
		m.put("trained_fraction", s.trainedFraction());
		m.put("gz", s.feedbackGain());
		m.put("mu_f", s.inhibition());
		m.put("gs", s.slowGain());
		m.put("gf", s.fastGain());
		m.put("tau_m", s.tauM());
		m.put("tau_s", s.tauS());
		m.put("tau_f", s.tauF());
		m.put("v_threshold", s.threshold());
		m.put("v_reset", s.reset());
		m.put("dt_rls", s.rlsInterval());
		m.put("rls_alpha", s.rlsRegularizer());
		m.put("v_init", s.initialVoltage());
		m.put("max_rate_hz", s.maxRateHz());
		return m;
	}

	/** Applies every entry of a name → value map (e.g. read back from a file). */
	public static TrainingConfig fromMap(final Map<String, ?> values) {
		TrainingConfig c = DEFAULTS;
		for (final Map.Entry<String, ?> e : values.entrySet()) c = c.with(e.getKey(), String.valueOf(e.getValue()));
		return c;
	}

	public static int parseInt(final String key, final String value) {
		try {
			final double d = Double.parseDouble(value.trim());
			if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) throw new NumberFormatException();
			return (int) d;
		}
		catch (final NumberFormatException e) {
			throw new ParameterException(key, "needs a whole number (got '" + value + "')");
		}
	}

	public static long parseLong(final String key, final String value) {
		try {
			return Long.parseLong(value.trim());
		}
		catch (final NumberFormatException e) {
			throw new ParameterException(key, "needs a whole number (got '" + value + "')");
		}
	}

	public static double parseDouble(final String key, final String value) {
		try {
			return Double.parseDouble(value.trim());
		}
		catch (final NumberFormatException e) {
			throw new ParameterException(key, "needs a number (got '" + value + "')");
		}
	}

	private static Map<String, String> descriptions() {
		final Map<String, String> d = new LinkedHashMap<>();
		final List<String[]> rows = List.of(
			new String[] { "task", "built-in task" },
			new String[] { "seed", "random seed; the same seed gives the same result" },
			new String[] { "trials", "trial counts init,pca,demean,rls,test" },
			new String[] { "rate_units", "Ñ, units of the driven rate network" },
			new String[] { "tau_rate", "τx, time constant of the rate units (s)" },
			new String[] { "rate_gain", "g̃, gain of the rate network's random recurrent weights" },
			new String[] { "frac_pca", "keep the fewest PCs explaining more than this fraction of f_J's second moment" },
			new String[] { "pcs", "a fixed number of PCs instead (0: choose by frac_pca)" },
			new String[] { "dt", "time step (s)" },
			new String[] { "neurons", "N, spiking neurons" },
			new String[] { "trained_fraction", "fraction of neurons whose synaptic traces are read out (n = round(f·N))" },
			new String[] { "gz", "g_z, gain of the factor feedback projection U = g_z·Q" },
			new String[] { "mu_f", "μf, strength of the global fast inhibition" },
			new String[] { "gs", "gain of the random slow recurrent weights" },
			new String[] { "gf", "gain of the random fast recurrent weights" },
			new String[] { "tau_m", "τm, membrane time constant (s)" },
			new String[] { "tau_s", "τs, slow synaptic time constant (s)" },
			new String[] { "tau_f", "τf, fast synaptic time constant (s)" },
			new String[] { "v_threshold", "spike threshold (dimensionless)" },
			new String[] { "v_reset", "reset relative to threshold (negative)" },
			new String[] { "dt_rls", "mean number of steps between RLS updates" },
			new String[] { "rls_alpha", "RLS regulariser α: P starts as I/α" },
			new String[] { "v_init", "scale of the random initial membrane potentials" },
			new String[] { "max_rate_hz", "divergence guard: stop when a trial's population rate exceeds this (Hz)" },
			new String[] { "trials_init", "settling trials at the start of every phase" },
			new String[] { "trials_pca", "trials whose teacher signal enters the PCA" },
			new String[] { "trials_demean", "trials that estimate each neuron's mean input" },
			new String[] { "trials_rls", "RLS training trials" },
			new String[] { "trials_test", "test trials" },
			new String[] { "data_targets", "data task: table (CSV/TSV) or image (TIFF) of target outputs (--targets)" },
			new String[] { "data_inputs", "data task: table or image of inputs; empty: cue each condition (--inputs)" },
			new String[] { "data_factors", "data task: population activity whose PCs replace the rate network's factors (--factors)" },
			new String[] { "sample_interval", "data task: seconds between samples of tables without a time column and uncalibrated images" },
			new String[] { "normalize", "data task: none, or max (each target channel divided by its largest absolute value)" });
		for (final String[] r : rows) d.put(r[0], r[1]);
		return d;
	}
}
