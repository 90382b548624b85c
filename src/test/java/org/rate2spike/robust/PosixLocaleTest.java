package org.rate2spike.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths with non-ASCII characters. The JVM fixes the encoding of file names ({@code sun.jnu.encoding}) from the locale
 * at its start, so these run a child JVM: under {@code LANG=C LC_ALL=C} such a path cannot be used, and every door
 * (an option, a table named in an option, a macro file, a macro's folder field) says so in one line naming the
 * parameter, the path and the fix; under a UTF-8 locale the same path works.
 */
class PosixLocaleTest {

	private static final String NAME = "r\u00e9sultats-\u00fc";

	private static Map<String, String> locale(final String name) {
		final Map<String, String> env = new HashMap<>();
		env.put("LANG", name);
		env.put("LC_ALL", name);
		env.put("LC_CTYPE", null);
		return env;
	}

	private static void clearMessage(final ChildJava.Ran r, final String param) {
		assertFalse(r.hasStackTrace(), r.err());
		assertEquals(2, r.status(), r.err());
		final String line = r.err().lines().filter(l -> l.startsWith("error: ")).findFirst().orElse("");
		assertTrue(line.startsWith("error: " + param + ": the path '") && line.contains("' has characters this Java cannot use in " +
			"file names: it started under the locale LC_ALL=C, which encodes file names as ") && line.contains("Run it under a UTF-8 " +
			"locale (e.g. LC_ALL=C.UTF-8 java -jar rate2spike-cli.jar ...") && line.endsWith("or use a path of ASCII characters only"),
			r.err());
	}

	private static final String[] SMALL = { "--neurons", "60", "--rate-units", "40", "--trials", "2,3,3,3,2" };

	private static String[] with(final String[] head, final String... tail) {
		final String[] a = java.util.Arrays.copyOf(head, head.length + tail.length);
		System.arraycopy(tail, 0, a, head.length, tail.length);
		return a;
	}

	@Test
	void aNonAsciiOutputFolderUnderLangCIsRefusedWithTheFix(@TempDir final Path tmp) throws Exception {
		final ChildJava.Ran r = ChildJava.start(tmp, locale("C"), with(with(new String[] { "train" }, SMALL), "--out",
			tmp + "/" + NAME)).finish(120);
		clearMessage(r, "out");
		try (var s = Files.list(tmp)) {
			assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("r")), "no folder of a mangled name was made");
		}
	}

	@Test
	void aNonAsciiInputUnderLangCIsRefusedWithTheFix(@TempDir final Path tmp) throws Exception {
		clearMessage(ChildJava.start(tmp, locale("C"), "test", "--network", tmp + "/" + NAME + ".npz", "--out",
			tmp.resolve("t").toString()).finish(120), "network");
		clearMessage(ChildJava.start(tmp, locale("C"), "info", tmp + "/" + NAME + ".npz").finish(120), "file");
		clearMessage(ChildJava.start(tmp, locale("C"), with(with(new String[] { "train", "--task", "data", "--targets",
			tmp + "/" + NAME + ".csv" }, SMALL), "--out", tmp.resolve("o").toString())).finish(120), "data_targets");
	}

	@Test
	void aNonAsciiPathInAMacroUnderLangCIsRefusedWithTheFix(@TempDir final Path tmp) throws Exception {
		// the macro file itself is named in ASCII; its text (read as UTF-8) names a folder Java cannot encode
		final Path macro = tmp.resolve("m.ijm");
		Files.writeString(macro, "run(\"Train Spiking Network (all steps)\", \"output_folder=[" + tmp + "/" + NAME + "] neurons=60 " +
			"rate_units=40 trials_init=2 trials_pca=3 trials_demean=3 trials_rls=3 trials_test=2\");\n", StandardCharsets.UTF_8);
		final ChildJava.Ran r = ChildJava.start(tmp, locale("C"), "macro", macro.toString()).finish(120);
		clearMessage(r, "output_folder");
		clearMessage(ChildJava.start(tmp, locale("C"), "macro", tmp + "/" + NAME + ".ijm").finish(120), "macro");
	}

	@Test
	void underAUtf8LocaleTheSamePathWorks(@TempDir final Path tmp) throws Exception {
		final Path out = tmp.resolve(NAME);
		final ChildJava.Ran r = ChildJava.start(tmp, locale("C.UTF-8"), with(with(new String[] { "train" }, SMALL), "--out",
			out.toString())).finish(180);
		Assumptions.assumeFalse(r.err().contains("has characters this Java cannot use"), "this machine has no C.UTF-8 locale");
		assertEquals(0, r.status(), r.err());
		assertFalse(r.hasStackTrace(), r.err());
		assertTrue(Files.exists(out.resolve("summary.json")));
		assertEquals(null, RunFolders.mixed(out));
		assertEquals(List.of(), RunFolders.leftovers(out));
	}
}
