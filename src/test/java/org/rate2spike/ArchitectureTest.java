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
		"readout", "protocol", "baseline", "io", "pipeline", "sweep", "render", "app", "fiji", "bench", "cli");

	/** The model and the method: nothing of ImageJ, charts, SciJava or JSON. */
	static final Set<String> MODEL = Set.of("util", "params", "kernels", "task", "rate", "spiking", "learn", "readout",
		"protocol", "baseline");

	private static final Pattern EDGE = Pattern.compile("^\\s+org\\.rate2spike\\.(\\w+)\\s+->\\s+(\\S+)", Pattern.MULTILINE);

	private static String jdeps() {
		final ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("the JDK has no jdeps"));
		final StringWriter out = new StringWriter(), err = new StringWriter();
		final int status = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package",
			new File("target/classes").getAbsolutePath());
		assertEquals(0, status, err.toString());
		return out.toString();
	}

	@Test
	void noPackageUsesOneAboveIt() {
		final List<String> up = new ArrayList<>();
		final Set<String> seen = new TreeSet<>();
		final Matcher m = EDGE.matcher(jdeps());
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
