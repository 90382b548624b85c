package org.rate2spike.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;

/**
 * What a macro can read of a command's results, headless through the macro runner: the tables by their titles
 * ({@code Table.size}, {@code Table.getColumn}), the plots' numbers ({@code Plot.getValues}), the raster's calibration
 * and slice labels.
 */
class MacroResultsTest {

	private static Context context;
	private static MacroRunner runner;

	@BeforeAll
	static void start() {
		context = new Context();
		runner = new MacroRunner(context);
	}

	@AfterAll
	static void stop() {
		runner.close();
		context.dispose();
	}

	@Test
	void tablesByTitleAndPlotValuesReachTheMacro(@TempDir final Path dir) throws Exception {
		CommandsTest.forget(context);
		final Path out = dir.resolve("out.txt");
		final String macro = "run(\"Train Spiking Network (all steps)\", \"output_folder=[" + dir + "/run] seed=2 " +
			"rate_units=20 neurons=30 trials_init=1 trials_pca=2 trials_demean=2 trials_rls=2 trials_test=3\");\n" +
			"n = Table.size(\"Rate2Spike test trials\");\n" +
			"e = Table.getColumn(\"nMSE\", \"Rate2Spike test trials\");\n" +
			"trial = Table.getColumn(\"Trial\", \"Rate2Spike test trials\");\n" +
			"selectImage(\"Output vs target (oscillation)\");\n" +
			"Plot.getValues(x, y);\n" +
			"selectImage(\"Spike raster (oscillation)\");\n" +
			"getPixelSize(unit, pw, ph);\n" +
			"setSlice(2);\n" +
			"label = getInfo(\"slice.label\");\n" +
			"File.saveString(n + \"\\n\" + e[0] + \"\\n\" + e[2] + \"\\n\" + trial[2] + \"\\n\" + x.length + \"\\n\" + x[1] + \"\\n\" + y[0]" +
			" + \"\\n\" + unit + \"\\n\" + label, \"" + out + "\");\n";
		final MacroRunner.Result r = runner.run(macro, "");
		assertTrue(r.ok(), r.error());
		final List<String> lines = Files.readAllLines(out);
		final List<String> csv = Files.readAllLines(dir.resolve("run/test_trials.csv"));
		assertEquals("3", lines.get(0), "three test trials in the table");
		final int nmse = List.of(csv.get(0).split(",")).indexOf("nMSE");
		assertEquals(Double.parseDouble(csv.get(1).split(",")[nmse]), Double.parseDouble(lines.get(1)), 1e-4, "the same nMSE as the CSV");
		assertEquals(Double.parseDouble(csv.get(3).split(",")[nmse]), Double.parseDouble(lines.get(2)), 1e-4);
		assertEquals("3", lines.get(3));
		final int steps = Integer.parseInt(lines.get(4));
		assertTrue(steps > 100, "the plot keeps every sample of its first series: " + steps);
		assertEquals(0.001, Double.parseDouble(lines.get(5)), 1e-9, "x in s, one sample per dt");
		assertTrue(Double.isFinite(Double.parseDouble(lines.get(6))));
		assertEquals("ms", lines.get(7));
		assertEquals("trial 2", lines.get(8));
	}
}
