package org.rate2spike.format;


import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.rate2spike.util.ParameterException;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

/**
 * Data for the {@code data} task, from tables and images.
 *
 * <p><b>Tables</b> ({@code .csv}: comma-separated; {@code .tsv}, {@code .tab}: tab-separated; other names: tab if
 * the header has a tab, else comma): a header row naming the columns; an optional {@code condition} column (any
 * label; conditions in order of first appearance); an optional {@code time} column (seconds, increasing within each
 * condition; without it, rows are {@code sample_interval} apart); every other column is one channel. Rows are samples
 * in time order within each condition. Blank lines are skipped; cells may be quoted with {@code "}.
 *
 * <p><b>Images</b> (TIFF or anything ImageJ opens; 8-, 16- or 32-bit grayscale): width = time samples, height =
 * channels, slices = conditions (slice labels name them when all are present and distinct). The sample interval is
 * the x calibration when its unit is a time unit (s, ms, min, µs), else the frame interval, else
 * {@code sample_interval}.
 *
 * <p>A uniform sample interval (also one found from a {@code time} column whose steps agree to 10⁻⁶) is rounded to
 * 12 significant digits, so that the same data as a table and as an image give the same numbers.
 */
public final class DataFiles {

	private DataFiles() {}

	/** A table or an image, by the file's name. */
	public static Dataset read(final Path file, final double sampleInterval) throws IOException {
		if (!Files.exists(file)) throw new FileFormatException(file, "does not exist");
		if (Files.isDirectory(file)) throw new FileFormatException(file, "is a folder, not a table or image");
		return isTable(file) ? readTable(file, sampleInterval) : readImage(file, sampleInterval);
	}

	static boolean isTable(final Path file) {
		final String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".tab") || n.endsWith(".txt");
	}

	// ---------------------------------------------------------------- tables

	public static Dataset readTable(final Path file, final double sampleInterval) throws IOException {
		final List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (final java.nio.charset.CharacterCodingException e) {
			throw new FileFormatException(file, "is not UTF-8 text (" + notUtf8(file) + "); save it as UTF-8 " +
				"(e.g. in a spreadsheet: Save As > CSV UTF-8)");
		}
		int first = 0;
		while (first < lines.size() && lines.get(first).isBlank()) first++;
		if (first == lines.size()) throw new FileFormatException(file, "is empty; a table needs a header row and data rows");
		final String headerLine = strip(lines.get(first));
		final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		final char sep = name.endsWith(".csv") ? ',' : name.endsWith(".tsv") || name.endsWith(".tab") ? '\t'
			: headerLine.indexOf('\t') >= 0 ? '\t' : ',';
		final String[] header = split(headerLine, sep);
		int conditionCol = -1, timeCol = -1;
		final List<Integer> channelCols = new ArrayList<>();
		final Set<String> seen = new HashSet<>();
		for (int i = 0; i < header.length; i++) {
			final String h = header[i];
			if (h.isEmpty()) throw new FileFormatException(file, "row " + (first + 1) + " (the header): column " + (i + 1) + " has no name");
			if (!seen.add(h)) throw new FileFormatException(file, "row " + (first + 1) + " (the header): column name '" + h + "' appears twice");
			if (h.equalsIgnoreCase("condition")) conditionCol = i;
			else if (h.equalsIgnoreCase("time")) timeCol = i;
			else channelCols.add(i);
		}
		if (channelCols.isEmpty()) throw new FileFormatException(file, "the header names no channel columns (only condition/time)");
		if (timeCol < 0 && !(sampleInterval > 0)) throw new ParameterException("sample_interval", file +
			" has no time column; give the seconds between rows with --sample-interval (or add a 'time' column)");

		final Map<String, List<double[]>> rows = new LinkedHashMap<>(); // condition -> [time, ch...] per row
		final Map<String, Integer> lastRow = new LinkedHashMap<>();
		for (int r = first + 1; r < lines.size(); r++) {
			final String line = strip(lines.get(r));
			if (line.isBlank()) continue;
			final int row = r + 1;
			final String[] cells = split(line, sep);
			if (cells.length != header.length) throw new FileFormatException(file, "row " + row + " has " + cells.length +
				" cells but the header has " + header.length + " (a ragged row: check for missing or extra " +
				(sep == '\t' ? "tabs" : "commas") + ")");
			final String cond = conditionCol < 0 ? "1" : cells[conditionCol];
			if (cond.isEmpty()) throw new FileFormatException(file, "row " + row + ": the condition cell is empty");
			final double[] v = new double[1 + channelCols.size()];
			v[0] = timeCol < 0 ? Double.NaN : number(file, row, header[timeCol], cells[timeCol]);
			for (int k = 0; k < channelCols.size(); k++) v[1 + k] = number(file, row, header[channelCols.get(k)], cells[channelCols.get(k)]);
			final List<double[]> list = rows.computeIfAbsent(cond, c -> new ArrayList<>());
			if (timeCol >= 0 && !list.isEmpty() && !(v[0] > list.get(list.size() - 1)[0])) throw new FileFormatException(file,
				"row " + row + ": time " + cells[timeCol] + " does not come after the previous row of condition '" + cond +
				"' (rows are samples in time order within each condition)");
			list.add(v);
			lastRow.put(cond, row);
		}
		if (rows.isEmpty()) throw new FileFormatException(file, "has a header but no data rows");
		final int n = rows.size(), channels = channelCols.size();
		final String[] labels = rows.keySet().toArray(new String[0]);
		final String[] names = new String[channels];
		for (int k = 0; k < channels; k++) names[k] = header[channelCols.get(k)];
		final double[][][] values = new double[n][][];
		final double[][] times = new double[n][];
		for (int c = 0; c < n; c++) {
			final List<double[]> list = rows.get(labels[c]);
			if (list.size() < 2) throw new FileFormatException(file, "condition '" + labels[c] + "' has only one row (row " +
				lastRow.get(labels[c]) + "); every condition needs at least two samples");
			values[c] = new double[channels][list.size()];
			times[c] = new double[list.size()];
			for (int j = 0; j < list.size(); j++) {
				final double[] v = list.get(j);
				times[c][j] = timeCol < 0 ? j * sampleInterval : v[0] - list.get(0)[0];
				for (int k = 0; k < channels; k++) values[c][k][j] = v[1 + k];
			}
		}
		final double interval = timeCol < 0 ? sampleInterval : uniformInterval(times);
		if (interval > 0) return Dataset.uniform(file.toString(), labels, names, values, roundInterval(interval));
		return new Dataset(file.toString(), labels, names, values, times);
	}

	/** Where the first byte that is not UTF-8 is, by row, and what the text probably is. */
	private static String notUtf8(final Path file) {
		try {
			final byte[] b = Files.readAllBytes(file);
			final java.nio.charset.CharsetDecoder d = StandardCharsets.UTF_8.newDecoder();
			int row = 1, start = 0;
			for (int i = 0; i < b.length; i++) {
				if (b[i] == '\n') {
					try {
						d.decode(java.nio.ByteBuffer.wrap(b, start, i - start));
					}
					catch (final java.nio.charset.CharacterCodingException e) {
						break;
					}
					row++;
					start = i + 1;
				}
			}
			return "row " + row + " holds bytes that are not UTF-8, probably Latin-1 or Windows-1252";
		}
		catch (final IOException e) {
			return "bytes that are not UTF-8";
		}
	}

	private static String strip(final String line) {
		return line.startsWith("\uFEFF") ? line.substring(1) : line;
	}

	private static String[] split(final String line, final char sep) {
		final List<String> cells = new ArrayList<>();
		final StringBuilder b = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			final char ch = line.charAt(i);
			if (ch == '"') {
				if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					b.append('"');
					i++;
				}
				else quoted = !quoted;
			}
			else if (ch == sep && !quoted) {
				cells.add(b.toString().trim());
				b.setLength(0);
			}
			else b.append(ch);
		}
		cells.add(b.toString().trim());
		return cells.toArray(new String[0]);
	}

	private static double number(final Path file, final int row, final String column, final String cell) {
		final double v;
		try {
			v = Double.parseDouble(cell);
		}
		catch (final NumberFormatException e) {
			throw new FileFormatException(file, "row " + row + ", column '" + column + "': " +
				(cell.isEmpty() ? "the cell is empty" : "'" + cell + "' is not a number"));
		}
		if (!Double.isFinite(v)) throw new FileFormatException(file, "row " + row + ", column '" + column + "': " + cell +
			" is not allowed; every cell must be a finite number (fill in or drop missing samples)");
		return v;
	}

	/** The common step of times that are uniform to 10⁻⁶ in every condition, else 0. */
	static double uniformInterval(final double[][] times) {
		double interval = 0;
		for (final double[] t : times) {
			final double step = t[t.length - 1] / (t.length - 1);
			if (interval == 0) interval = step;
			if (Math.abs(step - interval) > 1e-6 * interval) return 0;
			for (int j = 0; j < t.length; j++) if (Math.abs(t[j] - j * interval) > 1e-6 * interval) return 0;
		}
		return interval;
	}

	static double roundInterval(final double interval) {
		return new BigDecimal(interval).round(new MathContext(12)).doubleValue();
	}

	// ---------------------------------------------------------------- images

	public static Dataset readImage(final Path file, final double sampleInterval) {
		final ImagePlus imp = new Opener().openImage(file.toAbsolutePath().toString());
		if (imp == null) throw new FileFormatException(file, "cannot be opened as an image or read as a table " +
			"(tables need the extension .csv, .tsv, .tab or .txt)");
		checkComplete(file, imp);
		return fromImage(imp, file.toString(), sampleInterval);
	}

	/**
	 * Refuses an image file that holds fewer slices than its header declares (a truncated TIFF: ImageJ opens the slices
	 * that are there and drops the rest, and their labels, without a word).
	 */
	static void checkComplete(final Path file, final ImagePlus imp) {
		final ij.io.FileInfo fi = imp.getOriginalFileInfo();
		if (fi == null) return;
		final int declared = fi.nImages, found = imp.getStackSize();
		long expectedBytes = -1;
		try {
			if (declared > 1 && fi.getBytesPerPixel() > 0)
				expectedBytes = fi.getOffset() + (long) declared * ((long) fi.width * fi.height * fi.getBytesPerPixel() + fi.gapBetweenImages)
					- fi.gapBetweenImages;
			final long size = Files.size(file);
			if (declared > found || expectedBytes > size) throw new FileFormatException(file, "is truncated: its header " +
				"declares " + declared + " slices (conditions), but only " + Math.min(found, declared) + " are complete in its " +
				size + " bytes" + (expectedBytes > size ? " (" + expectedBytes + " bytes expected)" : "") +
				"; copy or save the image again");
		}
		catch (final IOException e) {
			throw new FileFormatException(file, "cannot be read: " + e.getMessage());
		}
	}

	/** An open image (e.g. Fiji's current image) as data; {@code source} names it in messages. */
	public static Dataset fromImage(final ImagePlus imp, final String source, final double sampleInterval) {
		final int type = imp.getType();
		if (type == ImagePlus.COLOR_RGB || type == ImagePlus.COLOR_256) throw new FileFormatException(source,
			"is a colour (" + (type == ImagePlus.COLOR_RGB ? "RGB" : "8-bit colour") + ") image; the data task needs a " +
			"grayscale image (8-, 16- or 32-bit), width = time, height = channels, slices = conditions");
		if (imp.getNChannels() > 1) throw new FileFormatException(source, "has " + imp.getNChannels() + " colour channels; " +
			"put the data channels in the image rows (height) and conditions in slices");
		final int width = imp.getWidth(), height = imp.getHeight(), slices = imp.getStackSize();
		if (width < 2) throw new FileFormatException(source, "is " + width + " pixel wide; width = time samples, at least two");
		final double interval = imageInterval(imp, source, sampleInterval);
		final ImageStack stack = imp.getStack();
		final String[] labels = new String[slices];
		final Set<String> distinct = new HashSet<>();
		boolean useLabels = true;
		for (int s = 0; s < slices; s++) {
			final String l = stack.getShortSliceLabel(s + 1);
			if (l == null || l.isBlank() || !distinct.add(l.trim())) useLabels = false;
			labels[s] = l == null ? "" : l.trim();
		}
		if (!useLabels) for (int s = 0; s < slices; s++) labels[s] = Integer.toString(s + 1);
		final String[] channels = new String[height];
		for (int y = 0; y < height; y++) channels[y] = "channel" + (y + 1);
		final double[][][] values = new double[slices][height][width];
		for (int s = 0; s < slices; s++) {
			final ImageProcessor ip = stack.getProcessor(s + 1);
			ip.setCalibrationTable(imp.getCalibration().getCTable());
			for (int y = 0; y < height; y++)
				for (int x = 0; x < width; x++) {
					final double v = ip.getPixelValue(x, y);
					if (!Double.isFinite(v)) throw new FileFormatException(source, "slice " + (s + 1) + " (condition '" +
						labels[s] + "'), row y = " + y + " (channel " + (y + 1) + "), sample x = " + x + ": " + v +
						" is not allowed; every pixel must be a finite number");
					values[s][y][x] = v;
				}
		}
		return Dataset.uniform(source, labels, channels, values, roundInterval(interval));
	}

	private static double imageInterval(final ImagePlus imp, final String source, final double sampleInterval) {
		final Calibration cal = imp.getCalibration();
		final double xScale = timeUnit(cal.getXUnit());
		if (xScale > 0 && cal.pixelWidth > 0) return cal.pixelWidth * xScale;
		if (cal.frameInterval > 0) {
			final double tScale = timeUnit(cal.getTimeUnit());
			return cal.frameInterval * (tScale > 0 ? tScale : 1);
		}
		if (sampleInterval > 0) return sampleInterval;
		throw new ParameterException("sample_interval", source + " has no time calibration (x unit '" + cal.getXUnit() +
			"', no frame interval); set its x calibration to the sample interval in s or ms (Image > Properties), or " +
			"give --sample-interval");
	}

	/** Seconds per unit for time units, else 0. */
	static double timeUnit(final String unit) {
		if (unit == null) return 0;
		switch (unit.trim().toLowerCase(Locale.ROOT)) {
			case "s": case "sec": case "secs": case "second": case "seconds": return 1;
			case "ms": case "msec": case "millisecond": case "milliseconds": return 1e-3;
			case "us": case "µs": case "\u03bcs": case "usec": case "microsecond": case "microseconds": return 1e-6;
			case "min": case "minute": case "minutes": return 60;
			default: return 0;
		}
	}

	// ---------------------------------------------------------------- writing

	/** Writes a uniformly sampled data set as a table with {@code condition} and {@code time} columns. */
	public static void writeTable(final Dataset d, final Path file, final char sep) throws IOException {
		final StringBuilder b = new StringBuilder("condition").append(sep).append("time");
		for (final String ch : d.channels()) b.append(sep).append(ch);
		b.append('\n');
		for (int c = 0; c < d.conditionCount(); c++)
			for (int j = 0; j < d.samples(c); j++) {
				b.append(d.conditions()[c]).append(sep).append(new BigDecimal(d.times()[c][j]).round(new MathContext(12))
					.stripTrailingZeros().toPlainString());
				for (int k = 0; k < d.channelCount(); k++) b.append(sep).append(d.values()[c][k][j]);
				b.append('\n');
			}
		Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
	}

	/**
	 * Writes a uniformly sampled data set as a 32-bit TIFF stack: width = samples, height = channels, one slice per
	 * condition (labelled), x calibration = the sample interval in s.
	 */
	public static void writeImage(final Dataset d, final Path file) throws IOException {
		final ImagePlus imp = toImage(d, file.getFileName().toString());
		final FileSaver saver = new FileSaver(imp);
		if (!(imp.getStackSize() > 1 ? saver.saveAsTiffStack(file.toString()) : saver.saveAsTiff(file.toString())))
			throw new IOException(file + ": could not be written");
	}

	/**
	 * A uniformly sampled data set as a 32-bit image in the data format: width = samples, height = channels (each
	 * row named in the image's "Info"), one labelled slice per condition, x calibrated in s.
	 */
	public static ImagePlus toImage(final Dataset d, final String title) {
		final int width = d.samples(0), height = d.channelCount();
		final ImageStack stack = new ImageStack(width, height);
		for (int c = 0; c < d.conditionCount(); c++) {
			if (d.samples(c) != width) throw new IllegalArgumentException("an image needs conditions of equal length");
			final FloatProcessor fp = new FloatProcessor(width, height);
			for (int y = 0; y < height; y++)
				for (int x = 0; x < width; x++) fp.setf(x, y, (float) d.values()[c][y][x]);
			stack.addSlice(d.conditions()[c], fp);
		}
		final ImagePlus imp = new ImagePlus(title, stack);
		final Calibration cal = imp.getCalibration();
		cal.pixelWidth = d.times()[0][1];
		cal.setXUnit("s");
		cal.setYUnit("channel");
		imp.setProperty("Info", "channels (rows, top to bottom): " + String.join(", ", d.channels()));
		return imp;
	}
}
