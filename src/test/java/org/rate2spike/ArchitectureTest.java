package org.rate2spike;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Packages only look down: each may use the packages listed before it and none after it, so there are no cycles. Read
 * from the compiled classes with the JDK's jdeps, so that fully qualified names and inner classes count too.
 */
class ArchitectureTest {

	/** Bottom to top. */
	static final List<String> LAYERS = List.of("util", "params", "kernels", "format", "task", "rate", "spiking", "learn",
		"readout", "protocol", "baseline", "io", "pipeline", "sweep", "tune", "render", "app", "fiji", "bench", "cli");

	/** The model and the method: nothing of ImageJ, charts, SciJava or JSON. */
	static final Set<String> MODEL = Set.of("util", "params", "kernels", "task", "rate", "spiking", "learn", "readout",
		"protocol", "baseline");

	private static final Pattern EDGE = Pattern.compile("^\\s+org\\.rate2spike\\.(\\w+)(?:\\.\\w+)*\\s+->\\s+(\\S+)", Pattern.MULTILINE); // a subpackage is its layer

	/**
	 * "   org.rate2spike.a -> org.rate2spike.b" lines: from jdeps over the compiled classes, or, on a Java runtime
	 * without jdeps, from the sources' imports and qualified names.
	 */
	private static String jdeps() throws java.io.IOException {
		final java.util.Optional<ToolProvider> tool = ToolProvider.findFirst("jdeps");
		if (tool.isEmpty()) return fromSources();
		final ToolProvider jdeps = tool.get();
		final StringWriter out = new StringWriter(), err = new StringWriter();
		final int status = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package",
			new File("target/classes").getAbsolutePath());
		assertEquals(0, status, err.toString());
		return out.toString();
	}

	private static String fromSources() throws java.io.IOException {
		final StringBuilder b = new StringBuilder();
		final Pattern ref = Pattern.compile("\\b((?:org\\.rate2spike\\.\\w+)|ij|org\\.jfree|org\\.scijava|com\\.google\\.gson)\\.[\\w.]*[A-Z]");
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/rate2spike"))) {
			for (final Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
				final String pkg = Path.of("src/main/java/org/rate2spike").relativize(f).getName(0).toString(); // a subpackage is its layer
				b.append("   org.rate2spike.").append(pkg).append(" -> org.rate2spike.").append(pkg).append('\n'); // every package is seen
				final Matcher m = ref.matcher(Files.readString(f).replaceAll("(?s)/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\])*\"", ""));
				while (m.find()) b.append("   org.rate2spike.").append(pkg).append(" -> ").append(m.group(1)).append('\n');
			}
		}
		return b.toString();
	}

	@Test
	void noPackageUsesOneAboveIt() throws Exception {
		check(jdeps());
	}

	/** The same rules read from the sources (what the check falls back to without jdeps), so both readings are kept honest. */
	@Test
	void theSourcesAgree() throws Exception {
		check(fromSources());
	}

	private static void check(final String edges) {
		final List<String> up = new ArrayList<>();
		final Set<String> seen = new TreeSet<>();
		final Matcher m = EDGE.matcher(edges);
		while (m.find()) {
			final String from = m.group(1), to = m.group(2);
			seen.add(from);
			if (!to.startsWith("org.rate2spike.")) {
				if (MODEL.contains(from) && (to.startsWith("ij") || to.startsWith("org.jfree") || to.startsWith("org.scijava") ||
					to.startsWith("com.google.gson"))) up.add(from + " -> " + to + " (the model knows no ImageJ, charts or SciJava)");
				continue;
			}
			final String target = to.substring("org.rate2spike.".length()).split("\\.")[0];
			assertTrue(LAYERS.contains(from), "package " + from + " is not in the layer list");
			if (!target.equals(from) && LAYERS.indexOf(target) > LAYERS.indexOf(from)) up.add(from + " -> " + target);
		}
		assertEquals(List.of(), up, "dependencies that point up a layer");
		assertEquals(new TreeSet<>(LAYERS), seen, "every layer exists and has code");
	}

	@Test
	void everyPackageSaysWhatLivesThere() throws Exception {
		try (Stream<Path> dirs = Files.list(Path.of("src/main/java/org/rate2spike"))) {
			for (final Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator)
				assertTrue(Files.exists(d.resolve("package-info.java")), d + " has a package-info.java");
		}
	}
}
