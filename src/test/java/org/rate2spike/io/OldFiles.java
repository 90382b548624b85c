package org.rate2spike.io;

import org.rate2spike.format.Npz;
import org.rate2spike.format.NpyArray;
import org.rate2spike.format.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonObject;

/** Files as Rate2Spike wrote them before targets and network files kept the data task's data. */
public final class OldFiles {

	private OldFiles() {}

	/** Rewrites a targets, network or checkpoint file without its {@code data} entry and {@code data_*} arrays. */
	public static void dropData(final Path file) throws IOException {
		final Npz.Contents c = Npz.read(file);
		final JsonObject meta = Json.parse(file, c.text("meta.json"));
		if (meta.remove("data") == null) throw new IllegalStateException(file + " keeps no data");
		final Map<String, NpyArray> arrays = new LinkedHashMap<>(c.arrays());
		if (!arrays.keySet().removeIf(name -> name.startsWith("data_"))) throw new IllegalStateException(file + " has no data arrays");
		final Map<String, String> texts = new LinkedHashMap<>(c.texts());
		texts.put("meta.json", Json.write(meta));
		Npz.write(file, arrays, texts);
	}

	/** Rewrites a network file as written before E/I populations and sparse synapses: without their parameters. */
	public static void dropPopulationParameters(final Path file) throws IOException {
		final Npz.Contents c = Npz.read(file);
		final JsonObject meta = Json.parse(file, c.text("meta.json"));
		final JsonObject spiking = meta.getAsJsonObject("spiking");
		for (final String key : new String[] { "excitatory_fraction", "connection_p", "sign_constrained" })
			if (spiking.remove(key) == null) throw new IllegalStateException(file + " has no " + key);
		final Map<String, String> texts = new LinkedHashMap<>(c.texts());
		texts.put("meta.json", Json.write(meta));
		Npz.write(file, c.arrays(), texts);
	}
}
