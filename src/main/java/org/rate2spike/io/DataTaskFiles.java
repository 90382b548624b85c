package org.rate2spike.io;

import java.io.IOException;
import java.nio.file.Path;

import org.rate2spike.format.DataFiles;
import org.rate2spike.format.Dataset;
import org.rate2spike.format.FileFormatException;
import org.rate2spike.task.DataOptions;
import org.rate2spike.task.DataSpec;
import org.rate2spike.task.DataTask;
import org.rate2spike.task.DataValues;
import org.rate2spike.util.ParameterException;

/** The {@code data} task from the files its options name (tables or images, read by {@link DataFiles}). */
public final class DataTaskFiles {

	private DataTaskFiles() {}

	/** The {@code data} task described by {@code options}. */
	public static DataTask task(final DataOptions options, final double dt) {
		return task(options, DataValues.NONE, dt);
	}

	/**
	 * The {@code data} task from values and files: each data set in {@code given} replaces the file of its role in
	 * {@code options}; the others are read from their files (the data entry of doors that hold data in memory).
	 */
	public static DataTask task(final DataOptions options, final DataValues given, final double dt) {
		if (given.targets() == null && options.targetsFile().isEmpty()) throw new ParameterException("data_targets",
			"the data task needs a table or image of targets: --targets FILE (see the README, 'Tasks and your own data')");
		final Dataset targets = given.targets() != null ? given.targets() : readOrFail("data_targets", options.targetsFile(), options.sampleInterval());
		final Dataset inputs = given.inputs() != null ? given.inputs()
			: options.inputsFile().isEmpty() ? null : readOrFail("data_inputs", options.inputsFile(), options.sampleInterval());
		final Dataset activity = given.factors() != null ? given.factors()
			: options.factorsFile().isEmpty() ? null : readOrFail("data_factors", options.factorsFile(), options.sampleInterval());
		return new DataSpec(targets, inputs, activity, options).task(dt);
	}

	private static Dataset readOrFail(final String param, final String file, final double sampleInterval) {
		final Path path = org.rate2spike.util.PathNames.of(param, file);
		try {
			return DataFiles.read(path, sampleInterval);
		}
		catch (final IOException e) {
			throw new FileFormatException(path, "could not be read (" + e.getMessage() + ")");
		}
	}
}
