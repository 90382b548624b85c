package org.rate2spike.task;

import java.util.Locale;

import org.rate2spike.params.Param;
import org.rate2spike.params.ParamTable;

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
 * @param trialLayout how a trial holds a condition's data: {@code separate} (each trial starts from rest),
 *        {@code continuous} (the data alone, trials back to back) or {@code auto} (continuous for periodic data of one
 *        condition, separate otherwise); see {@link DataTask}
 * @param goCue how cued trials signal the go: {@code hold} (the third input on through the preparatory period, off
 *        where the data start) or {@code pulse} (a 20 ms pulse there); see {@link DataTask}
 */
public record DataOptions(
	@Param(name = "data_targets", value = "", aliases = "targets", description = "data task: table (CSV/TSV) or image (TIFF) of target outputs (--targets)") String targetsFile,
	@Param(name = "data_inputs", value = "", aliases = "inputs", description = "data task: table or image of inputs; empty: cue each condition (--inputs)") String inputsFile,
	@Param(name = "data_factors", value = "", aliases = "factors", description = "data task: population activity whose PCs replace the rate network's factors (--factors)") String factorsFile,
	@Param(name = "sample_interval", value = "0", min = "0", unit = "s", description = "data task: seconds between samples of tables without a time column and uncalibrated images (0: from the file)") double sampleInterval,
	@Param(name = "normalize", value = "none", choices = { "none", "max" }, description = "data task: none, or max (each target channel divided by its largest absolute value)") String normalize,
	@Param(name = "trial_layout", value = "auto", choices = { "auto", "separate", "continuous" }, description = "data task: separate (each trial starts from rest), continuous (the data alone, trials back to back, for periodic data) or auto (continuous when there is one condition whose end meets its start)") String trialLayout,
	@Param(name = "go_cue", value = "hold", choices = { "hold", "pulse" }, description = "data task, cued conditions: hold (the third input is on from the condition cue until the go, as in the method's reaching trials) or pulse (a 20 ms go pulse where the data start)") String goCue) {

	/** {@code go_cue}: the third input held on until the go (the default). */
	public static final String HOLD = "hold";

	/** {@code go_cue}: a go pulse (what networks trained before the option existed were trained with). */
	public static final String PULSE = "pulse";

	public static final DataOptions NONE = ParamTable.defaults(DataOptions.class);

	private static final ParamTable<DataOptions> TABLE = ParamTable.of(DataOptions.class);

	/** A copy with one parameter, by its snake_case name, set to {@code value}; e.g. {@code with("neurons", 1000)}. */
	public DataOptions with(final String name, final Object value) {
		return TABLE.with(this, name, value);
	}

	public DataOptions {
		targetsFile = targetsFile == null ? "" : targetsFile.trim();
		inputsFile = inputsFile == null ? "" : inputsFile.trim();
		factorsFile = factorsFile == null ? "" : factorsFile.trim();
		normalize = normalize == null || normalize.isBlank() ? "none" : normalize.trim().toLowerCase(Locale.ROOT);
		trialLayout = trialLayout == null || trialLayout.isBlank() ? "auto" : trialLayout.trim().toLowerCase(Locale.ROOT);
		goCue = goCue == null || goCue.isBlank() ? HOLD : goCue.trim().toLowerCase(Locale.ROOT);
	}

	public DataOptions validate() {
		ParamTable.check(this);
		return this;
	}

}
