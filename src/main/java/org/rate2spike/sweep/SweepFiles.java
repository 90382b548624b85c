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
		Json.write(dir.resolve(SPEC), m);
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
