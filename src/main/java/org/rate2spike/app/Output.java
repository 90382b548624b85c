package org.rate2spike.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.rate2spike.util.ParameterException;

/**
 * The folder a use case writes its results to, and whether it may replace results already there. Each door names the
 * folder and the overwrite switch its own way ({@code --out}/{@code --overwrite} on the command line,
 * {@code output_folder}/<em>Overwrite existing files</em> in Fiji), so refusals speak the user's language.
 *
 * @param dir the folder, or null for a Fiji run that shows its results without writing them
 * @param param the name of the folder's parameter in the door
 * @param overwriteHint what the user does to allow replacing files
 */
public record Output(Path dir, boolean overwrite, String param, String overwriteHint) {

	/** The command line's {@code --out DIR [--overwrite]}. */
	public static Output cli(final Path dir, final boolean overwrite) {
		return new Output(dir, overwrite, "out", "add --overwrite");
	}

	/** A Fiji command's output folder (null: none) and its overwrite checkbox. */
	public static Output fiji(final Path dir, final boolean overwrite) {
		return new Output(dir, overwrite, "output_folder", "tick 'Overwrite existing files' (overwrite=true) to replace");
	}

	/** No folder: nothing is written. */
	public static final Output NONE = new Output(null, false, "output_folder", "");

	public boolean writes() {
		return dir != null;
	}

	/**
	 * Before any work: refuses when the folder is a file, or holds any of {@code results} and overwriting is not
	 * allowed (so nothing is computed only to be refused); then creates the folder.
	 */
	public Path prepare(final String... results) throws IOException {
		if (dir == null) return null;
		if (Files.exists(dir) && !Files.isDirectory(dir)) throw new ParameterException(param, dir + " exists and is not a folder");
		if (!overwrite) {
			final List<String> there = new ArrayList<>();
			for (final String f : new java.util.LinkedHashSet<>(List.of(results))) if (Files.exists(dir.resolve(f))) there.add(f);
			if (!there.isEmpty()) throw new ParameterException(param, dir + " already holds " + String.join(", ", there) +
				" from an earlier run; choose another folder or " + overwriteHint + (overwriteHint.endsWith("replace")
					? there.size() == 1 ? " it" : " them" : ""));
		}
		Files.createDirectories(dir);
		return dir;
	}
}
