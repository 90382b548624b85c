package org.rate2spike.io;

import org.rate2spike.format.Npz;
import org.rate2spike.format.NpyArray;
import org.rate2spike.format.AtomicFiles;
import org.rate2spike.format.FileLocks;
import org.rate2spike.format.Json;
import org.rate2spike.format.FileFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.rate2spike.readout.Readout;
import org.rate2spike.util.ParameterException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Named readouts inside a network file: the array {@code readout_<name>} (channels × features, the last column the
 * constant term) and an entry under {@code readouts} in {@code meta.json} with its basis, signals, method, penalty
 * and held-out scores. Adding one rewrites the file atomically and keeps every other entry as it was.
 */
public final class ReadoutFile {

	private ReadoutFile() {}

	public static Map<String, Readout> list(final Path file) throws IOException {
		final Npz.Contents c = Npz.read(file, TargetsFile.guard(file));
		final JsonObject meta = TargetsFile.checkHeader(c, NetworkFile.FORMAT);
		final Map<String, Readout> out = new LinkedHashMap<>();
		if (!meta.has("readouts")) return out;
		try {
			for (final Map.Entry<String, JsonElement> e : meta.getAsJsonObject("readouts").entrySet()) {
				final JsonObject r = e.getValue().getAsJsonObject();
				final NpyArray w = c.array("readout_" + e.getKey());
				out.put(e.getKey(), new Readout(e.getKey(), r.get("traces").getAsString(), r.get("neurons").getAsString(),
					r.get("signals").getAsString(), r.get("method").getAsString(), r.get("penalty").getAsDouble(), w.rows(),
					doubles(r.getAsJsonArray("heldout_nmse")), doubles(r.getAsJsonArray("heldout_r2"))));
			}
		}
		catch (final FileFormatException e) {
			throw e;
		}
		catch (final RuntimeException e) {
			throw new FileFormatException(file, "has a malformed readout entry (" + e + ")");
		}
		return out;
	}

	public static Readout get(final Path file, final String name) throws IOException {
		final Map<String, Readout> all = list(file);
		final Readout r = all.get(name);
		if (r == null) throw new ParameterException("readout", "'" + name + "' is not in " + file + (all.isEmpty()
			? "; it has no named readouts yet (fit one with the readout command)" : "; it has " + all.keySet()));
		return r;
	}

	/** Stores {@code r} in the network file; an existing readout of that name is replaced only if {@code overwrite}. */
	public static void add(final Path file, final Readout r, final boolean overwrite) throws IOException {
		try (FileLocks.Held lock = FileLocks.lock(lockFile(file))) { // another readout stored at the same time waits its turn
			AtomicFiles.cleanTemporaryFiles(file.toAbsolutePath().getParent(), file.getFileName().toString());
			addLocked(file, r, overwrite);
		}
	}

	/** The lock file beside a network file ({@code .network.npz.lock}) that writers of readouts take in turn. */
	public static Path lockFile(final Path file) {
		return file.toAbsolutePath().resolveSibling("." + file.getFileName() + ".lock");
	}

	private static void addLocked(final Path file, final Readout r, final boolean overwrite) throws IOException {
		final Npz.Contents c = Npz.read(file, TargetsFile.guard(file));
		final JsonObject meta = TargetsFile.checkHeader(c, NetworkFile.FORMAT);
		final JsonObject readouts = meta.has("readouts") ? meta.getAsJsonObject("readouts") : new JsonObject();
		if (readouts.has(r.name()) && !overwrite) throw new ParameterException("readout_name", "'" + r.name() +
			"' already exists in " + file + "; choose another name or ask to overwrite it");
		final JsonObject o = new JsonObject();
		o.addProperty("traces", r.traces());
		o.addProperty("neurons", r.neurons());
		o.addProperty("signals", r.signals());
		o.addProperty("method", r.method());
		o.addProperty("penalty", r.penalty());
		o.addProperty("channels", r.channels());
		o.addProperty("features", r.features());
		o.add("heldout_nmse", array(r.heldoutNmse()));
		o.add("heldout_r2", array(r.heldoutR2()));
		readouts.add(r.name(), o);
		meta.add("readouts", readouts);
		final Map<String, NpyArray> arrays = new LinkedHashMap<>(c.arrays());
		arrays.put("readout_" + r.name(), NpyArray.ofRows(r.weights(), r.features()));
		final Map<String, String> texts = new LinkedHashMap<>(c.texts());
		texts.put("meta.json", Json.write(meta));
		Npz.write(file, arrays, texts);
	}

	private static JsonArray array(final double[] v) {
		final JsonArray a = new JsonArray();
		for (final double d : v) a.add(d);
		return a;
	}

	private static double[] doubles(final JsonArray a) {
		final double[] v = new double[a.size()];
		for (int i = 0; i < v.length; i++) v[i] = a.get(i).getAsDouble();
		return v;
	}
}
