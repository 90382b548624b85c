package org.rate2spike.readout;

import java.io.IOException;
import java.nio.file.Path;

import org.rate2spike.io.DataFiles;
import org.rate2spike.io.FileFormatException;
import org.rate2spike.task.Dataset;
import org.rate2spike.task.Task;
import org.rate2spike.task.Trial;
import org.rate2spike.util.ParameterException;

/**
 * Signals from a table or image ({@code file:PATH}) in the data task's formats, resampled to dt (rows without a time
 * column are one step apart), one readout channel per channel of the file. Trials are given whole: one condition for
 * every trial, or one per task condition in order.
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
		final double[][][] values = d.resample(task.dt());
		return wholeTrials(spec, file, d, values, task);
	}

	/** Each trial's signals given whole, by the trial's condition. */
	private static Signals wholeTrials(final String spec, final Path file, final Dataset d, final double[][][] values,
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
}
