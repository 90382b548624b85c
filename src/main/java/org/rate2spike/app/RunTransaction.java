package org.rate2spike.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.rate2spike.format.AtomicFiles;
import org.rate2spike.format.FileLocks;
import org.rate2spike.format.Json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * One run's files, put into its folder all together or not at all. The run writes into a hidden staging folder inside
 * the run folder ({@code .rate2spike-run-<pid>-<n>/}, on the same file system, so moving out of it is a rename).
 * {@link #commit} first writes the staging folder's list of files ({@code .committed}, the point of no return), then
 * removes the earlier run's files ({@code summary.json} first), then moves the new ones in ({@code summary.json} last),
 * then removes the staging folder. So at no moment does the folder hold files of two runs, and a run killed at any
 * moment leaves either the previous run (killed before the list was written: the next run drops the staging folder)
 * or its own files (killed after: the next run finishes the moves). A folder rename would not do: the run folder
 * also holds files other commands wrote (a checkpoint, readout results), which must stay.
 */
public final class RunTransaction implements AutoCloseable {

	static final String PREFIX = AtomicFiles.STAGING_PREFIX, COMMITTED = ".committed";

	/** No folder: nothing is written. */
	static final RunTransaction NONE = new RunTransaction(null, null, null, List.of());

	private static final java.util.concurrent.atomic.AtomicLong COUNTER = new java.util.concurrent.atomic.AtomicLong();

	private final Path dir, staging;
	private final FileLocks.Held lock;
	private final List<String> owned;
	private boolean committed;

	private RunTransaction(final Path dir, final Path staging, final FileLocks.Held lock, final List<String> owned) {
		this.dir = dir;
		this.staging = staging;
		this.lock = lock;
		this.owned = owned;
	}

	static RunTransaction begin(final Path dir, final FileLocks.Held lock, final List<String> owned) throws IOException {
		final Path staging = dir.resolve(PREFIX + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-" + COUNTER.incrementAndGet());
		try {
			Files.createDirectory(staging);
		}
		catch (final IOException e) {
			throw AtomicFiles.failure("could not create the staging folder " + staging, e);
		}
		return new RunTransaction(dir, staging, lock, List.copyOf(owned));
	}

	/** The run folder (null when nothing is written). */
	public Path dir() {
		return dir;
	}

	/** Where the run writes its files until {@link #commit} (null when nothing is written). */
	public Path staging() {
		return staging;
	}

	/** Moves the staged files into the folder in place of the earlier run's (see the class comment). */
	public void commit() throws IOException {
		if (dir == null || committed) return;
		final List<String> files = new ArrayList<>();
		try (Stream<Path> s = Files.list(staging)) {
			s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().forEach(files::add);
		}
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("owned", owned);
		m.put("files", files);
		Json.write(staging.resolve(COMMITTED), m);
		committed = true;
		finish(dir, staging);
	}

	/** Drops uncommitted staged files and releases the folder. */
	@Override
	public void close() throws IOException {
		if (dir == null) return;
		try {
			if (!committed) deleteTree(staging);
		}
		finally {
			lock.close();
		}
	}

	/** Under the folder's lock: what dead runs left — unfinished staging folders dropped, committed ones finished. */
	static void recover(final Path dir) throws IOException {
		final List<Path> staged = new ArrayList<>();
		try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, PREFIX + "*")) {
			for (final Path p : s) if (Files.isDirectory(p)) staged.add(p);
		}
		staged.sort(Comparator.comparing(Path::toString));
		for (final Path p : staged) {
			if (Files.isRegularFile(p.resolve(COMMITTED))) finish(dir, p);
			else deleteTree(p);
		}
		AtomicFiles.cleanTemporaryFiles(dir);
	}

	/** Idempotent: may be repeated after a kill at any point. */
	private static void finish(final Path dir, final Path staging) throws IOException {
		final Path marker = staging.resolve(COMMITTED);
		final JsonObject o = Json.parse(marker, Files.readString(marker, StandardCharsets.UTF_8));
		final List<String> files = strings(o.getAsJsonArray("files"));
		final List<PathMatcher> owned = new ArrayList<>();
		for (final String g : strings(o.getAsJsonArray("owned"))) owned.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
		// 1. the earlier run's files: every owned one not (yet) replaced by a file of this run; summary.json first
		final List<Path> old = new ArrayList<>();
		try (Stream<Path> s = Files.list(dir)) {
			s.filter(Files::isRegularFile).forEach(p -> {
				final String name = p.getFileName().toString();
				if (owned.stream().anyMatch(mt -> mt.matches(p.getFileName())) &&
					(!files.contains(name) || Files.exists(staging.resolve(name)))) old.add(p);
			});
		}
		old.sort(Comparator.comparing((Path p) -> !p.getFileName().toString().equals(RunFolder.SUMMARY)).thenComparing(Path::toString));
		for (final Path p : old) Files.deleteIfExists(p);
		// 2. this run's files; summary.json last
		final List<String> in = new ArrayList<>(files);
		in.sort(Comparator.comparing(RunFolder.SUMMARY::equals));
		for (final String f : in) {
			final Path from = staging.resolve(f);
			if (!Files.exists(from)) continue; // moved before a kill
			try {
				Files.move(from, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (final IOException e) {
				throw AtomicFiles.failure("could not move " + f + " into " + dir, e);
			}
		}
		deleteTree(staging);
	}

	private static List<String> strings(final JsonArray a) {
		final List<String> l = new ArrayList<>();
		if (a != null) for (final JsonElement e : a) l.add(e.getAsString());
		return l;
	}

	private static void deleteTree(final Path p) throws IOException {
		if (!Files.exists(p)) return;
		try (Stream<Path> s = Files.walk(p)) {
			for (final Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
		}
	}
}
