package org.rate2spike.readout;

import java.io.IOException;
import java.nio.file.Path;

import org.rate2spike.io.DataFiles;
import org.rate2spike.io.FileFormatException;
import org.rate2spike.task.Dataset;
import org.rate2spike.task.Trial;
import org.rate2spike.util.ParameterException;

/**
 * Signals a readout can be fitted to, aligned with the task's trials: the task's outputs, their time derivative
 * (central differences, one-sided at the trial's ends), the outputs shifted in time within each trial
 * ({@code shift:0.25} reads out f_out(t + 0.25 s), wrapping around the trial, which suits periodic tasks), or any
 * signals from a table or image ({@code file:PATH}).
 */
public interface Signals {

	/** The spec as the user wrote it. */
	String spec();

	/** The signals of one trial, [channel][step]. */
	double[][] of(Trial trial);

	static Signals parse(final String spec, final double dt) {
		if (spec == null || spec.isBlank()) throw new ParameterException("signals", "is empty; use output, derivative or shift:SECONDS");
		final String s = spec.trim();
		if (s.equals("output")) return new Fixed(s, trial -> trial.output());
		if (s.equals("derivative")) return new Fixed(s, trial -> derivative(trial.output(), dt));
		if (s.startsWith("shift:")) {
			final double seconds;
			try {
				seconds = Double.parseDouble(s.substring(6));
			}
			catch (final NumberFormatException e) {
				throw new ParameterException("signals", "'" + s + "' needs a number of seconds, e.g. shift:0.25");
			}
			if (!Double.isFinite(seconds)) throw new ParameterException("signals", "shift must be finite (got " + s + ")");
			final long steps = Math.round(seconds / dt);
			return new Fixed(s, trial -> shift(trial.output(), steps));
		}
		if (s.startsWith("file:")) return fromFile(s, Path.of(s.substring(5)), dt);
		throw new ParameterException("signals", "unknown signals '" + s + "'; use output, derivative, shift:SECONDS or file:PATH");
	}

	/**
	 * Signals from a table or image in the data task's formats (see README): one condition per task condition (or a
	 * single one for every trial), one channel per signal, resampled to dt (rows without a time column are one time
	 * step apart). Each condition must last exactly as long as the task's trials of that condition.
	 */
	static Signals fromFile(final String spec, final Path file, final double dt) {
		final Dataset d;
		try {
			d = DataFiles.read(file, dt);
		}
		catch (final IOException e) {
			throw new FileFormatException(file, "could not be read (" + e.getMessage() + ")");
		}
		final double[][][] values = d.resample(dt);
		return new Fixed(spec, trial -> {
			final int c = values.length == 1 ? 0 : trial.condition();
			if (c >= values.length) throw new FileFormatException(file, "has " + values.length + " conditions but the task has a trial of condition " + (c + 1));
			final double[][] v = values[c];
			if (v[0].length != trial.steps()) throw new FileFormatException(file, "condition " + d.conditions()[c] + " lasts " +
				v[0].length + " steps of " + dt + " s but the task's trials last " + trial.steps() + "; signals must be aligned with the trials");
			return v;
		});
	}

	record Fixed(String spec, java.util.function.Function<Trial, double[][]> fn) implements Signals {
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
