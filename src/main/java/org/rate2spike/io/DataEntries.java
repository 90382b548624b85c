package org.rate2spike.io;

import org.rate2spike.format.Npz;
import org.rate2spike.format.NpyArray;
import org.rate2spike.format.FileFormatException;

import java.util.Map;

import org.rate2spike.task.DataOptions;
import org.rate2spike.task.DataSpec;
import org.rate2spike.format.Dataset;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The data of a {@code data} task inside a targets or network file. {@code meta.json} gets a {@code data} object with
 * the options ({@code normalize}; {@code sample_interval}, {@code data_targets}, {@code data_inputs} and
 * {@code data_factors} as given in training, a record only) and, for each data set present ({@code targets}, and
 * {@code inputs} and {@code factors} when given), its {@code source}, {@code conditions} (labels) and {@code channels}
 * (names). Each condition c of a data set is two float64 arrays, so that conditions may differ in length:
 * {@code data_<set>_values_<c>} (channels × samples) and {@code data_<set>_times_<c>} (samples, seconds from the
 * condition's first sample).
 */
final class DataEntries {

	static final String KEY = "data";
	private static final String[] SETS = { "targets", "inputs", "factors" };

	private DataEntries() {}

	static JsonObject meta(final DataSpec d) {
		final JsonObject o = new JsonObject();
		final DataOptions opt = d.options();
		o.addProperty("normalize", opt.normalize());
		o.addProperty("sample_interval", opt.sampleInterval());
		o.addProperty("data_targets", opt.targetsFile());
		o.addProperty("data_inputs", opt.inputsFile());
		o.addProperty("data_factors", opt.factorsFile());
		o.addProperty("trial_layout", opt.trialLayout());
		o.addProperty("go_cue", opt.goCue());
		final Dataset[] sets = sets(d);
		for (int s = 0; s < SETS.length; s++) {
			if (sets[s] == null) continue;
			final JsonObject set = new JsonObject();
			set.addProperty("source", sets[s].source());
			set.add("conditions", strings(sets[s].conditions()));
			set.add("channels", strings(sets[s].channels()));
			o.add(SETS[s], set);
		}
		return o;
	}

	static void arrays(final DataSpec d, final Map<String, NpyArray> a) {
		final Dataset[] sets = sets(d);
		for (int s = 0; s < SETS.length; s++) {
			final Dataset set = sets[s];
			if (set == null) continue;
			for (int c = 0; c < set.conditionCount(); c++) {
				a.put(name(SETS[s], "values", c), NpyArray.ofRows(set.values()[c], set.samples(c)));
				a.put(name(SETS[s], "times", c), NpyArray.of(set.times()[c]));
			}
		}
	}

	/** The data kept in a file; the caller turns runtime exceptions (mistyped entries) into a file error. */
	static DataSpec read(final Npz.Contents c, final JsonObject data) {
		final Dataset[] sets = new Dataset[SETS.length];
		for (int s = 0; s < SETS.length; s++)
			if (data.has(SETS[s])) sets[s] = dataset(c, SETS[s], data.getAsJsonObject(SETS[s]));
		if (sets[0] == null) throw new FileFormatException(c.file(), "its data entry has no targets");
		final DataOptions options = new DataOptions(data.get("data_targets").getAsString(), data.get("data_inputs").getAsString(),
			data.get("data_factors").getAsString(), data.get("sample_interval").getAsDouble(), data.get("normalize").getAsString(),
			// files written before trial_layout existed were trained on separate trials
			data.has("trial_layout") ? data.get("trial_layout").getAsString() : "separate",
			// and files written before go_cue existed with a go pulse
			data.has("go_cue") ? data.get("go_cue").getAsString() : DataOptions.PULSE).validate();
		return new DataSpec(sets[0], sets[1], sets[2], options);
	}

	private static Dataset dataset(final Npz.Contents c, final String set, final JsonObject o) {
		final String[] conditions = strings(o.getAsJsonArray("conditions")), channels = strings(o.getAsJsonArray("channels"));
		if (conditions.length == 0 || channels.length == 0) throw new FileFormatException(c.file(), "its " + set +
			" data have no conditions or no channels");
		final double[][][] values = new double[conditions.length][][];
		final double[][] times = new double[conditions.length][];
		for (int k = 0; k < conditions.length; k++) {
			final NpyArray t = c.array(name(set, "times", k));
			if (t.doubles() == null || t.shape().length != 1 || t.shape()[0] < 2) throw new FileFormatException(c.file(),
				"array '" + name(set, "times", k) + "' must be a float64 vector of at least two sample times");
			times[k] = t.doubles();
			values[k] = c.array(name(set, "values", k), channels.length, times[k].length).rows();
		}
		return new Dataset(o.get("source").getAsString(), conditions, channels, values, times);
	}

	private static Dataset[] sets(final DataSpec d) {
		return new Dataset[] { d.targets(), d.inputs(), d.factors() };
	}

	private static String name(final String set, final String what, final int condition) {
		return "data_" + set + "_" + what + "_" + condition;
	}

	private static JsonArray strings(final String[] v) {
		final JsonArray a = new JsonArray();
		for (final String s : v) a.add(s);
		return a;
	}

	private static String[] strings(final JsonArray a) {
		final String[] v = new String[a.size()];
		for (int i = 0; i < v.length; i++) v[i] = a.get(i).getAsString();
		return v;
	}
}
