package org.rate2spike.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.rate2spike.format.AtomicFiles;
import org.rate2spike.format.FileLocks;
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
	 * allowed (so nothing is computed only to be refused); then creates the folder. Takes no lock: for folders that
	 * are not run folders (see {@link #open} and {@link #lock}).
	 */
	public Path prepare(final String... results) throws IOException {
		if (dir == null) return null;
		if (Files.exists(dir) && !Files.isDirectory(dir)) throw new ParameterException(param, dir + " exists and is not a folder");
		refuseToReplace(results);
		try {
			Files.createDirectories(dir);
		}
		catch (final IOException e) {
			throw AtomicFiles.failure("could not create the folder " + dir, e);
		}
		return dir;
	}

	private void refuseToReplace(final String... results) {
		if (overwrite) return;
		final List<String> there = new ArrayList<>();
		for (final String f : new java.util.LinkedHashSet<>(List.of(results))) if (Files.exists(dir.resolve(f))) there.add(f);
		if (!there.isEmpty()) throw new ParameterException(param, dir + " already holds " + String.join(", ", there) +
			" from an earlier run; choose another folder or " + overwriteHint + (overwriteHint.endsWith("replace")
				? there.size() == 1 ? " it" : " them" : ""));
	}

	/**
	 * Takes the folder for one writer: creates it, locks it (a second writer, in this or another process, stops with a
	 * message naming the holder instead of mixing its files in), removes what dead runs left (temporary files, and
	 * staging folders: unfinished ones are dropped, finished ones moved into place), then refuses as
	 * {@link #prepare} does. Null for {@link #NONE}.
	 */
	public FileLocks.Held lock(final String... results) throws IOException {
		if (dir == null) return null;
		if (Files.exists(dir) && !Files.isDirectory(dir)) throw new ParameterException(param, dir + " exists and is not a folder");
		try {
			Files.createDirectories(dir);
		}
		catch (final IOException e) {
			throw AtomicFiles.failure("could not create the folder " + dir, e);
		}
		final Path lockFile = dir.resolve(LOCK);
		final FileLocks.Held held = FileLocks.tryLock(lockFile);
		if (held == null) {
			final String who = FileLocks.holder(lockFile);
			throw new ParameterException(param, dir + " is being written by another run" + (who.isEmpty() ? "" : " (" + who + ")") +
				"; wait until it has finished or choose another folder");
		}
		try {
			RunTransaction.recover(dir);
			refuseToReplace(results);
			return held;
		}
		catch (final IOException | RuntimeException e) {
			held.close();
			throw e;
		}
	}

	/**
	 * Opens the folder for one run that writes {@code results} (refused without overwrite as {@link #prepare} says) and
	 * owns the files named by {@code owned} (file names, {@code *} matching any part): the run writes into a staging
	 * folder, and {@link RunTransaction#commit} replaces every owned file of the earlier run with the new ones, so the
	 * folder never holds files of two runs. Other files in the folder are left alone.
	 */
	public RunTransaction open(final List<String> owned, final String... results) throws IOException {
		if (dir == null) return RunTransaction.NONE;
		final FileLocks.Held held = lock(results);
		try {
			final List<String> all = new ArrayList<>(owned);
			all.addAll(List.of(results));
			return RunTransaction.begin(dir, held, all);
		}
		catch (final IOException | RuntimeException e) {
			held.close();
			throw e;
		}
	}

	/** The lock file in every folder a run writes. */
	public static final String LOCK = ".rate2spike.lock";
}
