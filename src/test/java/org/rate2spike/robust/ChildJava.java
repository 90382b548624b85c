package org.rate2spike.robust;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The command line as a real child process ({@code java -cp <the tests' class path> org.rate2spike.cli.Main ...}),
 * for what only a process shows: signals, kill -9, two processes racing for one folder, a file-size limit, a locale
 * fixed at the JVM's start. Its output goes to files, so a child killed at any moment leaves what it printed.
 */
final class ChildJava {

	/** A started child; {@link #finish} waits for it. */
	record Child(Process process, Path out, Path err) {

		long pid() {
			return process.pid();
		}

		/** Waits (at most {@code seconds}) and returns what it did; a child still running then is killed and fails. */
		Ran finish(final int seconds) throws IOException, InterruptedException {
			if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
				throw new AssertionError("the child did not finish within " + seconds + " s: " + read(err));
			}
			return new Ran(process.exitValue(), read(out), read(err));
		}

		/** What it has printed on standard error so far. */
		String errSoFar() throws IOException {
			return read(err);
		}

		/** Sends a signal by its name (INT, TERM, KILL) with kill(1). */
		void signal(final String name) throws IOException, InterruptedException {
			final int rc = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).inheritIO().start().waitFor();
			if (rc != 0 && process.isAlive()) throw new AssertionError("kill -" + name + " " + pid() + " failed");
		}
	}

	/** What one child did: exit status and output. */
	record Ran(int status, String out, String err) {

		boolean hasStackTrace() {
			return err.contains("\tat ") || err.contains("Exception:") || err.contains("Exception in thread") || out.contains("\tat ");
		}
	}

	private ChildJava() {}

	/** The tests' class path: the compiled classes and every dependency (Surefire sets it for its forked JVM). */
	static String classPath() {
		final String cp = System.getProperty("surefire.test.class.path");
		return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
	}

	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** The java command line of {@code Main args}, with small heap and one JIT thread so that many fit at once. */
	static List<String> command(final List<String> jvm, final String... args) {
		final List<String> c = new ArrayList<>(List.of(java(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
			"-Xshare:auto", "-Djava.awt.headless=true", "-cp", classPath()));
		c.addAll(jvm);
		c.add("org.rate2spike.cli.Main");
		c.addAll(List.of(args));
		return c;
	}

	/** Starts {@code Main args} in {@code dir}, with {@code env} added to (null value: removed from) the environment. */
	static Child start(final Path dir, final Map<String, String> env, final String... args) throws IOException {
		return start(dir, env, command(List.of(), args));
	}

	/** Starts an arbitrary command (e.g. {@code bash -c "ulimit -f …; exec java …"}). */
	static Child start(final Path dir, final Map<String, String> env, final List<String> command) throws IOException {
		Files.createDirectories(dir);
		final Path out = Files.createTempFile(dir, "child-", ".out"), err = Files.createTempFile(dir, "child-", ".err");
		final ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
			.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		env.forEach((k, v) -> {
			if (v == null) pb.environment().remove(k);
			else pb.environment().put(k, v);
		});
		return new Child(pb.start(), out, err);
	}

	/** A bash command line of a java child, quoted for {@code bash -c}. */
	static String shell(final List<String> command) {
		final StringBuilder b = new StringBuilder();
		for (final String a : command) b.append(b.length() > 0 ? " " : "").append("'").append(a.replace("'", "'\\''")).append("'");
		return b.toString();
	}

	static String read(final Path f) throws IOException {
		return Files.readString(f, StandardCharsets.UTF_8);
	}

	/** Whether {@code command} runs and exits 0 here (for optional cases: a tmpfs, signals). */
	static boolean works(final String... command) {
		try {
			final Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			if (!p.waitFor(20, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				return false;
			}
			return p.exitValue() == 0;
		}
		catch (final IOException | InterruptedException e) {
			return false;
		}
	}
}
