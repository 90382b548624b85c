package org.rate2spike.task;

import java.util.Locale;

import org.rate2spike.util.Check;
import org.rate2spike.util.ParameterException;

/**
 * Where the {@code data} task finds its data, and how it treats them.
 *
 * @param targetsFile table (CSV/TSV) or image (TIFF, …) of the desired outputs; required by the {@code data} task
 * @param inputsFile the same for input channels, or "" to cue each condition as in the {@code reach} task
 * @param factorsFile population activity whose leading PCs become the spiking network's targets directly, or "" to
 *        take the factors from the driven rate network
 * @param sampleInterval seconds between samples for tables without a {@code time} column and images without a
 *        calibration (0: not given)
 * @param normalize {@code none}, or {@code max}: each target channel divided by its largest absolute value over all
 *        conditions (so that every channel peaks at ±1)
 */
public record DataOptions(String targetsFile, String inputsFile, String factorsFile, double sampleInterval, String normalize) {

	public static final DataOptions NONE = new DataOptions("", "", "", 0, "none");
	public static final String[] NORMALIZATIONS = { "none", "max" };

	public DataOptions {
		targetsFile = targetsFile == null ? "" : targetsFile.trim();
		inputsFile = inputsFile == null ? "" : inputsFile.trim();
		factorsFile = factorsFile == null ? "" : factorsFile.trim();
		normalize = normalize == null || normalize.isBlank() ? "none" : normalize.trim().toLowerCase(Locale.ROOT);
	}

	public DataOptions validate() {
		Check.nonNegative("sample_interval", sampleInterval);
		if (!normalize.equals("none") && !normalize.equals("max"))
			throw new ParameterException("normalize", "must be none or max (got '" + normalize + "')");
		return this;
	}

	public DataOptions withTargetsFile(final String v) { return new DataOptions(v, inputsFile, factorsFile, sampleInterval, normalize); }
	public DataOptions withInputsFile(final String v) { return new DataOptions(targetsFile, v, factorsFile, sampleInterval, normalize); }
	public DataOptions withFactorsFile(final String v) { return new DataOptions(targetsFile, inputsFile, v, sampleInterval, normalize); }
	public DataOptions withSampleInterval(final double v) { return new DataOptions(targetsFile, inputsFile, factorsFile, v, normalize); }
	public DataOptions withNormalize(final String v) { return new DataOptions(targetsFile, inputsFile, factorsFile, sampleInterval, v); }
}
