package org.rate2spike.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rate2spike.format.FileFormatException;
import org.rate2spike.format.Json;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.util.ParameterException;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A sweep written down for other processes (job array tasks): {@code spec.json} holds the grid, and each finished
 * job leaves {@code points/<index>.json} with its row. Collecting merges those rows into the same table the local
 * executor writes.
 */
public final class SweepFiles {

	public static final String SPEC = "spec.json", POINTS = "points";

	private SweepFiles() {}

	public static void writeSpec(final Path dir, final SweepSpec spec) throws IOException {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("format", "rate2spike-sweep");
		m.put("version", 1);
		final Map<String, String> base = new LinkedHashMap<>();
		spec.base().toMap().forEach((k, v) -> base.put(k, String.valueOf(v)));
		m.put("base", base);
		m.put("axes", spec.axes());
		m.put("seeds", spec.seeds());
		m.put("tolerance", spec.tolerance());
		m.put("baseline", spec.baseline());
		m.put("code_version", codeVersion());
		Json.write(dir.resolve(SPEC), m);
	}

	/** The version of the code, as the jar's manifest says ("development build" outside a jar). */
	public static String codeVersion() {
		final String v = SweepFiles.class.getPackage().getImplementationVersion();
		return v == null ? "development build" : v;
	}

	/**
	 * Before a sweep runs in {@code dir}: when the folder holds a sweep already (its {@code spec.json}), refuses unless
	 * that sweep has the same axes, the same value of every other parameter and the same code version, so that no
	 * point of another sweep is taken for a point of this one. Then records this sweep's {@code spec.json}.
	 */
	public static void checkAndRecord(final Path dir, final SweepSpec spec) throws IOException {
		final Path file = dir.resolve(SPEC);
		if (Files.isRegularFile(file)) {
			final JsonObject o = Json.parse(file, Files.readString(file));
			final String there = " the sweep already in " + dir;
			final String fix = "; give the same value to resume it, or choose another folder for a new sweep";
			final List<String> axes = new ArrayList<>();
			if (o.has("axes")) o.getAsJsonObject("axes").keySet().forEach(axes::add);
			if (!new java.util.HashSet<>(axes).equals(spec.axes().keySet())) throw new ParameterException("out",
				"the sweep already in " + dir + " varies " + axes + " but this one varies " + spec.axes().keySet() +
				"; choose another folder for a new sweep");
			final Map<String, String> old = o.has("base") ? Json.strings(o.getAsJsonObject("base")) : Map.of();
			final Map<String, String> now = new LinkedHashMap<>();
			spec.base().toMap().forEach((k, v) -> now.put(k, String.valueOf(v)));
			for (final Map.Entry<String, String> e : now.entrySet()) {
				if (spec.axes().containsKey(e.getKey()) || !old.containsKey(e.getKey())) continue;
				if (!same(old.get(e.getKey()), e.getValue())) throw new ParameterException(e.getKey(), "is " + e.getValue() +
					" but" + there + " was run with " + e.getKey() + " = " + old.get(e.getKey()) + fix);
			}
			for (final String k : old.keySet()) if (!now.containsKey(k) && !spec.axes().containsKey(k))
				throw new ParameterException(k, "is not set but" + there + " was run with " + k + " = " + old.get(k) + fix);
			final String version = o.has("code_version") ? o.get("code_version").getAsString() : null;
			if (version != null && !version.equals(codeVersion())) throw new ParameterException("out", "the sweep already in " +
				dir + " was run by Rate2Spike " + version + ", this is " + codeVersion() +
				"; its points may differ from this version's: choose another folder for a new sweep");
		}
		writeSpec(dir, spec);
	}

	/** Equal as text or as numbers (1e-3 and 0.001). */
	private static boolean same(final String a, final String b) {
		if (a.equals(b)) return true;
		try {
			return Double.parseDouble(a) == Double.parseDouble(b);
		}
		catch (final NumberFormatException e) {
			return false;
		}
	}

	public static SweepSpec readSpec(final Path dir) throws IOException {
		final Path file = dir.resolve(SPEC);
		if (!Files.isRegularFile(file)) throw new FileFormatException(file, "does not exist: " + dir +
			" is not a sweep folder written by 'sweep --executor slurm'");
		final JsonObject o = Json.parse(file, Files.readString(file));
		try {
			final TrainingConfig base = TrainingConfig.fromMap(Json.strings(o.getAsJsonObject("base")));
			final Map<String, List<String>> axes = new LinkedHashMap<>();
			for (final Map.Entry<String, JsonElement> e : o.getAsJsonObject("axes").entrySet()) {
				final List<String> values = new ArrayList<>();
				for (final JsonElement v : e.getValue().getAsJsonArray()) values.add(v.getAsString());
				axes.put(e.getKey(), values);
			}
			final List<Long> seeds = new ArrayList<>();
			for (final JsonElement s : o.getAsJsonArray("seeds")) seeds.add(s.getAsLong());
			return new SweepSpec(base, axes, seeds, o.get("tolerance").getAsDouble(), o.get("baseline").getAsBoolean()).validate();
		}
		catch (final RuntimeException e) {
			if (e instanceof FileFormatException) throw e;
			throw new FileFormatException(file, "is not a readable sweep description (" + e.getMessage() + ")");
		}
	}

	public static Path rowFile(final Path dir, final int index) {
		return dir.resolve(POINTS).resolve(index + ".json");
	}

	public static void writeRow(final Path dir, final int index, final SweepTable.Row r) throws IOException {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("kind", r.kind());
		m.put("key", r.key());
		m.put("values", r.values());
		m.put("seed", r.seed());
		m.put("median_test_nmse", r.medianNmse());
		m.put("mean_test_nmse", r.meanNmse());
		m.put("mean_rate_hz", r.rateHz());
		m.put("pcs", r.pcs());
		m.put("wall_s", r.wallSeconds());
		m.put("message", r.message());
		Files.createDirectories(dir.resolve(POINTS));
		Json.write(rowFile(dir, index), m);
	}

	/** The row a job left, or null. */
	public static SweepTable.Row readRow(final Path dir, final int index) throws IOException {
		final Path f = rowFile(dir, index);
		if (!Files.isRegularFile(f)) return null;
		final JsonObject o = Json.parse(f, Files.readString(f));
		final Map<String, String> values = Json.strings(o.getAsJsonObject("values"));
		return new SweepTable.Row(o.get("kind").getAsString(), o.get("key").getAsString(), values, o.get("seed").getAsLong(),
			o.get("median_test_nmse").getAsDouble(), o.get("mean_test_nmse").getAsDouble(), o.get("mean_rate_hz").getAsDouble(),
			o.get("pcs").getAsInt(), o.get("wall_s").getAsDouble(), o.get("message").getAsString());
	}
}
