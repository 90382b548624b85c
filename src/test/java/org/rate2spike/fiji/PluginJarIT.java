package org.rate2spike.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonStreamParser;

/** After {@code mvn package} (failsafe runs this in {@code verify}): the jar in plugins/ is what Fiji needs. */
class PluginJarIT {

	@Test
	void theInstalledJarIsThinAndIndexesEveryCommandWithItsMenuPath() throws Exception {
		final List<Path> jars;
		try (Stream<Path> s = Files.list(Path.of("plugins"))) {
			jars = s.filter(p -> p.getFileName().toString().matches("rate2spike-.*\\.jar")).toList();
		}
		assertFalse(jars.isEmpty(), "mvn package puts the plugin jar into plugins/");
		try (Stream<Path> s = Files.list(Path.of("plugins"))) {
			assertTrue(s.anyMatch(p -> p.getFileName().toString().matches("jhdf-.*\\.jar")),
				"and beside it the HDF5 writer of the NWB export, which Fiji does not ship");
		}
		final Path newest = jars.stream().max(java.util.Comparator.comparing(p -> p.toFile().lastModified())).orElseThrow();
		try (JarFile jar = new JarFile(newest.toFile())) {
			final Map<String, String> menus = new HashMap<>();
			try (var r = new InputStreamReader(jar.getInputStream(jar.getEntry("META-INF/json/org.scijava.plugin.Plugin")),
				StandardCharsets.UTF_8))
			{
				final JsonStreamParser p = new JsonStreamParser(r);
				while (p.hasNext()) {
					final JsonObject o = p.next().getAsJsonObject();
					final var menu = o.getAsJsonObject("values").get("menuPath"); // converters have none
					if (menu != null) menus.put(o.get("class").getAsString(), menu.getAsString());
				}
			}
			for (final Class<?> c : CommandsTest.COMMANDS)
				assertEquals("Plugins>Rate2Spike>" + c.getField("TITLE").get(null), menus.get(c.getName()), c.getName());
			assertTrue(jar.getEntry("org/rate2spike/fiji/MacroRunner.class") != null);
			assertFalse(jar.stream().anyMatch(e -> e.getName().startsWith("org/rate2spike/cli/") ||
				e.getName().startsWith("org/rate2spike/bench/") || e.getName().startsWith("picocli/")),
				"the command line, the benchmark and the test-data generator stay out of the plugin jar");
			assertFalse(jar.stream().anyMatch(e -> e.getName().startsWith("org/jfree/") || e.getName().startsWith("ij/") ||
				e.getName().startsWith("org/scijava/") || e.getName().startsWith("io/jhdf/")), "thin: Fiji ships the libraries");
		}
	}

	@Test
	void theUpdateSiteFolderHoldsThePluginJarUnderItsFijiNameAndJhdf() throws Exception {
		final Path site = Path.of("target", "update-site");
		final List<Path> files;
		try (Stream<Path> s = Files.walk(site)) {
			files = s.filter(Files::isRegularFile).map(site::relativize).toList();
		}
		assertEquals(2, files.size(), "the plugin jar and jHDF, which Fiji does not ship: " + files);
		assertTrue(files.contains(Path.of("jars", "jhdf-0.9.4.jar")), "the NWB export's HDF5 writer: " + files);
		final Path jar = files.stream().filter(f -> f.getFileName().toString().startsWith("rate2spike-")).findFirst().orElseThrow();
		assertEquals(Path.of("jars"), jar.getParent(), "SciJava plugins live in Fiji.app/jars/");
		final String name = jar.getFileName().toString();
		assertTrue(name.matches("rate2spike-\\d[^/]*\\.jar") && !name.endsWith("-plugin.jar"), name);
		final String version = name.substring("rate2spike-".length(), name.length() - ".jar".length());
		assertArrayEquals(Files.readAllBytes(Path.of("target", "rate2spike-" + version + "-plugin.jar")),
			Files.readAllBytes(site.resolve(jar)), "the thin plugin jar of this build");
	}
}
