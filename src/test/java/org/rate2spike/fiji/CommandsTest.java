package org.rate2spike.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.Calibration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.io.NetworkFile;
import org.rate2spike.protocol.TrainedNetwork;
import org.rate2spike.render.ResultTables;
import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.prefs.PrefService;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The Fiji commands, found through the annotation index and run headless through the CommandService. */
class CommandsTest {

	static final List<Class<? extends Rate2SpikeCommand>> COMMANDS = List.of(GenerateRateTargets.class,
		TrainSpikingNetwork.class, TestSpikingNetwork.class, TrainAllSteps.class, FitReadout.class, SweepNetworkSize.class,
		ExportSpikesAndTraces.class, TuneSettings.class, TracesFromRois.class);

	private static Context context;
	private static CommandService commands;

	@BeforeAll
	static void start() {
		context = new Context();
		commands = context.service(CommandService.class);
	}

	/** Inputs persist between runs (as in Fiji); each test starts from the declared defaults. */
	@BeforeEach
	void forgetPersistedInputs() {
		forget(context);
	}

	static void forget(final Context c) {
		for (final Class<? extends Rate2SpikeCommand> cls : COMMANDS) c.service(PrefService.class).clear(cls);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	static Module run(final Class<? extends Rate2SpikeCommand> cls, final Object... inputs) throws Exception {
		return commands.run(cls, true, inputs).get();
	}

	@SuppressWarnings("unchecked")
	static <T> T command(final Module m) {
		return (T) (m instanceof CommandModule cm ? cm.getCommand() : m);
	}

	static boolean canceled(final Module m) {
		return ((Cancelable) m).isCanceled();
	}

	static String reason(final Module m) {
		return ((Cancelable) m).getCancelReason();
	}

	static void assertRan(final Module m) {
		assertFalse(canceled(m), () -> "cancelled: " + reason(m));
	}

	@Test
	void everyCommandIsIndexedByClassAndMenuLabelWithDescribedInputs() {
		for (final Class<? extends Rate2SpikeCommand> cls : COMMANDS) {
			final CommandInfo byClass = commands.getCommand(cls);
			assertNotNull(byClass, cls.getName());
			final String label = byClass.getMenuPath().getLeaf().getName();
			assertEquals("Plugins>Rate2Spike>" + label, byClass.getMenuPath().stream().map(e -> e.getName())
				.collect(java.util.stream.Collectors.joining(">")));
			final CommandInfo byLabel = commands.getCommands().stream()
				.filter(i -> label.equals(i.getMenuPath().getLeaf().getName())).findFirst().orElseThrow();
			assertEquals(cls.getName(), byLabel.getClassName());
			int inputs = 0;
			for (final ModuleItem<?> in : byClass.inputs()) {
				if (in.getType().getName().startsWith("org.scijava")) continue; // services
				inputs++;
				assertTrue(in.getLabel() != null && !in.getLabel().equals(in.getName()) && !in.getLabel().isBlank(), in.getName());
				assertTrue(in.getDescription() != null && !in.getDescription().isBlank(), in.getName());
				assertTrue(in.getName().matches("[a-z][a-z0-9_]*"), in.getName() + " is not snake_case");
				if (Number.class.isAssignableFrom(boxed(in.getType())))
					assertNotNull(in.getMinimumValue(), in.getName() + " has no minimum");
			}
			assertTrue(inputs >= 3, cls.getName());
		}
	}

	@Test
	void taskChoicesAreTheBuiltInTasks() {
		// Annotation choices are constants: a task added to Tasks must be added to the choices too.
		for (final Class<? extends Rate2SpikeCommand> cls : List.of(GenerateRateTargets.class, SweepNetworkSize.class))
			assertEquals(org.rate2spike.task.Tasks.builtIn(), commands.getCommand(cls).getInput("task").getChoices(),
				cls.getSimpleName() + ": list every built-in task in the choices of its 'task' field (and add a macro to macros/)");
		assertEquals(org.rate2spike.task.Tasks.names(), commands.getCommand(TrainAllSteps.class).getInput("task").getChoices(),
			"the all-steps dialog offers every task, the data task included");
	}

	@Test
	void noMacroKeyEndsAnotherAfterAnUnderscore() {
		// IJ1 finds key= anywhere not preceded by a letter, so "a_b=" would also satisfy a key "b".
		for (final Class<? extends Rate2SpikeCommand> cls : COMMANDS) {
			final List<String> names = new java.util.ArrayList<>();
			commands.getCommand(cls).inputs().forEach(i -> names.add(i.getName()));
			for (final String a : names)
				for (final String b : names)
					assertFalse(!a.equals(b) && a.matches(".*[^a-zA-Z]" + b), cls.getSimpleName() + ": " + a + " ends with " + b);
		}
	}

	@Test
	void sharedInputsAreDeclaredAlikeInEveryCommand() {
		final Map<String, ModuleItem<?>> seen = new java.util.HashMap<>();
		for (final Class<? extends Rate2SpikeCommand> cls : COMMANDS)
			for (final ModuleItem<?> in : commands.getCommand(cls).inputs()) {
				final ModuleItem<?> first = seen.putIfAbsent(in.getName(), in);
				if (first == null || in.getName().endsWith("_file") || in.getName().equals("output_folder") ||
					in.getName().equals("trials_test") || in.getName().equals("readout_name") ||
					in.getName().equals("task") || in.getName().startsWith("data_")) continue; // the same name, a different role
					// (all steps also offers the data task; Test Spiking Network's data files replace the kept data)
				final String where = cls.getSimpleName() + "." + in.getName();
				assertEquals(first.getLabel(), in.getLabel(), where);
				assertEquals(first.getDescription(), in.getDescription(), where);
				assertEquals(first.getMinimumValue(), in.getMinimumValue(), where);
				assertEquals(first.getMaximumValue(), in.getMaximumValue(), where);
			}
	}

	@Test
	void generateTrainAndTestRunHeadlessAndProduceCalibratedImagesAndFiles(@TempDir final Path dir) throws Exception {
		final Path targets = dir.resolve("targets.npz"), network = dir.resolve("network.npz"), pics = dir.resolve("pictures");
		Module m = run(GenerateRateTargets.class, "task", "oscillation", "seed", 2L, "rate_units", 30, "trials_init", 1,
			"trials_pca", 3, "targets_file", targets.toFile(), "output_folder", pics.toFile());
		assertRan(m);
		final GenerateRateTargets gen = command(m);
		assertTrue(Files.size(targets) > 1000);
		assertEquals(1000, gen.activity().getWidth(), "one column per 1 ms step of the 1 s trial");
		assertEquals(30, gen.activity().getHeight(), "one row per rate unit");
		assertCalibratedInMs(gen.activity());
		assertNotNull(gen.factors().getPlot(), "a plot that keeps its data");
		for (final String f : new String[] { "rate_activity.tif", "factors.png", "factors.svg" }) assertFile(pics.resolve(f));

		m = run(TrainSpikingNetwork.class, "targets_file", targets.toFile(), "network_file", network.toFile(), "neurons", 40,
			"trials_init", 1, "trials_demean", 2, "trials_rls", 3, "trials_test", 2, "seed", 5L, "output_folder", pics.toFile());
		assertRan(m);
		final TrainSpikingNetwork train = command(m);
		final TrainedNetwork saved = NetworkFile.load(network);
		assertEquals(40, saved.neurons());
		assertEquals(3, saved.log().rlsTrialsDone());
		assertFalse(saved.log().partial());
		assertNotNull(train.trainingNmse().getPlot(), "a plot that keeps its data");
		assertEquals(40, train.trainingRaster().getHeight());
		assertEquals(1000, train.trainingRaster().getWidth());
		assertCalibratedInMs(train.trainingRaster());
		assertTrue(train.trainingRaster().getTitle().contains("RLS trial 3"), train.trainingRaster().getTitle());
		for (final String f : new String[] { "training_nmse.png", "training_nmse.svg", "training_raster.tif" }) assertFile(pics.resolve(f));

		m = run(TestSpikingNetwork.class, "network_file", network.toFile(), "trials_test", 3, "output_folder", pics.toFile(),
			"chart_windows", true); // headless: no window, and no HeadlessException either
		assertRan(m);
		final TestSpikingNetwork test = command(m);
		final ImagePlus raster = test.raster();
		assertEquals(40, raster.getHeight());
		assertEquals(1000, raster.getWidth());
		assertEquals(3, raster.getStackSize(), "one slice per test trial");
		assertEquals("trial 2", raster.getStack().getSliceLabel(2));
		assertCalibratedInMs(raster);
		long spikes = 0;
		for (int s = 1; s <= 3; s++) {
			final byte[] px = (byte[]) raster.getStack().getPixels(s);
			for (final byte b : px) if (b != 0) spikes++;
		}
		assertEquals(test.result().spikeNeuron().length, spikes, "every spike is one pixel");
		assertNotNull(test.outputVsTarget().getPlot(), "a plot that keeps its data");
		assertNotNull(test.rateHistogram().getPlot(), "a plot that keeps its data");
		assertEquals(3, test.table().size());
		assertEquals(test.result().nmse()[1], test.table().getValue(ResultTables.NMSE, 1), 1e-12);
		assertSame(test.table(), m.getOutput("test_trials"), "the table is a SciJava output");
		assertSame(test.table(), Tables.get(TestSpikingNetwork.TABLE), "and published under its title");
		final org.rate2spike.protocol.SpikeTrainAnalysis spikeStats = org.rate2spike.protocol.SpikeTrainAnalysis.of(test.result());
		final ij.measure.ResultsTable stats = Tables.get(TestSpikingNetwork.SPIKE_TABLE), psth = Tables.get(TestSpikingNetwork.PSTH_TABLE);
		assertEquals(1, stats.size(), "one row per condition");
		assertEquals(3, stats.getValue(ResultTables.TRIALS, 0));
		assertEquals(spikeStats.conditions().get(0).fanoFactor(), stats.getValue(ResultTables.FANO, 0), 1e-12);
		assertEquals(spikeStats.cv2(), stats.getValue(ResultTables.CV2, 0), 1e-12);
		assertEquals(50, psth.size(), "1 s trials in 20 ms bins");
		assertEquals(0.02, psth.getValue(ResultTables.TIME, 1), 1e-12);
		assertEquals(spikeStats.conditions().get(0).psthHz()[7], psth.getValue("PSTH_" + spikeStats.conditions().get(0).label(), 7), 1e-9);
		double rate = 0;
		for (int r = 0; r < 3; r++) rate += test.table().getValue(ResultTables.RATE, r) / 3;
		assertEquals(test.result().meanRateHz(), rate, 1e-9, "equal-length trials: the mean of per-trial rates is the mean rate");
		for (final String f : new String[] { "raster.tif", "output_vs_target.png", "output_vs_target.svg", "rate_histogram.png",
			"rate_histogram.svg", "test_trials.csv" })
			assertFile(pics.resolve(f));
		final ImagePlus reopened = IJ.openImage(pics.resolve("raster.tif").toString());
		assertEquals(3, reopened.getStackSize());
		assertCalibratedInMs(reopened);
		assertTrue(Files.readString(pics.resolve("test_trials.csv")).startsWith("Trial,nMSE,Rate_Hz,ISI_CV,Spikes"));
	}

	@Test
	void allStepsLetsTheTaskChooseTheFieldsLeftAtTheirDefaults(@TempDir final Path dir) throws Exception {
		final Object[] tiny = { "task", "integration", "rate_units", 30, "neurons", 30, "trials_init", 1, "trials_pca", 2,
			"trials_demean", 2, "trials_rls", 2, "trials_test", 2 };
		final java.util.function.Function<Object[], JsonObject> run = more -> {
			try {
				final Object[] in = java.util.stream.Stream.concat(java.util.Arrays.stream(tiny), java.util.Arrays.stream(more)).toArray();
				forget(context); // each run as a fresh dialog, not with the last run's values
				final Module m = run(TrainAllSteps.class, in);
				assertRan(m);
				final Path folder = ((java.io.File) m.getInput("output_folder")).toPath();
				return JsonParser.parseString(Files.readString(folder.resolve("summary.json"))).getAsJsonObject();
			}
			catch (final Exception e) {
				throw new AssertionError(e);
			}
		};
		JsonObject s = run.apply(new Object[] { "output_folder", dir.resolve("own").toFile() });
		assertEquals(1.2, s.get("rate_gain").getAsDouble(), "left at its default, the field takes the task's value");
		assertEquals(1.0, s.get("trained_fraction").getAsDouble());
		assertEquals(2, s.getAsJsonObject("chosen_by_task").size());
		s = run.apply(new Object[] { "output_folder", dir.resolve("typed").toFile(), "rate_gain", 1.3 });
		assertEquals(1.3, s.get("rate_gain").getAsDouble(), "a value other than the default is the user's");
		assertEquals(java.util.Set.of("trained_fraction"), s.getAsJsonObject("chosen_by_task").keySet());
		s = run.apply(new Object[] { "output_folder", dir.resolve("advise").toFile(), "task_settings", "advise" });
		assertEquals(1.4, s.get("rate_gain").getAsDouble(), "advise: the fields as they are");
		assertEquals(0, s.getAsJsonObject("chosen_by_task").size());
	}

	@Test
	void allStepsWritesTheRunFolder(@TempDir final Path dir) throws Exception {
		final Module m = run(TrainAllSteps.class, "output_folder", dir.toFile(), "seed", 3L, "rate_units", 30, "neurons", 40,
			"trials_init", 1, "trials_pca", 3, "trials_demean", 2, "trials_rls", 3, "trials_test", 2);
		assertRan(m);
		final TrainAllSteps all = command(m);
		assertEquals(2, all.raster().getStackSize());
		assertEquals(40, all.raster().getHeight());
		assertCalibratedInMs(all.raster());
		assertEquals(2, all.table().size());
		assertSame(all.table(), m.getOutput("test_trials"), "the all-steps command gives its table too");
		assertSame(all.table(), Tables.get(TestSpikingNetwork.TABLE));
		for (final String f : new String[] { "summary.json", "targets.npz", "network.npz", "raster.tif", "raster.png",
			"output_vs_target.png", "output_vs_target.svg", "training_nmse.png", "training_nmse.svg", "rate_histogram.svg",
			"test_trials.csv" })
			assertFile(dir.resolve(f));
		final JsonObject s = JsonParser.parseString(Files.readString(dir.resolve("summary.json"))).getAsJsonObject();
		assertEquals(40, s.get("neurons").getAsInt());
		assertEquals(30, s.get("rate_units").getAsInt());
		assertEquals(all.table().getValue(ResultTables.NMSE, 0), s.getAsJsonArray("test_nmse").get(0).getAsDouble(), 1e-12);
		assertEquals(3, Files.readAllLines(dir.resolve("test_trials.csv")).size(), "header and one line per test trial");
	}

	@Test
	void badInputCancelsWithTheCoreMessage(@TempDir final Path dir) throws Exception {
		Module m = run(TrainAllSteps.class, "output_folder", dir.toFile(), "neurons", -5);
		assertTrue(canceled(m));
		assertEquals("neurons: must be at least 1 (got -5)", reason(m));

		forget(context); // the bad neurons value persisted, as it would in Fiji
		m = run(TrainAllSteps.class, "output_folder", dir.toFile(), "task", "juggling");
		assertTrue(reason(m).startsWith("task: unknown task 'juggling'; choose one of [oscillation"), reason(m));

		forget(context);
		m = run(TrainAllSteps.class, "output_folder", dir.resolve("diverged").toFile(), "rate_units", 20, "neurons", 20,
			"trials_init", 1, "trials_pca", 1, "trials_demean", 2, "trials_rls", 2, "trials_test", 1, "max_rate_hz", 1.0);
		assertTrue(reason(m).startsWith("training stopped: "), "the core's divergence guard, as a message: " + reason(m));

		forget(context);
		m = run(TestSpikingNetwork.class, "network_file", dir.resolve("none.npz").toFile());
		assertEquals("file: " + dir.resolve("none.npz") + ": does not exist or is not a file", reason(m));

		forget(context);
		m = run(TrainSpikingNetwork.class, "targets_file", dir.resolve("t.npz").toFile());
		assertEquals("'network_file' is required but unset.", reason(m), "SciJava's own check of required inputs");
		assertTrue(Files.list(dir).allMatch(p -> p.getFileName().toString().equals("diverged")), "nothing else written");
	}

	static void assertCalibratedInMs(final ImagePlus imp) {
		final Calibration cal = imp.getCalibration();
		assertEquals(1.0, cal.pixelWidth, 1e-12, "1 ms per column at dt = 1 ms");
		assertEquals("ms", cal.getXUnit());
		assertEquals(1.0, cal.pixelHeight, 0);
	}

	static void assertFile(final Path f) throws Exception {
		assertTrue(Files.isRegularFile(f) && Files.size(f) > (f.toString().endsWith(".csv") ? 40 : 100), f + " missing or empty");
	}

	private static Class<?> boxed(final Class<?> c) {
		if (c == int.class) return Integer.class;
		if (c == long.class) return Long.class;
		if (c == double.class) return Double.class;
		return c;
	}
}
