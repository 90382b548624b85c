package org.rate2spike.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import ij.IJ;
import ij.ImagePlus;
import ij.Menus;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.io.NetworkFile;
import org.scijava.Context;

/** Macros through ImageJ 1.x's interpreter with the Rate2Spike commands registered, as the CLI's {@code macro} runs them. */
class MacroRunnerTest {

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

	@BeforeEach
	void forgetPersistedInputs() {
		CommandsTest.forget(context);
	}

	@Test
	void commandsAreRegisteredOnceUnderTheirMenuLabels() {
		for (final String label : List.of(GenerateRateTargets.TITLE, TrainSpikingNetwork.TITLE, TestSpikingNetwork.TITLE,
			TrainAllSteps.TITLE, FitReadout.TITLE, SweepNetworkSize.TITLE, ExportSpikesAndTraces.TITLE,
			TuneSettings.TITLE))
			assertTrue(((String) Menus.getCommands().get(label)).startsWith(MacroBridge.class.getName() + "(\"org.rate2spike.fiji."),
				label);
		final int size = Menus.getCommands().size();
		MacroRunner.register(context.service(org.scijava.command.CommandService.class));
		assertEquals(size, Menus.getCommands().size(), "registering again adds nothing");
	}

	@Test
	void labelsAlreadyTakenAreLeftAlone() {
		@SuppressWarnings("unchecked")
		final java.util.Hashtable<String, String> table = Menus.getCommands();
		table.put(TestSpikingNetwork.TITLE, "some.other.Plugin");
		try {
			MacroRunner.register(context.service(org.scijava.command.CommandService.class));
			assertEquals("some.other.Plugin", table.get(TestSpikingNetwork.TITLE), "as when imagej-legacy registered it first");
		}
		finally {
			table.remove(TestSpikingNetwork.TITLE);
			MacroRunner.register(context.service(org.scijava.command.CommandService.class));
		}
	}

	@Test
	void optionsReachInputsByFieldNameAndImagesBecomeBatchModeImages(@TempDir final Path dir) {
		final String macro = "run(\"Train Spiking Network (all steps)\", \"output_folder=[" + dir + "/with space] seed=4 " +
			"rate_units=20 neurons=30 trials_init=1 trials_pca=2 trials_demean=2 trials_rls=2 trials_test=2\");\n" +
			"selectImage(\"Spike raster (oscillation)\");\n" +
			"if (nSlices != 2 || getHeight() != 30) exit(\"wrong raster\");\n" +
			"getPixelSize(unit, pw, ph);\n" +
			"if (unit != \"ms\" || pw != 1) exit(\"wrong calibration \" + unit + \" \" + pw);\n";
		final MacroRunner.Result r = runner.run(macro, "");
		assertTrue(r.ok(), r.error());
		final var net = assertDoesNotThrow(() -> NetworkFile.load(dir.resolve("with space/network.npz")));
		assertEquals(30, net.neurons(), "bracketed value with a space and the neurons key both arrived");
		assertEquals(20, net.targets().units());
		assertEquals(4, net.seed());
		assertEquals(2, net.log().rlsTrialsDone());
	}

	@Test
	void badInputStopsTheMacroWithTheCoreMessage(@TempDir final Path dir) {
		final MacroRunner.Result r = runner.run("run(\"Train Spiking Network (all steps)\", \"output_folder=[" + dir +
			"] neurons=-5\");\nprint(\"not reached\");\nFile.saveString(\"x\", \"" + dir + "/after.txt\");", "");
		assertFalse(r.ok());
		assertEquals("neurons: must be at least 1 (got -5)", r.error());
		assertFalse(Files.exists(dir.resolve("after.txt")), "the macro stopped at the failed command");

		final MacroRunner.Result typo = runner.run("run(\"Train Spiking Network (all steps)\", \"output_folder=[" + dir +
			"] nuerons=60\");", "");
		assertEquals("nuerons: is not a field of 'Train Spiking Network (all steps)', did you mean 'neurons'?", typo.error());
		final MacroRunner.Result abc = runner.run("run(\"Train Spiking Network (all steps)\", \"output_folder=[" + dir +
			"] neurons=abc\");", "");
		assertEquals("neurons: must be a number (got 'abc')", abc.error());
		assertFalse(Files.exists(dir.resolve("summary.json")), "nothing trained");

		final MacroRunner.Result missing = runner.run("run(\"Test Spiking Network\", \"trials_test=2\");", "");
		assertEquals("'network_file' is required but unset.", missing.error(), "SciJava's own check, as in Fiji");

		final MacroRunner.Result unknown = runner.run("print(\"a\");\nnoSuchFunction(3);", "");
		assertEquals("macro error: Undefined identifier", unknown.error());
	}

	@Test
	void keysLeftOutTakeTheDeclaredDefaultsNotPersistedValues(@TempDir final Path dir) throws Exception {
		final Path t1 = dir.resolve("t1.npz"), t2 = dir.resolve("t2.npz");
		final var commands = context.service(org.scijava.command.CommandService.class);
		final var m = commands.run(GenerateRateTargets.class, true, "pcs", 2, "rate_units", 20, "trials_init", 1, "trials_pca", 2,
			"targets_file", t1.toFile()).get();
		assertFalse(((org.scijava.Cancelable) m).isCanceled());
		assertEquals(2, org.rate2spike.io.TargetsFile.load(t1).factors(), "pcs=2 given, and now persisted");
		final MacroRunner.Result r = runner.run("run(\"Generate Rate Targets\", \"rate_units=20 trials_init=1 trials_pca=2 " +
			"targets_file=[" + t2 + "]\");", "");
		assertTrue(r.ok(), r.error());
		assertTrue(org.rate2spike.io.TargetsFile.load(t2).factors() > 2, "pcs left out: 0, choose by frac_pca");
	}

	/** Every macro in macros/ runs headless with a temporary output folder and writes what macros/README.md promises. */
	@TestFactory
	Stream<DynamicTest> everyShippedMacroRuns(@TempDir final Path dir) throws Exception {
		final List<Path> macros;
		try (Stream<Path> s = Files.list(Path.of("macros"))) {
			macros = s.filter(p -> p.toString().endsWith(".ijm")).sorted().toList();
		}
		assertFalse(macros.isEmpty(), "no macros found in macros/");
		return macros.stream().map(m -> DynamicTest.dynamicTest(m.getFileName().toString(), () -> {
			CommandsTest.forget(context);
			final Path out = dir.resolve(m.getFileName().toString().replace(".ijm", ""));
			Files.createDirectories(out);
			final MacroRunner.Result r = runner.run(m, out.toString());
			assertTrue(r.ok(), r.error());
			final String name = m.getFileName().toString();
			if (name.equals("sweep.ijm")) {
				assertSweepMacroOutputs(out);
				return;
			}
			for (final String f : List.of("targets.npz", "network.npz", "raster.tif", "output_vs_target.png", "test_trials.csv"))
				assertTrue(Files.size(out.resolve(f)) > 40, f);
			final ImagePlus raster = IJ.openImage(out.resolve("raster.tif").toString());
			assertEquals("ms", raster.getCalibration().getXUnit());
			assertTrue(raster.getStackSize() >= 1);
			assertEquals(NetworkFile.load(out.resolve("network.npz")).neurons(), raster.getHeight());
			assertEquals(raster.getStackSize() + 1, Files.readAllLines(out.resolve("test_trials.csv")).size(),
				"one table row per raster slice");
			if (name.equals("readout.ijm")) assertReadoutMacroOutputs(out);
			if (name.equals("calcium.ijm")) { // movie -> ROI traces -> network; the macro read the nMSE column
				final String[] fromMacro = Files.readString(out.resolve("calcium_nmse.txt")).trim().split(",");
				final List<String> csv = Files.readAllLines(out.resolve("test_trials.csv"));
				assertEquals(csv.size() - 1, fromMacro.length, "one nMSE per test trial");
				for (int i = 0; i < fromMacro.length; i++)
					assertEquals(Double.parseDouble(csv.get(i + 1).split(",")[1]), Double.parseDouble(fromMacro[i]), 1e-4);
				final String summary = Files.readString(out.resolve("summary.json"));
				assertTrue(summary.contains("\"task\": \"data\"") && summary.contains("\"left\"") && summary.contains("\"right\""),
					"trained on the traces of both conditions: " + summary.substring(0, Math.min(600, summary.length())));
				assertEquals(3, NetworkFile.load(out.resolve("network.npz")).targets().outputs(), "one output per cell");
			}
			if (name.equals("reach_image.ijm")) { // trained on test-data/reach_emg.tif through the data task
				final String summary = Files.readString(out.resolve("summary.json"));
				assertTrue(summary.contains("\"task\": \"data\"") && summary.contains("reach_emg.tif") &&
					summary.contains("\"per_condition\""), summary.substring(0, Math.min(400, summary.length())));
			}
		}));
	}

	/** readout.ijm: the readout is stored in the network and its files written. */
	private static void assertReadoutMacroOutputs(final Path out) throws Exception {
		for (final String f : List.of("readout.json", "readout_channels.csv", "readout_vs_target.png", "cv_error.png",
			"readout_vs_target_from_macro.png"))
			assertTrue(Files.size(out.resolve(f)) > 40, f);
		final var readout = org.rate2spike.io.ReadoutFile.get(out.resolve("network.npz"), "shifted");
		assertEquals("shift:0.25", readout.signals());
		final var json = com.google.gson.JsonParser.parseString(Files.readString(out.resolve("readout.json"))).getAsJsonObject();
		assertEquals(readout.heldoutNmse()[0], json.getAsJsonArray("heldout_nmse").get(0).getAsDouble(), 0);
	}

	/** sweep.ijm: a rate baseline and two points in sweep.csv, the summary and both pictures. */
	private static void assertSweepMacroOutputs(final Path out) throws Exception {
		for (final String f : List.of("sweep.csv", "sweep.json", "sweep.png", "sweep_plot.png"))
			assertTrue(Files.size(out.resolve(f)) > 40, f);
		final List<String> rows = Files.readAllLines(out.resolve("sweep.csv"));
		assertEquals(4, rows.size(), "header, the rate baseline and two points: " + rows);
		assertTrue(rows.get(0).startsWith("kind,key,neurons,seed,median_test_nmse"), rows.get(0));
		final var json = com.google.gson.JsonParser.parseString(Files.readString(out.resolve("sweep.json"))).getAsJsonObject();
		assertEquals(3, json.get("done").getAsInt());
		assertEquals(20, json.getAsJsonArray("curves").get(0).getAsJsonObject().get("rate_units").getAsInt());
		final ImagePlus plot = IJ.openImage(out.resolve("sweep_plot.png").toString());
		assertEquals(org.rate2spike.render.Charts.WIDTH, plot.getWidth());
	}

	private static <T> T assertDoesNotThrow(final org.junit.jupiter.api.function.ThrowingSupplier<T> s) {
		return org.junit.jupiter.api.Assertions.assertDoesNotThrow(s);
	}
}
