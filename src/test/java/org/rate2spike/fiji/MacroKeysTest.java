package org.rate2spike.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

/**
 * Macros that mean the same everywhere: every {@code run("<Rate2Spike command>", …)} in macros/ and the docs gives
 * every key of its command (in Fiji a left-out key takes the value last used, or opens a dialog), and the headless
 * runner names the keys a macro leaves out and the values it used.
 */
class MacroKeysTest {

	private static Context context;
	private static Map<String, Set<String>> keys;

	@BeforeAll
	static void start() {
		context = new Context();
		keys = new LinkedHashMap<>();
		for (final CommandInfo info : context.service(CommandService.class).getCommands()) {
			if (!info.getClassName().startsWith("org.rate2spike.")) continue;
			final Set<String> k = new TreeSet<>();
			for (final ModuleItem<?> in : info.inputs())
				if (!org.scijava.service.Service.class.isAssignableFrom(in.getType()) && in.getType() != Context.class) k.add(in.getName());
			keys.put(info.getMenuPath().getLeaf().getName(), k);
		}
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	@Test
	void everyRunInMacrosAndDocsGivesEveryKey() throws Exception {
		final List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
		for (final String dir : List.of("macros", "docs"))
			try (Stream<Path> s = Files.walk(Path.of(dir))) {
				s.filter(p -> p.toString().endsWith(".ijm") || p.toString().endsWith(".md")).forEach(files::add);
			}
		final Pattern run = Pattern.compile("run\\(\"([^\"]+)\"\\s*,(.*?)\\);", Pattern.DOTALL);
		final Pattern literal = Pattern.compile("\"([^\"]*)\""), key = Pattern.compile("(?<![A-Za-z0-9_])([a-z][a-z0-9_]*)=");
		final List<String> problems = new ArrayList<>();
		int calls = 0;
		for (final Path f : files) {
			final Matcher m = run.matcher(Files.readString(f));
			while (m.find()) {
				final Set<String> expected = keys.get(m.group(1));
				if (expected == null) continue; // an ImageJ command
				calls++;
				final Set<String> given = new TreeSet<>();
				final Matcher lit = literal.matcher(m.group(2));
				while (lit.find()) {
					final Matcher k = key.matcher(lit.group(1));
					while (k.find()) given.add(k.group(1));
				}
				final Set<String> missing = new TreeSet<>(expected);
				missing.removeAll(given);
				final Set<String> unknown = new TreeSet<>(given);
				unknown.removeAll(expected);
				if (!missing.isEmpty() || !unknown.isEmpty())
					problems.add(f + ": " + m.group(1) + (missing.isEmpty() ? "" : " leaves out " + missing) +
						(unknown.isEmpty() ? "" : " gives unknown " + unknown));
			}
		}
		assertTrue(calls >= 15, "the Rate2Spike calls in macros/ and docs/ were found: " + calls);
		assertEquals(List.of(), problems);
	}

	@Test
	void theRunnerNamesLeftOutKeysAndTheValuesItUsed() {
		try (MacroRunner runner = new MacroRunner(context)) {
			final MacroRunner.Result r = runner.run("newImage(\"plain\", \"8-bit black\", 10, 10, 3);\n" +
				"run(\"Traces from ROIs\", \"delta_f=false f0_start=0 f0_end=0.5\");", "");
			assertEquals("roi_file: no ROIs: add them to the ROI Manager or the image's overlay, or give a RoiSet (.zip) or .roi file",
				r.error(), "the active image was used, and it has no ROIs");
			assertEquals(List.of("Traces from ROIs: keys left out, using movie=[] roi_file=[] frame_interval=0.0 (in Fiji " +
				"these take the values last used; give every key so that the macro means the same everywhere)"),
				MacroRunner.warnings());
		}
	}
}
