package org.rate2spike.readout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import org.rate2spike.task.Task;
import org.rate2spike.task.Trial;
import org.rate2spike.util.ParameterException;

/**
 * Signals a readout can be fitted to, aligned with the task's trials: the task's outputs, their time derivative
 * (central differences, one-sided at the trial's ends), the outputs shifted in time within each trial
 * ({@code shift:0.25} reads out f_out(t + 0.25 s), wrapping around the trial, which suits periodic tasks), or any
 * signals from a table or image ({@code file:PATH}, see {@link FileSignals}), one readout channel per signal. Signals
 * from an image held in memory (an open image in Fiji) are named {@code image:TITLE} and given as a data set
 * ({@link #of}); they are not kept, so {@link #parse} refuses that spec.
 */
public interface Signals {

	/** The spec as the user wrote it. */
	String spec();

	/** Number of signals: the readout's channels. */
	int channels();

	/** The signals of one trial of the task they were made for, [channel][step]. */
	double[][] of(Trial trial);

	/** The signals {@code spec} names, for the trials of {@code task} (at its dt). */
	static Signals parse(final String spec, final Task task) {
		final String s = check(spec);
		final double dt = task.dt();
		final int outputs = task.outputs();
		if (s.equals("output")) return new Fixed(s, outputs, trial -> trial.output());
		if (s.equals("derivative")) return new Fixed(s, outputs, trial -> derivative(trial.output(), dt));
		if (s.startsWith("shift:")) {
			final long steps = Math.round(shiftSeconds(s) / dt);
			return new Fixed(s, outputs, trial -> shift(trial.output(), steps));
		}
		if (s.startsWith(IMAGE)) throw new ParameterException("signals", "'" + s + "' names an open image, which is not kept " +
			"with the network; Fiji's Fit Readout reads it when fitting (signals=image); to score or export this readout, save " +
			"the image (e.g. as TIFF) and fit again with file:PATH");
		return FileSignals.read(s, file(s), task);
	}

	/** How the spec of signals from an image starts: {@code image:TITLE}. */
	String IMAGE = "image:";

	/**
	 * Signals held in memory (e.g. an open image: width = time, height = channels, slices = conditions), in the layout
	 * a {@code file:PATH} would give; {@code spec} is what the readout records ({@code image:TITLE}).
	 */
	static Signals of(final String spec, final org.rate2spike.format.Dataset data, final Task task) {
		check(spec);
		if (data == null) throw new ParameterException("signals", "no data given for '" + spec + "'");
		return FileSignals.of(spec, data.source(), data, task);
	}

	/**
	 * {@code spec} trimmed, when it is well formed and, for {@code file:PATH}, the file exists (whether it suits the
	 * task shows only with the task); else a ParameterException naming {@code signals}.
	 */
	static String check(final String spec) {
		if (spec == null || spec.isBlank()) throw new ParameterException("signals", "is empty; use output, derivative, shift:SECONDS or file:PATH");
		final String s = spec.trim();
		if (s.equals("output") || s.equals("derivative")) return s;
		if (s.startsWith("shift:")) {
			shiftSeconds(s);
			return s;
		}
		if (s.startsWith(IMAGE)) {
			if (s.substring(IMAGE.length()).isBlank()) throw new ParameterException("signals", "'" + s + "' names no image");
			return s;
		}
		if (s.startsWith("file:")) {
			final Path file = file(s);
			if (!Files.isRegularFile(file)) throw new ParameterException("signals", file + (Files.isDirectory(file) ? " is a folder"
				: " does not exist") + "; use file:PATH with a table or image of the signals");
			return s;
		}
		throw new ParameterException("signals", "unknown signals '" + s + "'; use output, derivative, shift:SECONDS or file:PATH");
	}

	private static Path file(final String s) {
		final String path = s.substring(5).trim();
		if (path.isEmpty()) throw new ParameterException("signals", "'" + s + "' names no file; use file:PATH with a table or image");
		try {
			return Path.of(path);
		}
		catch (final java.nio.file.InvalidPathException e) {
			throw new ParameterException("signals", "'" + path + "' is not a valid path (" + e.getReason() + ")");
		}
	}

	private static double shiftSeconds(final String s) {
		final double seconds;
		try {
			seconds = Double.parseDouble(s.substring(6));
		}
		catch (final NumberFormatException e) {
			throw new ParameterException("signals", "'" + s + "' needs a number of seconds, e.g. shift:0.25");
		}
		if (!Double.isFinite(seconds)) throw new ParameterException("signals", "shift must be finite (got " + s + ")");
		return seconds;
	}

	/** Signals computed from each trial. */
	record Fixed(String spec, int channels, Function<Trial, double[][]> fn) implements Signals {
		@Override
		public double[][] of(final Trial trial) {
			return fn.apply(trial);
		}
	}

	static double[][] derivative(final double[][] x, final double dt) {
		final double[][] d = new double[x.length][];
		for (int c = 0; c < x.length; c++) {
			final double[] v = x[c];
			final int n = v.length;
			d[c] = new double[n];
			if (n < 2) continue;
			d[c][0] = (v[1] - v[0]) / dt;
			d[c][n - 1] = (v[n - 1] - v[n - 2]) / dt;
			for (int t = 1; t < n - 1; t++) d[c][t] = (v[t + 1] - v[t - 1]) / (2 * dt);
		}
		return d;
	}

	static double[][] shift(final double[][] x, final long steps) {
		final double[][] d = new double[x.length][];
		for (int c = 0; c < x.length; c++) {
			final int n = x[c].length;
			d[c] = new double[n];
			for (int t = 0; t < n; t++) d[c][t] = x[c][(int) Math.floorMod(t + steps, (long) n)];
		}
		return d;
	}
}
