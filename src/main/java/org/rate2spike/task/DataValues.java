package org.rate2spike.task;

import org.rate2spike.format.Dataset;

/**
 * Data for the {@code data} task handed over as values instead of files (an open image, an ImgLib2 image, arrays
 * from a script). Each one given replaces the file of the same role in {@link DataOptions}; null: the file, if any.
 *
 * @param targets the desired outputs, or null
 * @param inputs the input channels, or null
 * @param factors the population activity, or null
 */
public record DataValues(Dataset targets, Dataset inputs, Dataset factors) {

	public static final DataValues NONE = new DataValues(null, null, null);

	/** Targets only. */
	public static DataValues targets(final Dataset targets) {
		return new DataValues(targets, null, null);
	}

	public boolean isEmpty() {
		return targets == null && inputs == null && factors == null;
	}
}
