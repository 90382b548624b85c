package org.rate2spike.readout;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;

import org.rate2spike.format.DataFiles;
import org.rate2spike.format.FileFormatException;
import org.rate2spike.task.DataTask;
import org.rate2spike.format.Dataset;
import org.rate2spike.task.Task;
import org.rate2spike.task.Trial;
import org.rate2spike.util.ParameterException;

/**
 * Signals from a table or image ({@code file:PATH}, or a data set in memory such as an open image) in the data task's formats, resampled to dt (rows without a time
 * column are one step apart), one readout channel per channel of the file.
 *
 * <p>How they line up with trials depends on the task. Trials of a data task (data, reach) hold each condition's data
 * between a rest and a preparation period of random length, so no file could match them whole: the file gives each
 * condition's signals over that condition's data only, as the targets file does (conditions matched by label), and
 * every trial gets them placed into its {@link org.rate2spike.task.DataWindow} as its targets were, resting at zero.
 * Other tasks' trials are given whole: one condition for every trial, or one per task condition in order.
 */
final class FileSignals {

	private FileSignals() {}

	static Signals read(final String spec, final Path file, final Task task) {
		final Dataset d;
		try {
			d = DataFiles.read(file, task.dt());
		}
		catch (final FileFormatException e) { // "file: PATH: problem" becomes "signals: PATH: problem"
			throw new ParameterException("signals", e.getMessage().substring(e.parameter().length() + 2));
		}
		catch (final IOException e) {
			throw new ParameterException("signals", file + " could not be read (" + e.getMessage() + ")");
		}
		return of(spec, file.toString(), d, task);
	}

	/** Signals from a data set held in memory (e.g. an open image); {@code source} names it in messages. */
	static Signals of(final String spec, final String source, final Dataset d, final Task task) {
		final double[][][] values = d.resample(task.dt());
		return task instanceof DataTask data ? perCondition(spec, source, d, values, data) : wholeTrials(spec, source, d, values, task);
	}

	/** A data task's trials: each condition's signals placed into the trial's data window. */
	private static Signals perCondition(final String spec, final String file, final Dataset d, final double[][][] values,
		final DataTask task)
	{
		final String hint = "; a data network's signals are given per condition over its data only, as its targets are " +
			"(the network's conditions: " + String.join(", ", labels(task)) + "; the file's: " + String.join(", ", d.conditions()) + ")";
		final double[][][] byCondition = new double[task.conditions()][][];
		for (int c = 0; c < byCondition.length; c++) {
			final String label = task.conditionLabel(c);
			int k = d.indexOf(label);
			if (k < 0 && d.conditionCount() == 1 && task.conditions() == 1) k = 0;
			if (k < 0) throw new ParameterException("signals", file + " has no condition '" + label + "'" + hint);
			final int steps = values[k][0].length, expected = task.dataSteps(c);
			if (steps != expected) throw new ParameterException("signals", file + ": condition '" + d.conditions()[k] +
				"' lasts " + seconds(d.duration(k)) + " s (" + steps + " steps of " + task.dt() + " s) but the network's targets " +
				"of condition '" + label + "' last " + seconds((expected - 1) * task.dt()) + " s (" + expected + " steps); give " +
				"each condition's signals over its data only, as long as its targets: trials pad them as they pad the targets");
			byCondition[c] = values[k];
		}
		for (final String label : d.conditions())
			if (d.conditionCount() > 1 && !java.util.Arrays.asList(labels(task)).contains(label))
				throw new ParameterException("signals", file + " has condition '" + label + "', which the network lacks" + hint);
		final double[] rest = new double[d.channelCount()];
		return new Signals.Fixed(spec, d.channelCount(), trial -> trial.window().place(byCondition[trial.condition()], rest, 1));
	}

	/** Other tasks: each trial's signals given whole, by the trial's condition. */
	private static Signals wholeTrials(final String spec, final String file, final Dataset d, final double[][][] values,
		final Task task)
	{
		return new Signals.Fixed(spec, d.channelCount(), trial -> {
			final int c = values.length == 1 ? 0 : trial.condition();
			if (c >= values.length) throw new ParameterException("signals", file + " has " + values.length + " conditions but " +
				"the task has " + task.conditions() + "; give one condition for every trial or one per task condition");
			final double[][] v = values[c];
			if (v[0].length != trial.steps()) throw new ParameterException("signals", file + ": condition '" + d.conditions()[c] +
				"' lasts " + v[0].length + " steps of " + task.dt() + " s but the task's trials" + (values.length == 1 ? "" :
				" of condition " + (c + 1)) + " last " + trial.steps() + "; give signals as long as the trials, one row per " +
				"step (or with a time column)");
			return v;
		});
	}

	private static String[] labels(final Task task) {
		final String[] l = new String[task.conditions()];
		for (int c = 0; c < l.length; c++) l[c] = task.conditionLabel(c);
		return l;
	}

	/** Seconds to 6 significant digits, without trailing zeros (0.6, not 0.6000000000000001). */
	private static String seconds(final double s) {
		return new BigDecimal(s).round(new MathContext(6)).stripTrailingZeros().toPlainString();
	}
}
