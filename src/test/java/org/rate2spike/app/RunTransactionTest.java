package org.rate2spike.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.format.AtomicFiles;
import org.rate2spike.format.FileLocks;
import org.rate2spike.format.Json;
import org.rate2spike.util.ParameterException;

/** A run folder is one transaction: locked, staged, moved into place together; dead runs' leftovers cleaned. */
class RunTransactionTest {

	private static final List<String> OWNED = List.of("summary.json", "network.npz", "condition_*.png");

	private static void write(final Path f, final String text) throws IOException {
		Files.writeString(f, text, StandardCharsets.UTF_8);
	}

	private static String read(final Path f) throws IOException {
		return Files.readString(f, StandardCharsets.UTF_8);
	}

	private static List<String> names(final Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	@Test
	void commitReplacesEveryOwnedFileOfTheEarlierRunAndKeepsTheOthers(@TempDir final Path tmp) throws IOException {
		final Path dir = tmp.resolve("run");
		Files.createDirectories(dir);
		write(dir.resolve("summary.json"), "old");
		write(dir.resolve("network.npz"), "old");
		write(dir.resolve("condition_a.png"), "old"); // the new run has other conditions
		write(dir.resolve("notes.txt"), "mine");
		try (RunTransaction tx = Output.cli(dir, true).open(OWNED, "summary.json", "network.npz")) {
			write(tx.staging().resolve("summary.json"), "new");
			write(tx.staging().resolve("network.npz"), "new");
			write(tx.staging().resolve("condition_b.png"), "new");
			assertEquals("old", read(dir.resolve("summary.json")), "nothing changes before the commit");
			tx.commit();
		}
		assertEquals(List.of(Output.LOCK, "condition_b.png", "network.npz", "notes.txt", "summary.json"), names(dir));
		assertEquals("new", read(dir.resolve("summary.json")));
		assertEquals("new", read(dir.resolve("network.npz")));
		assertEquals("mine", read(dir.resolve("notes.txt")));
	}

	@Test
	void aRunThatFailsLeavesThePreviousRunIntact(@TempDir final Path tmp) throws IOException {
		final Path dir = tmp.resolve("run");
		Files.createDirectories(dir);
		write(dir.resolve("summary.json"), "old");
		assertThrows(IllegalStateException.class, () -> {
			try (RunTransaction tx = Output.cli(dir, true).open(OWNED, "summary.json")) {
				write(tx.staging().resolve("network.npz"), "new");
				throw new IllegalStateException("the run failed");
			}
		});
		assertEquals(List.of(Output.LOCK, "summary.json"), names(dir));
		assertEquals("old", read(dir.resolve("summary.json")));
	}

	@Test
	void aSecondWriterToTheSameFolderStopsWithAMessage(@TempDir final Path tmp) throws IOException {
		final Path dir = tmp.resolve("run");
		try (RunTransaction first = Output.cli(dir, false).open(OWNED, "summary.json")) {
			final ParameterException e = assertThrows(ParameterException.class,
				() -> Output.cli(dir, false).open(OWNED, "summary.json"));
			assertTrue(e.getMessage().startsWith("out: " + dir + " is being written by another run (pid " +
				ProcessHandle.current().pid() + " since ") && e.getMessage().endsWith("; wait until it has finished or choose another folder"),
				e.getMessage());
		}
		try (RunTransaction again = Output.cli(dir, false).open(OWNED, "summary.json")) {
			assertTrue(Files.isDirectory(again.staging()), "free again once the first has finished");
		}
	}

	@Test
	void aKilledRunIsDroppedBeforeItsListAndFinishedAfter(@TempDir final Path tmp) throws IOException {
		final Path dir = tmp.resolve("run");
		Files.createDirectories(dir);
		write(dir.resolve("summary.json"), "old");
		write(dir.resolve("network.npz"), "old");
		// killed while writing: staged files, no list; and a temporary file of an atomic write
		final Path dead = Files.createDirectory(dir.resolve(RunTransaction.PREFIX + "1-2-3"));
		write(dead.resolve("network.npz"), "dead");
		write(dir.resolve(".network.npz.1-1.part"), "half");
		try (RunTransaction tx = Output.cli(dir, true).open(OWNED, "summary.json")) {
			assertEquals(List.of(tx.staging().getFileName().toString(), Output.LOCK, "network.npz", "summary.json"), names(dir));
		}
		assertEquals("old", read(dir.resolve("network.npz")));
		// killed while moving: its list written, network.npz already moved in, summary.json not yet
		final Path half = Files.createDirectory(dir.resolve(RunTransaction.PREFIX + "4-5-6"));
		write(half.resolve("summary.json"), "new");
		Json.write(half.resolve(RunTransaction.COMMITTED), java.util.Map.of("owned", OWNED, "files", List.of("network.npz", "summary.json")));
		write(dir.resolve("network.npz"), "new");
		write(dir.resolve("condition_x.png"), "old");
		try (RunTransaction tx = Output.cli(dir, true).open(OWNED, "summary.json")) {
			// nothing to do
		}
		assertEquals(List.of(Output.LOCK, "network.npz", "summary.json"), names(dir));
		assertEquals("new", read(dir.resolve("summary.json")));
		assertEquals("new", read(dir.resolve("network.npz")));
	}

	@Test
	void filesGetTheUmasksPermissionsNotOnlyTheOwners(@TempDir final Path tmp) throws IOException {
		if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) return;
		final Path plain = Files.createFile(tmp.resolve("plain")); // what the umask allows
		final Path atomic = tmp.resolve("atomic.json");
		Json.write(atomic, java.util.Map.of("a", 1));
		final Set<PosixFilePermission> expected = Files.getFileAttributeView(plain, PosixFileAttributeView.class).readAttributes().permissions();
		assertEquals(expected, Files.getPosixFilePermissions(atomic));
	}

	@Test
	void aFailedWriteNamesTheFileAndKeepsItsPreviousVersion(@TempDir final Path tmp) throws IOException {
		final Path f = tmp.resolve("summary.json");
		write(f, "old");
		final IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
			out.write("partial".getBytes(StandardCharsets.UTF_8));
			throw new IOException("No space left on device");
		}));
		assertEquals("could not write " + f + ": No space left on device; files written earlier are unchanged", e.getMessage());
		assertEquals("old", read(f));
		assertEquals(List.of("summary.json"), names(tmp), "no temporary file left");
	}

	@Test
	void readoutsStoredAtOnceTakeTurns(@TempDir final Path tmp) throws Exception {
		final Path lock = tmp.resolve(".n.lock");
		try (FileLocks.Held a = FileLocks.lock(lock)) {
			assertEquals(null, FileLocks.tryLock(lock));
			final Thread t = new Thread(() -> {
				try (FileLocks.Held b = FileLocks.lock(lock)) {
					// got it after a released
				}
				catch (final IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			});
			t.start();
			t.join(300);
			assertTrue(t.isAlive(), "the second waits");
			a.close();
			t.join(5000);
			assertFalse(t.isAlive());
		}
	}
}
