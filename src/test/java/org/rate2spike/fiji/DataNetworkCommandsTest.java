package org.rate2spike.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.io.NetworkFile;
import org.rate2spike.io.OldFiles;
import org.rate2spike.io.ReadoutFile;
import org.rate2spike.io.TargetsFile;
import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.protocol.TrialCounts;
import org.rate2spike.task.DataOptions;
import org.rate2spike.task.DataTask;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.module.Module;

/**
 * A network of the data task in Fiji: Test Spiking Network, Fit Readout and Export Spikes and Traces run it on the
 * data its file keeps; Test Spiking Network also on data given in its fields; a file without its data stops with the
 * fix. (Inputs persist in the preferences, which the build points at target/prefs.)
 */
class DataNetworkCommandsTest {

	private static Context context;
	private static CommandService commands;
	/** A small network trained on the shipped EMG table with normalize = max, tested on 3 trials. */
	private static Pipeline.Run trained;

	@BeforeAll
	static void start() {
		context = new Context();
		commands = context.service(CommandService.class);
		trained = Pipeline.train(TrainingConfig.DEFAULTS.withTask(DataTask.NAME)
			.withData(DataOptions.NONE.with("data_targets", "test-data/reach_emg.csv").with("normalize", "max"))
			.withTrials(new TrialCounts(1, 2, 2, 2, 3)).with("neurons", "80").with("rate_units", "40").withSeed(2), Progress.NONE);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	private static Module run(final Class<? extends Rate2SpikeCommand> cls, final Object... inputs) throws Exception {
		CommandsTest.forget(context);
		return commands.run(cls, true, inputs).get();
	}

	private static Path network(final Path dir) throws Exception {
		final Path f = dir.resolve("network.npz");
		NetworkFile.save(trained.network(), f);
		return f;
	}

	@Test
	void testRunsOnTheKeptDataOrOnDataGivenInItsFields(@TempDir final Path dir) throws Exception {
		final Path net = network(dir);
		Module m = run(TestSpikingNetwork.class, "network_file", net.toFile(), "trials_test", 3);
		CommandsTest.assertRan(m);
		assertArrayEquals(trained.test().nmse(), CommandsTest.<TestSpikingNetwork>command(m).result().nmse(),
			"the kept data give the training's test trials");

		m = run(TestSpikingNetwork.class, "network_file", net.toFile(), "trials_test", 3, "data_targets",
			Path.of("test-data/reach_emg.tif").toFile(), "normalize", "max");
		CommandsTest.assertRan(m);
		assertArrayEquals(trained.test().nmse(), CommandsTest.<TestSpikingNetwork>command(m).result().nmse(),
			"the same data as an image");

		final Path two = dir.resolve("two.csv");
		Files.writeString(two, "condition,time,a,b\n0,0,1,2\n0,0.5,1,2\n");
		m = run(TestSpikingNetwork.class, "network_file", net.toFile(), "trials_test", 3, "data_targets", two.toFile());
		assertEquals("data_targets: " + two + " has 2 channels but the network was trained on 4 target channels",
			CommandsTest.reason(m));
	}

	/** The same data as an open image (no file named) and, from a script, as an ImgLib2 image: the same trials. */
	@Test
	void openImagesAndImgLib2ImagesAreDataWithoutFiles(@TempDir final Path dir) throws Exception {
		final Path net = network(dir);
		final ij.ImagePlus emg = ij.IJ.openImage("test-data/reach_emg.tif");
		emg.setTitle("emg in memory");
		Module m = run(TestSpikingNetwork.class, "network_file", net.toFile(), "trials_test", 3, "targets_image", emg,
			"normalize", "max");
		CommandsTest.assertRan(m);
		assertArrayEquals(trained.test().nmse(), CommandsTest.<TestSpikingNetwork>command(m).result().nmse(),
			"an open image gives the trials of the file");

		final org.rate2spike.format.Dataset file = org.rate2spike.format.DataFiles.read(Path.of("test-data/reach_emg.tif"), 0);
		final int w = emg.getWidth(), h = emg.getHeight(), z = emg.getStackSize();
		final float[] values = new float[w * h * z];
		for (int s = 0; s < z; s++)
			System.arraycopy((float[]) emg.getStack().getProcessor(s + 1).convertToFloat().getPixels(), 0, values, s * w * h, w * h);
		final var img = ArrayImgs.floats(values, w, h, z);
		final org.rate2spike.format.Dataset viaImgLib2 = ImageData.of(img, "img", file.times()[0][1]);
		assertEquals(file.conditionCount(), viaImgLib2.conditionCount());
		assertEquals(file.channelCount(), viaImgLib2.channelCount());
		for (int c = 0; c < z; c++)
			for (int k = 0; k < h; k++) assertArrayEquals(file.values()[c][k], viaImgLib2.values()[c][k], 1e-6);

		final var t = org.rate2spike.pipeline.Pipeline.taskOf(trained.targets(), DataOptions.NONE.with("normalize", "max"),
			org.rate2spike.task.DataValues.targets(viaImgLib2));
		final var again = org.rate2spike.protocol.TestStage.run(trained.network(), t, 3, Progress.NONE);
		assertArrayEquals(trained.test().nmse(), again.nmse(), 1e-9, "the ImgLib2 image tests like the file");

		final ij.ImagePlus rgb = ij.IJ.createImage("colour", "RGB black", 20, 4, 1);
		m = run(TestSpikingNetwork.class, "network_file", net.toFile(), "trials_test", 3, "targets_image", rgb);
		assertTrue(CommandsTest.reason(m).startsWith("targets_image: image 'colour': is a colour (RGB) image"), CommandsTest.reason(m));
	}

	@Test
	void fitReadoutAndExportRunOnTheKeptData(@TempDir final Path dir) throws Exception {
		final Path net = network(dir);
		Module m = run(FitReadout.class, "network_file", net.toFile(), "readout_name", "again", "method", "rls",
			"trials_fit", 2, "trials_heldout", 1);
		CommandsTest.assertRan(m);
		assertTrue(ReadoutFile.list(net).containsKey("again"));
		m = run(ExportSpikesAndTraces.class, "network_file", net.toFile(), "trials_test", 2, "output_folder",
			dir.resolve("export").toFile());
		CommandsTest.assertRan(m);
		assertArrayEquals(Arrays.copyOf(trained.test().nmse(), 2),
			CommandsTest.<ExportSpikesAndTraces>command(m).data().result().nmse(), "the test trials of the kept data");
	}

	@Test
	void trainSpikingNetworkTrainsOnADataTargetsFileAlone(@TempDir final Path dir) throws Exception {
		final Path targets = dir.resolve("targets.npz"), net = dir.resolve("network.npz");
		TargetsFile.save(trained.targets(), targets);
		final Module m = run(TrainSpikingNetwork.class, "targets_file", targets.toFile(), "network_file", net.toFile(),
			"neurons", 80, "trials_init", 1, "trials_demean", 2, "trials_rls", 2, "trials_test", 3, "seed", 2L,
			"task_settings", "advise"); // the fields as they are, as the core's Pipeline.train above used them
		CommandsTest.assertRan(m);
		assertTrue(Arrays.deepEquals(trained.network().feedbackWeights(), NetworkFile.load(net).feedbackWeights()),
			"the kept data train the same network");
		final Module own = run(TrainSpikingNetwork.class, "targets_file", targets.toFile(), "network_file",
			dir.resolve("own.npz").toFile(), "neurons", 80, "trials_init", 1, "trials_demean", 2, "trials_rls", 2,
			"trials_test", 3, "seed", 2L);
		CommandsTest.assertRan(own);
		assertEquals(80, NetworkFile.load(dir.resolve("own.npz")).connectivity().trained().length,
			"left at its default, the trained fraction is the data task's own 1.0");
	}

	@Test
	void aFileWithoutItsDataStopsWithTheFix(@TempDir final Path dir) throws Exception {
		final Path net = network(dir);
		OldFiles.dropData(net);
		Module m = run(TestSpikingNetwork.class, "network_file", net.toFile(), "trials_test", 3);
		assertTrue(CommandsTest.canceled(m));
		assertTrue(CommandsTest.reason(m).startsWith("data_targets: this file was saved without the data") &&
			CommandsTest.reason(m).contains("train again"), CommandsTest.reason(m));
		m = run(ExportSpikesAndTraces.class, "network_file", net.toFile(), "output_folder", dir.resolve("export").toFile());
		assertTrue(CommandsTest.reason(m).startsWith("data_targets: this file was saved without the data"), CommandsTest.reason(m));
		m = run(TestSpikingNetwork.class, "network_file", net.toFile(), "trials_test", 3, "data_targets",
			Path.of("test-data/reach_emg.csv").toFile(), "normalize", "max");
		CommandsTest.assertRan(m);
		assertArrayEquals(trained.test().nmse(), CommandsTest.<TestSpikingNetwork>command(m).result().nmse(),
			"given again, the data test as before");
	}
}
