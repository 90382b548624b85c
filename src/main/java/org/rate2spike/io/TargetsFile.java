package org.rate2spike.io;

import org.rate2spike.format.Npz;
import org.rate2spike.format.NpyArray;
import org.rate2spike.format.Json;
import org.rate2spike.format.FileFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.rate.PcaBasis;
import org.rate2spike.rate.RateConnectivity;
import org.rate2spike.rate.RateParams;
import org.rate2spike.rate.RateTargets;
import org.rate2spike.util.ParameterException;

import com.google.gson.JsonObject;

/**
 * Rate targets as a {@code .npz}: {@code meta.json} (format, version, task, seed, rate parameters) and the arrays
 * {@code rate_recurrent} (Ñ×Ñ, [i, j] from unit j to unit i), {@code rate_output_drive} (Ñ×outputs),
 * {@code rate_input_drive} (Ñ×inputs), {@code rate_initial_state} (Ñ), {@code pca_components} (Ñ×ñ, columns
 * are the PCs) and {@code pca_eigenvalues} (Ñ, descending). All float64.
 *
 * <p>For the {@code data} task the file also keeps the data the task is made of, so that the targets (and networks
 * trained on them) need no data files again: {@code data} in meta.json and the arrays {@code data_<set>_values_<c>}
 * and {@code data_<set>_times_<c>}, one pair per condition c of each data set ({@code targets}, and {@code inputs}
 * and {@code factors} when given); see {@link DataEntries}. Files of other tasks, and data-task files written before
 * the data were kept, have no {@code data} entry.
 */
public final class TargetsFile {

	public static final String FORMAT = "rate2spike-targets";
	public static final int VERSION = 1;

	private TargetsFile() {}

	public static void save(final RateTargets t, final Path file) throws IOException {
		final JsonObject meta = header(FORMAT);
		putTargetsMeta(meta, t);
		Npz.write(file, arrays(t), Map.of("meta.json", Json.write(meta)));
	}

	public static RateTargets load(final Path file) throws IOException {
		final Npz.Contents c = Npz.read(file, guard(file));
		final JsonObject meta = checkHeader(c, FORMAT);
		return targets(c, meta);
	}

	/**
	 * Checks each array's declared shape against the sizes meta.json gives before the array is inflated, for every kind
	 * of Rate2Spike file, chosen by meta.json's {@code format}: the targets' arrays (Ñ, ñ) in all of them, a network's
	 * (N, n, its checkpoint and its named readouts, {@code readout_<name>} as channels × features) and a baseline's
	 * (Ñ). -1 in an expected shape is any length. Arrays before meta.json, or of a file whose meta.json cannot be read,
	 * get only the memory check (and the later checks of the loaders, which name what is wrong with meta.json).
	 */
	public static Npz.Guard guard(final Path file) {
		final Map<String, int[]> expected = new java.util.HashMap<>();
		final boolean[] parsed = { false };
		return (name, shape, texts) -> {
			if (!parsed[0] && texts.containsKey("meta.json")) {
				parsed[0] = true;
				try {
					expect(com.google.gson.JsonParser.parseString(texts.get("meta.json")).getAsJsonObject(), expected);
				}
				catch (final RuntimeException e) {
					expected.clear(); // the full checks of load name what is wrong with meta.json
				}
			}
			final int[] want = expected.get(name);
			if (want == null) return;
			boolean ok = want.length == shape.length;
			for (int i = 0; ok && i < want.length; i++) ok = want[i] < 0 || want[i] == shape[i];
			if (want.length == 1 && want[0] < 0 && ok && shape[0] > 64L * 1024 * 1024) ok = false;
			if (!ok) {
				final StringBuilder w = new StringBuilder();
				for (int i = 0; i < want.length; i++) w.append(i > 0 ? " × " : "").append(want[i] < 0 ? "any" : want[i]);
				throw new FileFormatException(file, "array '" + name + "' declares shape " + Npz.shapeText(shape) + " where its " +
					"meta.json says " + w + "; the file is damaged or was not written by Rate2Spike (not read)");
			}
		};
	}

	/** The shapes meta.json promises, by array name (see {@link #guard}). */
	private static void expect(final JsonObject meta, final Map<String, int[]> expected) {
		final String format = meta.has("format") ? meta.get("format").getAsString() : "";
		final int units = TrainingConfig.fromMap(Json.strings(meta.getAsJsonObject("rate"))).rate().units();
		final int pcs = meta.get("pcs").getAsInt();
		expected.put("rate_recurrent", new int[] { units, units });
		expected.put("rate_output_drive", new int[] { units, -1 });
		expected.put("rate_input_drive", new int[] { units, -1 });
		expected.put("rate_initial_state", new int[] { units });
		expected.put("pca_components", new int[] { units, pcs });
		expected.put("pca_eigenvalues", new int[] { units });
		if (format.equals(BaselineFile.FORMAT)) {
			expected.put("baseline_recurrent", new int[] { units, units });
			expected.put("baseline_readout", new int[] { -1, units });
			expected.put("training_nmse", new int[] { -1 });
		}
		if (!format.equals(NetworkFile.FORMAT)) return;
		final var sp = TrainingConfig.fromMap(Json.strings(meta.getAsJsonObject("spiking"))).spiking();
		final int n = sp.neurons(), traces = 2 * sp.trained();
		expected.put("feedback_projection", new int[] { n, pcs });
		expected.put("input_projection", new int[] { n, -1 });
		expected.put("trained_neurons", new int[] { sp.trained() });
		expected.put("slow_random", new int[] { n, n });
		expected.put("fast_random", new int[] { n, n });
		expected.put("initial_voltage", new int[] { n });
		expected.put("mean_input", new int[] { n });
		expected.put("feedback_weights", new int[] { pcs, traces });
		expected.put("readout_weights", new int[] { -1, traces });
		expected.put("training_nmse", new int[] { -1 });
		expected.put("training_factor_nmse", new int[] { -1 });
		expected.put("checkpoint_p", new int[] { traces, traces });
		expected.put("checkpoint_pending", new int[] { -1, traces });
		for (int i = 0; i < 6; i++) expected.put("checkpoint_state_" + i, new int[] { -1 });
		if (meta.has("readouts")) for (final var e : meta.getAsJsonObject("readouts").entrySet()) {
			final JsonObject r = e.getValue().getAsJsonObject();
			expected.put("readout_" + e.getKey(), new int[] { r.has("channels") ? r.get("channels").getAsInt() : -1,
				r.has("features") ? r.get("features").getAsInt() : -1 });
		}
	}

	static JsonObject header(final String format) {
		final JsonObject meta = new JsonObject();
		meta.addProperty("format", format);
		meta.addProperty("version", VERSION);
		meta.addProperty("created_by", "Rate2Spike");
		return meta;
	}

	static JsonObject checkHeader(final Npz.Contents c, final String format) {
		if (!c.texts().containsKey("meta.json")) throw new FileFormatException(c.file(),
			"has no meta.json entry: it is not a Rate2Spike file (a .npz from elsewhere?)");
		final JsonObject meta = Json.parse(c.file(), c.text("meta.json"));
		final String found = meta.has("format") ? meta.get("format").getAsString() : "(none)";
		if (!format.equals(found)) throw new FileFormatException(c.file(), "is a '" + found + "' file where a '" + format +
			"' file was expected" + (found.equals(NetworkFile.FORMAT) ? "; pass it as the network" : found.equals(FORMAT) ? "; pass it as the targets" : ""));
		final int version = meta.has("version") ? meta.get("version").getAsInt() : -1;
		if (version != VERSION) throw new FileFormatException(c.file(), "has format version " + version +
			"; this Rate2Spike reads version " + VERSION);
		return meta;
	}

	static void putTargetsMeta(final JsonObject meta, final RateTargets t) {
		meta.addProperty("task", t.task());
		meta.addProperty("rate_seed", t.seed());
		meta.add("rate", new com.google.gson.Gson().toJsonTree(TrainingConfig.rateMap(t.params())));
		meta.addProperty("pcs", t.factors());
		meta.addProperty("variance_explained", t.basis().explained(t.factors()));
		meta.addProperty("settle_trials", t.settleTrials());
		meta.addProperty("pca_trials", t.pcaTrials());
		if (t.data() != null) meta.add(DataEntries.KEY, DataEntries.meta(t.data()));
	}

	static Map<String, NpyArray> arrays(final RateTargets t) {
		final int units = t.units();
		final Map<String, NpyArray> a = new LinkedHashMap<>();
		a.put("rate_recurrent", NpyArray.ofRows(t.connectivity().recurrent(), units));
		a.put("rate_output_drive", NpyArray.ofColumns(t.connectivity().outputDrive(), units));
		a.put("rate_input_drive", NpyArray.ofColumns(t.connectivity().inputDrive(), units));
		a.put("rate_initial_state", NpyArray.of(t.initialState()));
		a.put("pca_components", NpyArray.ofColumns(t.basis().components(), units));
		a.put("pca_eigenvalues", NpyArray.of(t.basis().eigenvalues()));
		if (t.data() != null) DataEntries.arrays(t.data(), a);
		return a;
	}

	static RateTargets targets(final Npz.Contents c, final JsonObject meta) {
		try {
			final RateParams params = TrainingConfig.fromMap(Json.strings(meta.getAsJsonObject("rate"))).rate().validate();
			final int units = params.units();
			final int pcs = meta.get("pcs").getAsInt();
			final NpyArray out = c.array("rate_output_drive"), in = c.array("rate_input_drive");
			final int outputs = out.shape().length == 2 ? out.shape()[1] : -1, inputs = in.shape().length == 2 ? in.shape()[1] : -1;
			final RateConnectivity conn = new RateConnectivity(c.array("rate_recurrent", units, units).rows(),
				c.array("rate_output_drive", units, outputs).columns(), c.array("rate_input_drive", units, inputs).columns());
			final PcaBasis basis = new PcaBasis(c.array("pca_components", units, pcs).columns(),
				c.array("pca_eigenvalues", units).doubles());
			return new RateTargets(meta.get("task").getAsString(), meta.get("rate_seed").getAsLong(), params, conn,
				c.array("rate_initial_state", units).doubles(), basis, meta.get("settle_trials").getAsInt(),
				meta.get("pca_trials").getAsInt(),
				meta.has(DataEntries.KEY) ? DataEntries.read(c, meta.getAsJsonObject(DataEntries.KEY)) : null);
		}
		catch (final FileFormatException e) {
			throw e;
		}
		catch (final ParameterException e) {
			throw new FileFormatException(c.file(), "holds an invalid parameter: " + e.getMessage());
		}
		catch (final RuntimeException e) { // missing or mistyped meta.json fields, integer arrays where floats belong
			throw new FileFormatException(c.file(), "has incomplete or mistyped metadata or arrays (" + e + ")");
		}
	}
}
