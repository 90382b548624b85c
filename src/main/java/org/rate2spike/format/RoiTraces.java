package org.rate2spike.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.io.RoiDecoder;
import ij.measure.Measurements;
import ij.process.ImageProcessor;
import ij.process.ImageStatistics;

import org.rate2spike.util.ParameterException;

/**
 * Traces from a calcium-imaging (or any) time-lapse: the mean intensity inside each ROI in every frame, one trace per
 * ROI per condition, as a data set in the data format (channels = ROIs, conditions = the movie's conditions),
 * optionally as ΔF/F₀.
 * <p>
 * The movie: x, y and time. Time is the frames of a hyperstack, or the slices of a plain stack; a hyperstack with
 * both slices and frames holds one condition per slice (z). Colour channels are refused. The sample interval is the
 * movie's frame interval (Image › Properties; s, ms, min) or, without one, {@code sampleInterval}.
 * <p>
 * ΔF/F₀ = (F − F₀)/F₀ per ROI and condition, with F₀ the mean of F over the frames whose time t (s, the first frame at
 * t = 0) lies in [{@code f0Start}, {@code f0End}).
 */
public final class RoiTraces {

	/** @param deltaF ΔF/F₀ instead of the raw mean intensity; f0Start and f0End (s) bound F₀'s window */
	public record Options(double sampleInterval, boolean deltaF, double f0Start, double f0End) {

		public Options validate() {
			if (!(sampleInterval >= 0)) throw new ParameterException("frame_interval", "must be 0 (from the movie) or seconds between frames (got " + sampleInterval + ")");
			if (deltaF && !(f0End > f0Start)) throw new ParameterException("f0_end", "must come after f0_start (got " +
				f0Start + " to " + f0End + " s)");
			if (deltaF && f0Start < 0) throw new ParameterException("f0_start", "must be at least 0 s (got " + f0Start + ")");
			return this;
		}
	}

	private RoiTraces() {}

	/** The traces of {@code rois} in {@code movie}; ROI names (or "roi k") name the channels. */
	public static Dataset traces(final ImagePlus movie, final Roi[] rois, final Options options) {
		options.validate();
		final String source = "image '" + movie.getTitle() + "'";
		if (rois == null || rois.length == 0) throw new ParameterException("rois", "no ROIs: add them to the ROI Manager " +
			"or to the image's overlay, or give a RoiSet (.zip) or .roi file");
		if (movie.getNChannels() > 1) throw new FileFormatException(source, "has " + movie.getNChannels() + " colour " +
			"channels; split them (Image > Color > Split Channels) and make traces of one");
		if (movie.getType() == ImagePlus.COLOR_RGB) throw new FileFormatException(source, "is an RGB image; convert it " +
			"to 8-, 16- or 32-bit grayscale first");
		final boolean hyper = movie.getNFrames() > 1;
		final int frames = hyper ? movie.getNFrames() : movie.getNSlices();
		final int conditions = hyper ? movie.getNSlices() : 1;
		if (frames < 2) throw new FileFormatException(source, "has " + frames + " frame; traces need a time-lapse (at least two frames)");
		final double dt = interval(movie, source, options.sampleInterval());
		final String[] names = new String[rois.length];
		for (int r = 0; r < rois.length; r++) {
			final String n = rois[r].getName();
			names[r] = n == null || n.isBlank() ? "roi " + (r + 1) : n.trim();
			final java.awt.Rectangle b = rois[r].getBounds();
			if (!b.intersects(new java.awt.Rectangle(0, 0, movie.getWidth(), movie.getHeight())))
				throw new ParameterException("rois", "ROI '" + names[r] + "' lies outside the " + movie.getWidth() + " × " +
					movie.getHeight() + " image");
		}
		final double[][][] values = new double[conditions][rois.length][frames];
		for (int c = 0; c < conditions; c++)
			for (int t = 0; t < frames; t++) {
				final int index = hyper ? movie.getStackIndex(1, c + 1, t + 1) : t + 1;
				final ImageProcessor ip = movie.getStack().getProcessor(index);
				ip.setCalibrationTable(movie.getCalibration().getCTable());
				for (int r = 0; r < rois.length; r++) {
					ip.setRoi(rois[r]);
					values[c][r][t] = ImageStatistics.getStatistics(ip, Measurements.MEAN, null).mean;
				}
				ip.resetRoi();
			}
		if (options.deltaF()) deltaF(values, dt, options, names, source);
		final String[] labels = new String[conditions];
		for (int c = 0; c < conditions; c++) labels[c] = conditionLabel(movie, c, conditions);
		return Dataset.uniform(source + (options.deltaF() ? " ΔF/F₀" : " mean intensity"), labels, names, values, dt);
	}

	private static String conditionLabel(final ImagePlus movie, final int c, final int conditions) {
		if (conditions == 1) return "1";
		final String l = movie.getStack().getShortSliceLabel(movie.getStackIndex(1, c + 1, 1));
		return l == null || l.isBlank() ? Integer.toString(c + 1) : l.trim();
	}

	private static void deltaF(final double[][][] v, final double dt, final Options o, final String[] names, final String source) {
		final int from = (int) Math.ceil(o.f0Start() / dt - 1e-9), to = (int) Math.ceil(o.f0End() / dt - 1e-9);
		for (int c = 0; c < v.length; c++)
			for (int r = 0; r < v[c].length; r++) {
				final int end = Math.min(to, v[c][r].length);
				if (end <= from) throw new ParameterException("f0_start", String.format(Locale.ROOT, "the F0 window %s-%s s " +
					"holds no frame (frames every %s s, the last at %s s)", num(o.f0Start()), num(o.f0End()), num(dt), num((v[c][r].length - 1) * dt)));
				double f0 = 0;
				for (int t = from; t < end; t++) f0 += v[c][r][t];
				f0 /= end - from;
				if (!(f0 > 0)) throw new ParameterException("f0_start", String.format(Locale.ROOT, "F0 of ROI '%s' in " +
					"condition %d is %g; ΔF/F0 needs a positive baseline (subtract less background, or use raw intensities)",
					names[r], c + 1, f0));
				for (int t = 0; t < v[c][r].length; t++) v[c][r][t] = (v[c][r][t] - f0) / f0;
			}
	}

	/** A number as a person writes it: 10, 0.05, 2.95. */
	private static String num(final double v) {
		return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
	}

	private static double interval(final ImagePlus movie, final String source, final double given) {
		final double fi = movie.getCalibration().frameInterval;
		if (fi > 0) {
			final double unit = DataFiles.timeUnit(movie.getCalibration().getTimeUnit());
			return DataFiles.roundInterval(fi * (unit > 0 ? unit : 1));
		}
		if (given > 0) return given;
		throw new ParameterException("frame_interval", source + " has no frame interval; set it (Image > Properties) " +
			"or give the seconds between frames");
	}

	/** ROIs from a RoiSet (.zip, as the ROI Manager saves them) or a single .roi file. */
	public static Roi[] read(final Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new FileFormatException(file, "does not exist or is not a file");
		final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".roi")) {
			final Roi r = RoiDecoder.open(file.toString());
			if (r == null) throw new FileFormatException(file, "is not an ImageJ ROI");
			return new Roi[] { r };
		}
		final List<Roi> rois = new ArrayList<>();
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
			for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
				if (!e.getName().toLowerCase(Locale.ROOT).endsWith(".roi")) continue;
				final Roi r = new RoiDecoder(bytes(zip), e.getName()).getRoi();
				if (r == null) throw new FileFormatException(file, e.getName() + " is not an ImageJ ROI");
				if (r.getName() == null) r.setName(e.getName().replaceFirst("(?i)\\.roi$", ""));
				rois.add(r);
			}
		}
		if (rois.isEmpty()) throw new FileFormatException(file, "holds no .roi entries (a RoiSet zip as the ROI Manager saves it)");
		return rois.toArray(Roi[]::new);
	}

	private static byte[] bytes(final InputStream in) throws IOException {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		in.transferTo(out);
		return out.toByteArray();
	}
}
