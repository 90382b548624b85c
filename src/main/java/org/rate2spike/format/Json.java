package org.rate2spike.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** JSON text for parameters and summaries (Gson, which Fiji ships). Doubles are written exactly (round-trip). */
public final class Json {

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
		.disableHtmlEscaping().create();

	private Json() {}

	public static String write(final Object value) {
		return GSON.toJson(value);
	}

	public static void write(final Path file, final Object value) throws IOException {
		writeAtomically(file, write(value) + "\n");
	}

	public static JsonObject parse(final Path file, final String text) {
		try {
			final JsonElement e = JsonParser.parseString(text);
			if (!e.isJsonObject()) throw new FileFormatException(file, "its JSON entry is not an object");
			return e.getAsJsonObject();
		}
		catch (final JsonParseException e) {
			throw new FileFormatException(file, "has malformed JSON: " + e.getMessage());
		}
	}

	/** The entries of a JSON object as name → text, for {@code TrainingConfig.fromMap}. */
	public static Map<String, String> strings(final JsonObject o) {
		final Map<String, String> m = new LinkedHashMap<>();
		for (final Map.Entry<String, JsonElement> e : o.entrySet())
			if (e.getValue().isJsonPrimitive()) m.put(e.getKey(), e.getValue().getAsString());
		return m;
	}

	public static void writeAtomically(final Path file, final String text) throws IOException {
		AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
	}
}
