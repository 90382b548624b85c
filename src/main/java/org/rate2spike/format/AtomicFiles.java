package org.rate2spike.format;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Single files written whole or not at all: into a hidden temporary file beside the target
 * ({@code .<name>.<pid>-<n>.part}), flushed to disk, then renamed over the target. The temporary file is created
 * like any other file (with the permissions the umask allows, not the 0600 of {@code Files.createTempFile}). An I/O
 * error (disk full, quota, a read-only folder) names the file and leaves the previous version of it untouched.
 */
public final class AtomicFiles {

	/** What writes the content. */
	public interface Body {
		void write(OutputStream out) throws IOException;
	}

	/** The ending of temporary files; {@link #cleanTemporaryFiles} removes the ones dead writers left. */
	public static final String PART = ".part";

	/**
	 * The name of a run's staging folder begins with this ({@code app.RunTransaction}); a failed write into one is
	 * reported under the name the file was to have in the run folder, since the staging folder is removed.
	 */
	public static final String STAGING_PREFIX = ".rate2spike-run-";

	private static final AtomicLong COUNTER = new AtomicLong();

	private AtomicFiles() {}

	public static void write(final Path file, final Body body) throws IOException {
		final Path abs = file.toAbsolutePath();
		final Path dir = abs.getParent();
		try {
			if (dir != null) Files.createDirectories(dir);
		}
		catch (final IOException e) {
			throw failure("could not create the folder " + dir, e);
		}
		final Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + ProcessHandle.current().pid() + "-" +
			COUNTER.incrementAndGet() + PART);
		try {
			try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
				final OutputStream os = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
				body.write(new NonClosing(os));
				os.flush();
				ch.force(true);
			}
			Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (final IOException e) {
			throw failure("could not write " + shown(file), e);
		}
		finally {
			try {
				Files.deleteIfExists(tmp);
			}
			catch (final IOException ignored) {
				// the next run in this folder removes it
			}
		}
	}

	/** {@code file}, or for a file in a staging folder the file of that name in the run folder. */
	static Path shown(final Path file) {
		final Path parent = file.getParent();
		if (parent == null || parent.getFileName() == null || parent.getParent() == null ||
			!parent.getFileName().toString().startsWith(STAGING_PREFIX)) return file;
		return parent.getParent().resolve(file.getFileName());
	}

	public static void write(final Path file, final byte[] bytes) throws IOException {
		write(file, out -> out.write(bytes));
	}

	/** An I/O failure as one line naming the file and the cause ("No space left on device", "Disk quota exceeded"). */
	public static IOException failure(final String what, final IOException e) {
		String why = e.getMessage();
		if (e instanceof FileSystemException f) why = f.getReason() != null ? f.getReason() : f.getFile();
		if (why == null || why.isBlank()) why = e.getClass().getSimpleName();
		return new IOException(what + ": " + why + "; files written earlier are unchanged", e);
	}

	/** Removes the temporary files ({@code .*.part}) that writers killed before their rename left in {@code dir}. */
	public static int cleanTemporaryFiles(final Path dir) throws IOException {
		if (!Files.isDirectory(dir)) return 0;
		int n = 0;
		try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, ".*" + PART)) {
			for (final Path p : s) if (Files.isRegularFile(p) && Files.deleteIfExists(p)) n++;
		}
		return n;
	}

	/** As above, only the temporary files of {@code name} ({@code .<name>.*.part}). */
	public static int cleanTemporaryFiles(final Path dir, final String name) throws IOException {
		if (dir == null || !Files.isDirectory(dir)) return 0;
		int n = 0;
		try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
			for (final Path p : s) {
				final String f = p.getFileName().toString();
				if (f.startsWith("." + name + ".") && f.endsWith(PART) && Files.isRegularFile(p) && Files.deleteIfExists(p)) n++;
			}
		}
		return n;
	}

	/** Body writers may close the stream they are given; the file is still flushed and renamed afterwards. */
	private static final class NonClosing extends java.io.FilterOutputStream {
		NonClosing(final OutputStream out) {
			super(out);
		}

		@Override
		public void write(final byte[] b, final int off, final int len) throws IOException {
			out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}
	}
}
