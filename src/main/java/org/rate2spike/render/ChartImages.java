package org.rate2spike.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.io.FileSaver;

import org.jfree.chart.JFreeChart;

/**
 * Charts as ImageJ images (plots that keep their numbers, see {@link PlotImages}), and files for pictures made
 * headless.
 */
public final class ChartImages {

	private ChartImages() {}

	/**
	 * The chart as an ImageJ plot image ({@link Charts#WIDTH} × {@link Charts#HEIGHT}) whose data macros read with
	 * {@code Plot.getValues}; a chart that is not an XY chart as an RGB picture.
	 */
	public static ImagePlus image(final JFreeChart chart, final String title) {
		return PlotImages.image(chart, title);
	}

	/** The chart drawn by JFreeChart at {@link Charts#WIDTH} × {@link Charts#HEIGHT} as an RGB image (no data kept). */
	public static ImagePlus picture(final JFreeChart chart, final String title) {
		final ImagePlus imp = new ImagePlus(title, chart.createBufferedImage(Charts.WIDTH, Charts.HEIGHT));
		if (imp.getType() != ImagePlus.COLOR_RGB) imp.setProcessor(imp.getProcessor().convertToRGB());
		return imp;
	}

	/** Writes {@code name}.png and {@code name}.svg into {@code dir}. */
	public static void save(final JFreeChart chart, final Path dir, final String name) throws IOException {
		Files.createDirectories(dir);
		Charts.savePng(chart, dir.resolve(name + ".png"));
		Charts.saveSvg(chart, dir.resolve(name + ".svg"));
	}

	/** Writes an image as TIFF (keeps the calibration and slice labels). */
	public static void saveTiff(final ImagePlus imp, final Path dir, final String name) throws IOException {
		Files.createDirectories(dir);
		final Path file = dir.resolve(name + ".tif");
		final boolean ok = imp.getStackSize() > 1 ? new FileSaver(imp).saveAsTiffStack(file.toString())
			: new FileSaver(imp).saveAsTiff(file.toString());
		if (!ok) throw new IOException("could not write " + file);
	}
}
