package org.rate2spike.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class path the job-array script gives its tasks: unchanged when the command line (or a test) submits; with
 * Fiji's plugins/ and jars/ folders added when Fiji submits, since Fiji's launcher puts only itself on
 * java.class.path and loads those folders through its own class loader.
 */
class SlurmClassPathTest {

	@Test
	void fromTheCommandLineTheClassPathIsKept(@TempDir final Path dir) throws Exception {
		final Path jar = Files.createFile(dir.resolve("rate2spike-cli.jar")), classes = Files.createDirectories(dir.resolve("classes"));
		final String cp = jar + File.pathSeparator + classes;
		assertEquals(cp, SlurmExecutor.classPath(cp, List.of(jar, jar, classes)));
	}

	@Test
	void fromFijiItsPluginAndJarFoldersAreAdded(@TempDir final Path fiji) throws Exception {
		final Path plugins = Files.createDirectories(fiji.resolve("plugins")), jars = Files.createDirectories(fiji.resolve("jars"));
		final Path launcher = Files.createFile(jars.resolve("imagej-launcher-6.0.2.jar"));
		final Path ours = Files.createFile(plugins.resolve("rate2spike-0.1.0.jar")), gson = Files.createFile(jars.resolve("gson-2.10.jar")),
			ejml = Files.createFile(jars.resolve("ejml-core-0.41.jar"));
		assertEquals(String.join(File.pathSeparator, launcher.toString(), plugins.resolve("*").toString(), jars.resolve("*").toString()),
			SlurmExecutor.classPath(launcher.toString(), List.of(ours, gson, ejml)));
	}
}
