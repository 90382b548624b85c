package org.rate2spike.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.io.NetworkFile;
import org.rate2spike.format.Npz;
import org.rate2spike.io.ReadoutFile;
import org.rate2spike.protocol.Export;
import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.ReadoutStage;
import org.rate2spike.protocol.TestResult;
import org.rate2spike.protocol.TestStage;
import org.rate2spike.protocol.TrainedNetwork;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.protocol.TrialCounts;
import org.rate2spike.readout.Readout;
import org.rate2spike.readout.ReadoutOptions;
import org.rate2spike.render.ResultTables;
import org.rate2spike.sweep.SweepResult;
import org.rate2spike.sweep.SweepRunner;
import org.rate2spike.sweep.SweepSpec;
import org.rate2spike.sweep.SweepTable;
import org.rate2spike.task.Task;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.module.Module;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Fit Readout, Sweep Network Size and Export Spikes and Traces run headless through the CommandService: their
 * outputs are the core's results, bad input stops them with the core's message, and no command overwrites a file
 * unless asked to.
 */
class ReadoutSweepExportCommandsTest {

	private static Context context;
	private static CommandService commands;
	/** A tiny trained network, trained once. */
	private static TrainedNetwork trained;

	@BeforeAll
	static void start() {
		context = new Context();
		commands = context.service(CommandService.class);
		trained = Pipeline.train(TrainingConfig.DEFAULTS.with("rate_units", "30").with("neurons", "40").withSeed(5)
			.withTrials(new TrialCounts(1, 3, 2, 3, 2)), Progress.NONE).network();
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	@BeforeEach
	void forgetPersistedInputs() {
		CommandsTest.forget(context);
	}

	private static Module run(final Class<? extends Rate2SpikeCommand> cls, final Object... inputs) throws Exception {
		CommandsTest.forget(context);
		return commands.run(cls, true, inputs).get();
	}

	private static Path network(final Path dir) throws Exception {
		final Path f = dir.resolve("network.npz");
		NetworkFile.save(trained, f);
		return f;
	}

	private static Task task(final TrainedNetwork net) {
		return Pipeline.taskOf(net.targets());
	}

	@Test
	void fitReadoutStoresTheCoresReadoutAndShowsItsScores(@TempDir final Path dir) throws Exception {
		final Path net = network(dir), pics = dir.resolve("readout");
		final Module m = run(FitReadout.class, "network_file", net.toFile(), "readout_name", "shifted", "signals", "shift:0.25",
			"basis", "both", "basis_neurons", "all", "method", "ridge", "trials_fit", 4, "trials_heldout", 2, "folds", 2,
			"output_folder", pics.toFile());
		CommandsTest.assertRan(m);
		final FitReadout fit = CommandsTest.command(m);
		final ReadoutStage.Result core = ReadoutStage.fit(trained, task(trained), new ReadoutOptions("shifted", "both", "all",
			"shift:0.25", "ridge", 4, 2, 2, 1), Progress.NONE);
		final Readout stored = ReadoutFile.get(net, "shifted");
		assertEquals(core.readout().penalty(), stored.penalty(), 0, "the same fit as the core's");
		assertArrayEquals(core.readout().weights()[0], stored.weights()[0], 0);
		assertEquals(core.readout().channels(), fit.table().size(), "one row per channel");
		for (int c = 0; c < core.readout().channels(); c++) {
			assertEquals(c + 1, fit.table().getValue(ResultTables.CHANNEL, c));
			assertEquals(core.trainNmse()[c], fit.table().getValue(ResultTables.TRAIN_NMSE, c), 0);
			assertEquals(core.trainR2()[c], fit.table().getValue(ResultTables.TRAIN_R2, c), 0);
			assertEquals(core.readout().heldoutNmse()[c], fit.table().getValue(ResultTables.HELDOUT_NMSE, c), 0);
			assertEquals(core.readout().heldoutR2()[c], fit.table().getValue(ResultTables.HELDOUT_R2, c), 0);
			assertEquals(core.readout().penalty(), fit.table().getValue(ResultTables.PENALTY, c), 0);
		}
		assertEquals(ImagePlus.COLOR_RGB, fit.readoutVsTarget().getType());
		assertEquals(core.readout().channels(), fit.readoutVsTarget().getStackSize(), "one slice per channel");
		assertNotNull(fit.cvError().getPlot(), "a plot that keeps its data");
		for (final String f : List.of("readout.json", "readout_channels.csv", "cv_error.png", "readout_vs_target.png"))
			CommandsTest.assertFile(pics.resolve(f));
		final JsonObject json = JsonParser.parseString(Files.readString(pics.resolve("readout.json"))).getAsJsonObject();
		assertEquals(core.readout().penalty(), json.get("penalty").getAsDouble(), 0);
		assertArrayEquals(trained.readoutWeights()[0], NetworkFile.load(net).readoutWeights()[0], 0, "the trained readout stays");

		// the same name again: refused, the stored readout untouched; with overwrite ticked, replaced
		final Module again = run(FitReadout.class, "network_file", net.toFile(), "readout_name", "shifted", "method", "rls",
			"trials_fit", 3, "trials_heldout", 1, "folds", 2);
		assertTrue(CommandsTest.canceled(again));
		assertEquals("readout_name: 'shifted' already exists in " + net + "; choose another name or tick 'Overwrite existing " +
			"files' (overwrite=true) to replace it", CommandsTest.reason(again));
		assertEquals("ridge", ReadoutFile.get(net, "shifted").method());
		final Module replaced = run(FitReadout.class, "network_file", net.toFile(), "readout_name", "shifted", "method", "rls",
			"trials_fit", 3, "trials_heldout", 1, "folds", 2, "overwrite", true);
		CommandsTest.assertRan(replaced);
		assertEquals("rls", ReadoutFile.get(net, "shifted").method());
		assertNull(((FitReadout) CommandsTest.command(replaced)).cvError(), "no penalty to choose for RLS");

		// a new name into the same output folder: its files are not replaced unasked either
		final Module folder = run(FitReadout.class, "network_file", net.toFile(), "readout_name", "other", "trials_fit", 3,
			"trials_heldout", 1, "folds", 2, "output_folder", pics.toFile());
		assertEquals("output_folder: " + pics + " already holds readout.json, readout_channels.csv, cv_error.png, " +
			"readout_vs_target.png from an earlier run; choose another folder or tick 'Overwrite existing files' " +
			"(overwrite=true) to replace them", CommandsTest.reason(folder));
		assertFalse(ReadoutFile.list(net).containsKey("other"), "refused before the fit");
	}

	@Test
	void testSpikingNetworkTestsWithANamedReadout(@TempDir final Path dir) throws Exception {
		final Path net = network(dir);
		final ReadoutStage.Result fit = ReadoutStage.fit(trained, task(trained), ReadoutOptions.DEFAULTS.withName("deriv")
			.withSignals("derivative").withTrials(3, 1).withFolds(2), Progress.NONE);
		ReadoutFile.add(net, fit.readout(), false);
		final Module m = run(TestSpikingNetwork.class, "network_file", net.toFile(), "trials_test", 2, "readout_name", "deriv");
		CommandsTest.assertRan(m);
		final TestSpikingNetwork test = CommandsTest.command(m);
		final TestResult core = TestStage.run(trained, task(trained), 2, Progress.NONE, ReadoutFile.get(net, "deriv"));
		assertArrayEquals(core.nmse(), test.result().nmse(), 0);
		assertEquals(core.nmse()[1], test.table().getValue(ResultTables.NMSE, 1), 0);
		final TestResult plain = TestStage.run(trained, task(trained), 2, Progress.NONE);
		final Module empty = run(TestSpikingNetwork.class, "network_file", net.toFile(), "trials_test", 2, "readout_name", "");
		assertArrayEquals(plain.nmse(), ((TestSpikingNetwork) CommandsTest.command(empty)).result().nmse(), 0,
			"empty: the readout learned in training");

		final Module unknown = run(TestSpikingNetwork.class, "network_file", net.toFile(), "readout_name", "nope");
		assertEquals("readout: 'nope' is not in " + net + "; it has [deriv]", CommandsTest.reason(unknown));
	}

	/** A table of three signals on the one-output network: a readout of three channels, tested and exported as such. */
	@Test
	void aFileOfAnyNumberOfChannelsIsReadOutTestedAndExported(@TempDir final Path dir) throws Exception {
		final Path net = network(dir), pics = dir.resolve("readout"), signals = dir.resolve("three.csv");
		final StringBuilder csv = new StringBuilder("sin,cos,ramp\n");
		for (int t = 0; t < 1000; t++) csv.append(Math.sin(t / 159.0)).append(',').append(Math.cos(t / 159.0)).append(',')
			.append(t / 1000.0).append('\n');
		Files.writeString(signals, csv.toString());
		final Module m = run(FitReadout.class, "network_file", net.toFile(), "readout_name", "three", "signals", "file:" + signals,
			"trials_fit", 3, "trials_heldout", 2, "folds", 3, "output_folder", pics.toFile());
		CommandsTest.assertRan(m);
		final FitReadout fit = CommandsTest.command(m);
		assertEquals(3, ReadoutFile.get(net, "three").channels(), "one readout channel per signal");
		assertEquals(3, fit.table().size());
		assertEquals(3, fit.readoutVsTarget().getStackSize());
		for (int c = 1; c <= 3; c++) CommandsTest.assertFile(pics.resolve("readout_vs_target_ch" + c + ".png"));
		final Module again = run(FitReadout.class, "network_file", net.toFile(), "readout_name", "other", "signals", "file:" +
			signals, "trials_fit", 3, "trials_heldout", 2, "folds", 3, "output_folder", pics.toFile());
		assertTrue(CommandsTest.reason(again).contains("readout_vs_target_ch3.png"), CommandsTest.reason(again));

		final Module test = run(TestSpikingNetwork.class, "network_file", net.toFile(), "trials_test", 2, "readout_name", "three");
		CommandsTest.assertRan(test);
		assertEquals(3, ((TestSpikingNetwork) CommandsTest.command(test)).result().targets()[0].length);
		final Path out = dir.resolve("export");
		CommandsTest.assertRan(run(ExportSpikesAndTraces.class, "network_file", net.toFile(), "trials_test", 2, "voltages", "",
			"readout_name", "three", "output_folder", out.toFile()));
		assertArrayEquals(new int[] { 2, 3, 1000 }, Npz.read(out.resolve("export.npz")).array("output").shape());

		Files.writeString(signals, "sin,cos\n1,2\n3,4\n");
		assertEquals("signals: " + signals + ": condition '1' lasts 2 steps of 0.001 s but the task's trials last 1000; give " +
			"signals as long as the trials, one row per step (or with a time column)", CommandsTest.reason(run(FitReadout.class,
			"network_file", net.toFile(), "readout_name", "two", "signals", "file:" + signals, "trials_fit", 3, "folds", 3)));
		assertEquals("readout: 'three' reads out 3 channels but its signals file:" + signals + " now have 2; fit it again with " +
			"the readout command", CommandsTest.reason(run(TestSpikingNetwork.class, "network_file", net.toFile(), "readout_name",
			"three")));
	}

	/**
	 * signals=image: an open image of the signals (uncalibrated: one sample per time step, as a file without a time
	 * column) gives the same readout as the same numbers in a file; the readout records the image's title.
	 */
	@Test
	void anOpenImageOfSignalsFitsTheSameReadoutAsAFileOfThem(@TempDir final Path dir) throws Exception {
		final Path net = network(dir), signals = dir.resolve("two.csv");
		final ij.process.FloatProcessor fp = new ij.process.FloatProcessor(1000, 2);
		final StringBuilder csv = new StringBuilder("a,b\n");
		for (int t = 0; t < 1000; t++) { // multiples of 1/1024: the same numbers as float pixels and as CSV text
			final double a = Math.round(1024 * Math.sin(t / 159.0)) / 1024.0, b = Math.round(1024 * t / 1000.0) / 1024.0;
			fp.setf(t, 0, (float) a);
			fp.setf(t, 1, (float) b);
			csv.append(a).append(',').append(b).append('\n');
		}
		Files.writeString(signals, csv.toString());
		final ImagePlus image = new ImagePlus("my signals", fp);
		final Object[] common = { "network_file", net.toFile(), "trials_fit", 3, "trials_heldout", 2, "folds", 3 };
		CommandsTest.assertRan(run(FitReadout.class, concat(common, "readout_name", "fromfile", "signals", "file:" + signals)));
		final Module m = run(FitReadout.class, concat(common, "readout_name", "fromimage", "signals", "image", "signals_image", image));
		CommandsTest.assertRan(m);
		final Readout fromFile = ReadoutFile.get(net, "fromfile"), fromImage = ReadoutFile.get(net, "fromimage");
		assertEquals("image:my signals", fromImage.signals(), "the readout records where its signals came from");
		assertEquals(2, fromImage.channels(), "one channel per image row");
		assertEquals(fromFile.penalty(), fromImage.penalty(), 0);
		for (int c = 0; c < 2; c++) assertArrayEquals(fromFile.weights()[c], fromImage.weights()[c], 0, "channel " + (c + 1));
		assertEquals(2, ((FitReadout) CommandsTest.command(m)).table().size());

		// another signals value: the image is ignored
		CommandsTest.assertRan(run(FitReadout.class, concat(common, "readout_name", "plain", "signals", "output", "signals_image", image)));
		assertEquals("output", ReadoutFile.get(net, "plain").signals());

		// the image's signals are not kept with the network: a test with that readout says so
		assertTrue(CommandsTest.reason(run(TestSpikingNetwork.class, "network_file", net.toFile(), "trials_test", 1,
			"readout_name", "fromimage")).startsWith("signals: 'image:my signals' names an open image, which is not kept"));

		// an image that does not fit the trials: the same message as for a file, naming the image
		final Module shortImage = run(FitReadout.class, concat(common, "readout_name", "short", "signals", "image", "signals_image",
			new ImagePlus("short", new ij.process.FloatProcessor(10, 1))));
		assertEquals("signals: image 'short': condition '1' lasts 10 steps of 0.001 s but the task's trials last 1000; give " +
			"signals as long as the trials, one row per step (or with a time column)", CommandsTest.reason(shortImage));
	}

	private static Object[] concat(final Object[] a, final Object... b) {
		final Object[] all = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	@Test
	void fitReadoutBadInputGivesTheCoresMessage(@TempDir final Path dir) throws Exception {
		final Path net = network(dir);
		assertEquals("method: must be one of [ridge, rls] (got 'lasso')", CommandsTest.reason(run(FitReadout.class,
			"network_file", net.toFile(), "method", "lasso")));
		assertEquals("readout_name: 'default' is the readout learned in training; choose another name", CommandsTest.reason(
			run(FitReadout.class, "network_file", net.toFile(), "readout_name", "default")));
		assertEquals("folds: must not exceed trials_fit (3): each fold holds whole trials", CommandsTest.reason(
			run(FitReadout.class, "network_file", net.toFile(), "trials_fit", 3, "folds", 5)));
		assertTrue(ReadoutFile.list(net).isEmpty(), "nothing stored");
	}

	@Test
	void sweepRunsTheCoresSweepResumesAndReportsTheExpansionFactor(@TempDir final Path dir) throws Exception {
		final Path out = dir.resolve("sweep"), core = dir.resolve("core");
		final Object[] inputs = { "task", "oscillation", "neuron_counts", "20, 30", "seeds", "1", "rate_units", 20, "trials_init",
			1, "trials_pca", 2, "trials_demean", 2, "trials_rls", 2, "trials_test", 2, "threads", 2, "tolerance", 1.5,
			"baseline", true, "executor", "local", "output_folder", out.toFile() };
		final Module m = run(SweepNetworkSize.class, inputs);
		CommandsTest.assertRan(m);
		final SweepNetworkSize sweep = CommandsTest.command(m);
		final SweepSpec spec = new SweepSpec(TrainingConfig.DEFAULTS.with("rate_units", "20").withTrials(new TrialCounts(1, 2, 2,
			2, 2)), Map.of("neurons", List.of("20", "30")), List.of(1L), 1.5, true);
		final SweepResult expected = SweepRunner.run(spec, core, 1, new SweepRunner.Listener() {});
		assertEquals(3, sweep.table().size(), "a rate baseline and two points");
		for (final SweepTable.Row row : expected.rows()) {
			int i = 0;
			while (!sweep.table().getStringValue("key", i).equals(row.key())) i++;
			assertEquals(row.kind(), sweep.table().getStringValue("kind", i));
			assertEquals(row.medianNmse(), sweep.table().getValue("median_test_nmse", i), 0, row.key());
			assertEquals(row.rateHz(), sweep.table().getValue("mean_rate_hz", i), 0, row.key());
		}
		assertEquals(expected.summaryLines(), List.of(sweep.expansion().split("\n")));
		assertTrue(sweep.expansion().startsWith("rate baseline (Ñ = 20): median test nMSE "), sweep.expansion());
		assertTrue(sweep.expansion().contains("expansion factor"), sweep.expansion());
		assertNotNull(sweep.sweepPlot().getPlot(), "a plot that keeps its data");
		assertNull(sweep.jobId(), "local executor");
		for (final String f : List.of("sweep.csv", "sweep.json", "sweep.png")) CommandsTest.assertFile(out.resolve(f));
		assertEquals(4, Files.readAllLines(out.resolve("sweep.csv")).size());

		// the same folder again: every point is skipped (the table, wall times included, stays as it was)
		final String before = Files.readString(out.resolve("sweep.csv"));
		final Module again = run(SweepNetworkSize.class, inputs);
		CommandsTest.assertRan(again);
		assertEquals(before, Files.readString(out.resolve("sweep.csv")));
		assertEquals(3, ((SweepNetworkSize) CommandsTest.command(again)).table().size());
	}

	@Test
	void sweepBadInputGivesTheCoresMessage(@TempDir final Path dir) throws Exception {
		final Path out = dir.resolve("s");
		assertEquals("seeds: lists a seed twice: [1, 1]", CommandsTest.reason(run(SweepNetworkSize.class, "output_folder",
			out.toFile(), "seeds", "1,1")));
		assertTrue(CommandsTest.reason(run(SweepNetworkSize.class, "output_folder", out.toFile(), "neuron_counts", "20,-3"))
			.startsWith("neurons: must be at least 1"));
		assertTrue(CommandsTest.reason(run(SweepNetworkSize.class, "output_folder", out.toFile(), "neuron_counts", "20,many"))
			.startsWith("neuron_counts: "));
		assertEquals("executor: must be local or slurm (got 'cloud')", CommandsTest.reason(run(SweepNetworkSize.class,
			"output_folder", out.toFile(), "executor", "cloud")));
		assertEquals("slurm_time: must be a SLURM time such as 02:00:00 or 1-00:00:00 (got 'soon')", CommandsTest.reason(run(
			SweepNetworkSize.class, "output_folder", out.toFile(), "executor", "slurm", "slurm_time", "soon")));
		assertFalse(Files.exists(out), "nothing written");
	}

	@Test
	void exportWritesTheCoresFilesAndRefusesToOverwriteThem(@TempDir final Path dir) throws Exception {
		final Path net = network(dir), out = dir.resolve("export");
		final Object[] inputs = { "network_file", net.toFile(), "trials_test", 2, "voltages", "0, 3", "output_folder", out.toFile() };
		CommandsTest.assertRan(run(ExportSpikesAndTraces.class, inputs));
		final Export.Data core = Export.run(trained, task(trained), 2, new int[] { 0, 3 }, null, Progress.NONE);
		for (final String f : ExportSpikesAndTraces.FILES) CommandsTest.assertFile(out.resolve(f));
		assertEquals(core.result().spikeNeuron().length + 1, Files.readAllLines(out.resolve("spikes.csv")).size());
		final Npz.Contents npz = Npz.read(out.resolve("export.npz"));
		assertArrayEquals(new int[] { 2, 2, 1000 }, npz.array("voltage").shape());
		assertArrayEquals(core.voltages()[1][1], java.util.Arrays.copyOfRange(npz.array("voltage").doubles(), 3000, 4000), 0);

		final String spikes = Files.readString(out.resolve("spikes.csv"));
		final Module refused = run(ExportSpikesAndTraces.class, "network_file", net.toFile(), "trials_test", 1, "voltages", "",
			"output_folder", out.toFile());
		assertTrue(CommandsTest.canceled(refused));
		assertEquals("output_folder: " + out + " already holds spikes.csv, rates.csv, traces.csv, export.npz from an earlier " +
			"run; choose another folder or tick 'Overwrite existing files' (overwrite=true) to replace them",
			CommandsTest.reason(refused));
		assertEquals(spikes, Files.readString(out.resolve("spikes.csv")), "untouched");
		CommandsTest.assertRan(run(ExportSpikesAndTraces.class, "network_file", net.toFile(), "trials_test", 1, "voltages", "",
			"output_folder", out.toFile(), "overwrite", true));
		assertArrayEquals(new int[] { 1, 0, 0 }, Npz.read(out.resolve("export.npz")).array("voltage").shape());

		final Path nwb = dir.resolve("nwb");
		CommandsTest.assertRan(run(ExportSpikesAndTraces.class, "network_file", net.toFile(), "trials_test", 2, "voltages", "0, 3",
			"format", "nwb", "output_folder", nwb.toFile()));
		assertFalse(Files.exists(nwb.resolve("spikes.csv")), "the format nwb writes export.nwb alone");
		try (io.jhdf.HdfFile h = new io.jhdf.HdfFile(nwb.resolve("export.nwb"))) {
			assertEquals(core.result().spikeNeuron().length, ((double[]) h.getDatasetByPath("units/spike_times").getData()).length);
			assertArrayEquals(java.util.Arrays.stream(core.result().spikeCounts()).asLongStream().toArray(),
				(long[]) h.getDatasetByPath("analysis/spike_counts").getData());
		}
		assertEquals("format: unknown format 'mat'; use csv (CSV files and export.npz), nwb (export.nwb, Neurodata Without " +
			"Borders) or all", CommandsTest.reason(run(ExportSpikesAndTraces.class, "network_file", net.toFile(), "format", "mat",
				"output_folder", dir.resolve("mat").toFile())));
		assertEquals("voltages: neuron 99 does not exist; use 0..39", CommandsTest.reason(run(ExportSpikesAndTraces.class,
			"network_file", net.toFile(), "voltages", "1,99", "output_folder", dir.resolve("other").toFile())));
	}

	@Test
	void commandsThatWriteFilesRefuseToOverwriteUnlessAsked(@TempDir final Path dir) throws Exception {
		final Path targets = dir.resolve("t.npz");
		Files.writeString(targets, "keep me");
		final Module g = run(GenerateRateTargets.class, "rate_units", 20, "trials_init", 1, "trials_pca", 2, "targets_file",
			targets.toFile());
		assertEquals("targets_file: " + targets + " already exists; choose another file or tick 'Overwrite existing files' " +
			"(overwrite=true) to replace it", CommandsTest.reason(g));
		assertEquals("keep me", Files.readString(targets));
		CommandsTest.assertRan(run(GenerateRateTargets.class, "rate_units", 20, "trials_init", 1, "trials_pca", 2,
			"targets_file", targets.toFile(), "overwrite", true));

		final Path net = network(dir);
		final long size = Files.size(net);
		final Module t = run(TrainSpikingNetwork.class, "targets_file", targets.toFile(), "network_file", net.toFile(),
			"neurons", 20, "trials_init", 1, "trials_demean", 1, "trials_rls", 1, "trials_test", 1);
		assertTrue(CommandsTest.reason(t).startsWith("network_file: " + net + " already exists"), CommandsTest.reason(t));
		assertEquals(size, Files.size(net));

		final Path pics = dir.resolve("pics");
		Files.createDirectories(pics);
		Files.writeString(pics.resolve("raster.tif"), "keep me");
		final Module test = run(TestSpikingNetwork.class, "network_file", net.toFile(), "trials_test", 1, "output_folder",
			pics.toFile());
		assertEquals("output_folder: " + pics + " already holds raster.tif from an earlier run; choose another folder or tick " +
			"'Overwrite existing files' (overwrite=true) to replace it", CommandsTest.reason(test));

		final Path run = dir.resolve("run");
		Files.createDirectories(run);
		Files.writeString(run.resolve("summary.json"), "{}");
		final Module all = run(TrainAllSteps.class, "output_folder", run.toFile(), "rate_units", 20, "neurons", 20);
		assertTrue(CommandsTest.reason(all).startsWith("output_folder: " + run + " already holds summary.json from an earlier run"),
			CommandsTest.reason(all));
		assertEquals("{}", Files.readString(run.resolve("summary.json")));
	}

	@Test
	void theOverwriteCheckboxIsNotRememberedBetweenRuns() {
		for (final Class<? extends Rate2SpikeCommand> cls : CommandsTest.COMMANDS) {
			final var in = commands.getCommand(cls).getInput("overwrite");
			if (cls == SweepNetworkSize.class || cls == TuneSettings.class) {
				assertNull(in, "a sweep or search resumes in its folder instead");
				continue;
			}
			if (cls == TracesFromRois.class) {
				assertNull(in, "makes an image and a table, writes no files");
				continue;
			}
			assertTrue(in != null && !in.isPersisted() && in.getType() == boolean.class, cls.getSimpleName());
		}
	}
}
