package org.rate2spike.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.format.SyntheticCalcium;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.module.Module;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.OvalRoi;
import ij.gui.Overlay;
import ij.measure.ResultsTable;

/**
 * What a script does with an imaging experiment held in memory: a movie ImagePlus with its ROIs on the overlay,
 * Traces from ROIs, then Train (all steps) on the traces image, then the test table's nMSE column; no input file is
 * written or read. The same traces saved as a TIFF and given as a file train to the same numbers.
 */
class ImageChainTest {

	private static Context context;
	private static CommandService commands;

	@BeforeAll
	static void start() {
		context = new Context();
		commands = context.service(CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	private static Module run(final Class<? extends Rate2SpikeCommand> cls, final Object... inputs) throws Exception {
		CommandsTest.forget(context);
		final Module m = commands.run(cls, true, inputs).get();
		CommandsTest.assertRan(m);
		return m;
	}

	private static Object[] train(final Path out, final Object... data) {
		final Object[] common = { "task", "data", "sample_interval", 0.0, "normalize", "max", "trial_layout", "auto",
			"output_folder", out.toFile(), "seed", 1, "rate_units", 40, "rate_gain", 1.0, "neurons", 60, "trials_init", 2,
			"trials_pca", 5, "trials_demean", 5, "trials_rls", 5, "trials_test", 3, "chart_windows", false };
		final Object[] all = new Object[common.length + data.length];
		System.arraycopy(common, 0, all, 0, common.length);
		System.arraycopy(data, 0, all, common.length, data.length);
		return all;
	}

	@Test
	void aMovieAndItsRoisInMemoryGoToATrainedNetworkAndItsTestTable(@TempDir final Path dir) throws Exception {
		final ImagePlus movie = SyntheticCalcium.movie();
		final Overlay rois = new Overlay();
		for (final int[] c : SyntheticCalcium.CENTRES) {
			final int r = SyntheticCalcium.RADIUS;
			rois.add(new OvalRoi(c[0] - r, c[1] - r, 2 * r + 1, 2 * r + 1));
		}
		movie.setOverlay(rois);

		final Module traced = run(TracesFromRois.class, "movie", movie, "roi_file", null, "delta_f", true, "f0_start", 0.0, "f0_end", 0.5,
			"frame_interval", 0.0);
		final ImagePlus traces = (ImagePlus) traced.getOutput("traces");
		assertEquals(SyntheticCalcium.CELLS, traces.getHeight(), "one row per ROI");
		assertEquals(SyntheticCalcium.CONDITIONS.length, traces.getStackSize(), "one slice per condition");

		final Module trained = run(TrainAllSteps.class, train(dir.resolve("memory"), "targets_image", traces));
		final ResultsTable table = (ResultsTable) trained.getOutput("test_trials");
		final double[] nmse = table.getColumn("nMSE");
		assertEquals(3, nmse.length);
		for (final double e : nmse) assertTrue(Double.isFinite(e) && e >= 0, "nMSE " + e);

		final Path tif = dir.resolve("traces.tif");
		IJ.saveAsTiff(traces, tif.toString());
		final Module fromFile = run(TrainAllSteps.class, train(dir.resolve("file"), "data_targets", tif.toFile()));
		assertArrayEquals(nmse, ((ResultsTable) fromFile.getOutput("test_trials")).getColumn("nMSE"), 0.0,
			"the image in memory and the same image as a file train alike");
	}
}
