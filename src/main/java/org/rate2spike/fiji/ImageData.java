package org.rate2spike.fiji;

import ij.ImagePlus;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import org.rate2spike.format.DataFiles;
import org.rate2spike.format.Dataset;
import org.rate2spike.format.FileFormatException;
import org.rate2spike.util.ParameterException;

/**
 * Data for the {@code data} task from images held in memory, for scripts and other ImgLib2 or ImageJ tools: no file
 * is written or read. The layout is the data format's: x = time samples, y = channels, the third dimension (slices)
 * = conditions. Hand the result to the use cases as {@link org.rate2spike.task.DataValues}, e.g.
 * <pre>
 * Dataset d = ImageData.of(img, "my traces", 0.02);          // ImgLib2, 20 ms per sample
 * Task task = Pipeline.task(config, DataValues.targets(d));  // then TrainRun.run(new TrainRun.Request(config, task, …))
 * </pre>
 */
public final class ImageData {

	private ImageData() {}

	/**
	 * An open ImageJ image: 8-, 16- or 32-bit, calibrated in time along x (or with a frame interval), else
	 * {@code sampleInterval} seconds per sample; slice labels name the conditions.
	 */
	public static Dataset of(final ImagePlus imp, final double sampleInterval) {
		return of(imp, "image", sampleInterval);
	}

	/** As above; a message about the image names {@code field} (e.g. {@code targets_image}). */
	public static Dataset of(final ImagePlus imp, final String field, final double sampleInterval) {
		if (imp == null) throw new ParameterException(field, "no image given");
		try {
			return DataFiles.fromImage(imp, "image '" + imp.getTitle() + "'", sampleInterval);
		}
		catch (final FileFormatException e) {
			throw new ParameterException(field, e.getMessage().replaceFirst("^file: ", ""));
		}
	}

	/**
	 * An ImgLib2 image of real values: dimension 0 = time samples, 1 = channels (optional), 2 = conditions (optional);
	 * {@code sampleInterval} seconds between samples. Values are copied once into the data set.
	 */
	public static <T extends RealType<T>> Dataset of(final RandomAccessibleInterval<T> image, final String source,
		final double sampleInterval)
	{
		if (image == null) throw new ParameterException("image", "no image given");
		final int n = image.numDimensions();
		if (n < 1 || n > 3) throw new FileFormatException(source, "has " + n + " dimensions; the data format has " +
			"time, channels and conditions (1 to 3 dimensions)");
		if (!(sampleInterval > 0)) throw new ParameterException("sample_interval", source +
			" carries no time calibration; give the seconds between samples (got " + sampleInterval + ")");
		final int width = (int) image.dimension(0), height = n > 1 ? (int) image.dimension(1) : 1,
			depth = n > 2 ? (int) image.dimension(2) : 1;
		if (width < 2) throw new FileFormatException(source, "has " + width + " time sample(s); at least two are needed");
		final double[][][] values = new double[depth][height][width];
		final RandomAccess<T> ra = image.randomAccess();
		final long[] pos = new long[n];
		for (int z = 0; z < depth; z++)
			for (int y = 0; y < height; y++)
				for (int x = 0; x < width; x++) {
					pos[0] = image.min(0) + x;
					if (n > 1) pos[1] = image.min(1) + y;
					if (n > 2) pos[2] = image.min(2) + z;
					ra.setPosition(pos);
					final double v = ra.get().getRealDouble();
					if (!Double.isFinite(v)) throw new FileFormatException(source, "condition " + (z + 1) + ", channel " +
						(y + 1) + ", sample " + x + ": " + v + " is not allowed; every value must be a finite number");
					values[z][y][x] = v;
				}
		final String[] conditions = new String[depth], channels = new String[height];
		for (int z = 0; z < depth; z++) conditions[z] = Integer.toString(z + 1);
		for (int y = 0; y < height; y++) channels[y] = "channel" + (y + 1);
		return Dataset.uniform(source, conditions, channels, values, sampleInterval);
	}
}
