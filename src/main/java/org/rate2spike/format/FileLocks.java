package org.rate2spike.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Operating-system locks (fcntl/LockFileEx through {@link FileChannel#lock}) on a small lock file, so that two
 * processes — or two threads of one — never write the same folder or file at once. The lock goes with the process:
 * a killed run leaves no stale lock behind. The lock file itself stays (removing it would race with the next
 * writer); it holds the process id and start time of its last holder, for the message a second writer gets.
 */
public final class FileLocks {

	/** A held lock; closing releases it. */
	public static final class Held implements AutoCloseable {
		private final FileChannel channel;
		private final FileLock lock;

		private Held(final FileChannel channel, final FileLock lock) {
			this.channel = channel;
			this.lock = lock;
		}

		@Override
		public void close() throws IOException {
			try {
				if (lock.isValid()) lock.release();
			}
			finally {
				channel.close();
			}
		}
	}

	private FileLocks() {}

	/** The lock, or null when another process or thread holds it. */
	public static Held tryLock(final Path lockFile) throws IOException {
		return lock(lockFile, false);
	}

	/** The lock, waiting for another holder to release it. */
	public static Held lock(final Path lockFile) throws IOException {
		return lock(lockFile, true);
	}

	private static Held lock(final Path lockFile, final boolean wait) throws IOException {
		final FileChannel ch;
		try {
			if (lockFile.toAbsolutePath().getParent() != null) Files.createDirectories(lockFile.toAbsolutePath().getParent());
			ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
		}
		catch (final IOException e) {
			throw AtomicFiles.failure("could not open the lock file " + lockFile, e);
		}
		FileLock lock = null;
		try {
			if (!wait) lock = ch.tryLock();
			else while (lock == null) {
				try {
					lock = ch.lock();
				}
				catch (final OverlappingFileLockException e) { // another thread of this process: poll
					Thread.sleep(50);
				}
			}
		}
		catch (final OverlappingFileLockException e) {
			lock = null;
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			ch.close();
			throw new java.io.InterruptedIOException("interrupted while waiting for " + lockFile);
		}
		catch (final IOException e) {
			ch.close();
			throw AtomicFiles.failure("could not lock " + lockFile, e);
		}
		if (lock == null) {
			ch.close();
			return null;
		}
		final byte[] who = ("pid " + ProcessHandle.current().pid() + " since " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n")
			.getBytes(StandardCharsets.UTF_8);
		try {
			ch.truncate(0);
			ch.write(ByteBuffer.wrap(who), 0);
		}
		catch (final IOException ignored) {
			// the holder's description is only for messages
		}
		return new Held(ch, lock);
	}

	/** Who holds (or last held) the lock, as its file says ("pid 123 since 2024-…"), or "". */
	public static String holder(final Path lockFile) {
		try {
			return Files.readString(lockFile, StandardCharsets.UTF_8).trim();
		}
		catch (final IOException | RuntimeException e) {
			return "";
		}
	}
}
