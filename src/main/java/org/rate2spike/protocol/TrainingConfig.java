package org.rate2spike.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

import org.rate2spike.params.Param;
import org.rate2spike.params.ParamDef;
import org.rate2spike.params.ParamTable;
import org.rate2spike.rate.RateParams;
import org.rate2spike.spiking.SpikingParams;
import org.rate2spike.task.DataOptions;
import org.rate2spike.util.ParameterException;

/**
 * Everything a training run needs, with one snake_case name per parameter. The command line ({@code --rate-units}
 * is {@code rate_units}), the Fiji dialogs and macros (field names) and the JSON files all use these names, so a
 * bad value gets the same message wherever it came from.
 */
public record TrainingConfig(
	@Param(name = "task", value = "oscillation", description = "built-in task (oscillation, integration, context, reach), or data for your own table or image") String task,
	@Param(name = "seed", value = "1", description = "random seed; the same seed gives the same result") long seed,
	@Param(name = "task_settings", value = "apply", choices = { "apply", "advise" }, description = "apply: parameters you do not set take the values the task was measured to train best with (the run lists them); advise: they keep their defaults and the run only names the task's values") String taskSettings,
	RateParams rate, SpikingParams spiking, TrialCounts trials, DataOptions data) {

	/** Every training parameter, declared once on the records' components. */
	public static final ParamTable<TrainingConfig> TABLE = ParamTable.of(TrainingConfig.class);

	public static final TrainingConfig DEFAULTS = TABLE.defaults();

	/** The shorthand {@code trials=init,pca,demean,rls,test} for the five trial counts. */
	public static final String TRIALS = "trials";

	/** A configuration without data files (every built-in task but {@code data}). */
	public TrainingConfig(final String task, final long seed, final RateParams rate, final SpikingParams spiking,
		final TrialCounts trials)
	{
		this(task, seed, rate, spiking, trials, DataOptions.NONE);
	}

	/** A configuration whose task applies its own settings where these leave a parameter unset. */
	public TrainingConfig(final String task, final long seed, final RateParams rate, final SpikingParams spiking,
		final TrialCounts trials, final DataOptions data)
	{
		this(task, seed, APPLY, rate, spiking, trials, data);
	}

	/** {@code task_settings}: the task's measured settings fill the parameters a user did not set. */
	public static final String APPLY = "apply";

	/** {@code task_settings}: the defaults stay; the task's settings are only named as advice. */
	public static final String ADVISE = "advise";

	public TrainingConfig {
		taskSettings = taskSettings == null || taskSettings.isBlank() ? APPLY : taskSettings.trim().toLowerCase(java.util.Locale.ROOT);
	}

	/** True when the task's settings fill the parameters a user did not set. */
	public boolean appliesTaskSettings() {
		return APPLY.equals(taskSettings);
	}

	/** Parameter names with a one-line description, in display order. */
	public static final Map<String, String> DESCRIPTIONS = descriptions();

	public TrainingConfig validate() {
		ParamTable.check(this);
		rate.validate();
		spiking.validate(rate.dt());
		trials.validate();
		data.validate();
		checkMemory(Runtime.getRuntime().maxMemory());
		return this;
	}

	/**
	 * Refuses, before any work, sizes that cannot fit: a rough lower bound of the bytes the largest arrays take (the
	 * rate network's Ñ×Ñ weights and covariance, the spiking network's per-neuron state and N×N random weights, the
	 * RLS matrix P of (2·trained)²) against what Java may use, naming the parameter that dominates.
	 */
	public void checkMemory(final long available) {
		final double units = rate.units(), n = spiking.neurons(), p = 2.0 * spiking.trained();
		final double rateBytes = 8 * 3 * units * units;
		final double synapses = spiking.connectionP() * n * n; // a sparse synapse takes 8 bytes as a dense one does
		final double spikingBytes = 8 * (n * 24 + (spiking.slowGain() > 0 ? synapses : 0) + (spiking.fastGain() > 0 ? synapses : 0) + 2 * p * p);
		final String param = rateBytes >= spikingBytes ? "rate_units" : "neurons";
		final double largest = Math.max(units * units, Math.max(p * p, spiking.slowGain() > 0 || spiking.fastGain() > 0 ? synapses : 0));
		if (largest > Integer.MAX_VALUE - 8) throw new ParameterException(param, String.format(
			"%s = %d needs a matrix of %.3g values, more than a Java array can hold (2^31); choose a smaller %s",
			param, param.equals("neurons") ? spiking.neurons() : rate.units(), largest, param));
		final double need = rateBytes + spikingBytes;
		if (need > available) throw new ParameterException(param, String.format(
			"%s = %d needs at least %.1f GB of memory but Java may use %.1f GB; choose a smaller %s or give Java more " +
				"(java -Xmx...)", param, param.equals("neurons") ? spiking.neurons() : rate.units(), need / 1e9, available / 1e9, param));
	}

	public TrainingConfig withRate(final RateParams r) { return new TrainingConfig(task, seed, taskSettings, r, spiking, trials, data); }
	public TrainingConfig withSpiking(final SpikingParams s) { return new TrainingConfig(task, seed, taskSettings, rate, s, trials, data); }
	public TrainingConfig withTrials(final TrialCounts t) { return new TrainingConfig(task, seed, taskSettings, rate, spiking, t, data); }
	public TrainingConfig withTask(final String t) { return new TrainingConfig(t, seed, taskSettings, rate, spiking, trials, data); }
	public TrainingConfig withSeed(final long s) { return new TrainingConfig(task, s, taskSettings, rate, spiking, trials, data); }
	public TrainingConfig withData(final DataOptions d) { return new TrainingConfig(task, seed, taskSettings, rate, spiking, trials, d); }

	/**
	 * Sets one parameter from text, e.g. ("neurons", "1000") or ("trials", "50,300,300,500,100"); unknown names and
	 * unparsable values are named. Limits are checked by {@link #validate}.
	 */
	public TrainingConfig with(final String key, final String value) {
		if (ParamTable.normalize(key).equals(TRIALS)) return withTrials(TrialCounts.parse(value));
		return TABLE.with(this, key, value);
	}

	/** As {@link #with(String, String)} with a typed value (a number for numeric parameters). */
	public TrainingConfig with(final String key, final Object value) {
		if (value instanceof String s) return with(key, s);
		final ParamDef d = TABLE.require(key);
		return TABLE.with(this, d, d.parse(String.valueOf(value)));
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
			wanted.add(e.getKey() + " " + valueText(e.getKey(), e.getValue()));
			have.add(valueText(e.getKey(), v));
		}
		if (wanted.isEmpty()) return null;
		return "the " + task.name() + " task trains best with " + org.rate2spike.util.Listing.and(wanted) + " (this run: " +
			org.rate2spike.util.Listing.and(have) + "); see Tasks in the README";
	}

	/** A parameter's value for messages: whole-number parameters without a decimal point (neurons 1000), others as 1.0. */
	public static String valueText(final String name, final double v) {
		if (TABLE.require(name).type() == int.class) return Long.toString(Math.round(v));
		return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.format(java.util.Locale.ROOT, "%.1f", v) : String.valueOf(v);
	}

	/** Every parameter by name, as numbers and text (what summary.json and the network file record). */
	public Map<String, Object> toMap() {
		return TABLE.toMap(this);
	}

	/** The parameters of the rate network, by name. */
	public static Map<String, Object> rateMap(final RateParams r) {
		return group(DEFAULTS.withRate(r), "rate");
	}

	/** The parameters of the spiking network and its training, by name. */
	public static Map<String, Object> spikingMap(final SpikingParams s) {
		return group(DEFAULTS.withSpiking(s), "spiking");
	}

	private static Map<String, Object> group(final TrainingConfig c, final String group) {
		final Map<String, Object> m = new LinkedHashMap<>();
		for (final ParamDef p : TABLE.params()) if (p.group().equals(group)) m.put(p.name(), TABLE.get(c, p));
		return m;
	}

	/** Applies every entry of a name → value map (e.g. read back from a file). */
	public static TrainingConfig fromMap(final Map<String, ?> values) {
		TrainingConfig c = DEFAULTS;
		for (final Map.Entry<String, ?> e : values.entrySet()) c = c.with(e.getKey(), String.valueOf(e.getValue()));
		return c;
	}

	public static int parseInt(final String key, final String value) {
		return ParamDef.parseInt(key, value);
	}

	public static long parseLong(final String key, final String value) {
		return ParamDef.parseLong(key, value);
	}

	public static double parseDouble(final String key, final String value) {
		return ParamDef.parseDouble(key, value);
	}

	private static Map<String, String> descriptions() {
		final Map<String, String> d = new LinkedHashMap<>();
		for (final ParamDef p : TABLE.params()) {
			d.put(p.name(), p.description());
			if (p.name().equals("seed")) d.put(TRIALS, "trial counts init,pca,demean,rls,test");
		}
		return java.util.Collections.unmodifiableMap(d);
	}
}
