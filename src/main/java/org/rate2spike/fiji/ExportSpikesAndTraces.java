package org.rate2spike.fiji;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.rate2spike.app.Output;
import org.rate2spike.task.DataOptions;
import org.rate2spike.app.NetworkRuns;
import org.rate2spike.app.SweepRun;
import org.rate2spike.app.TrainRun;
import org.rate2spike.io.ExportFiles;
import org.rate2spike.io.NetworkFile;
import org.rate2spike.io.ReadoutFile;
import org.rate2spike.protocol.Export;
import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.protocol.TrainedNetwork;
import org.rate2spike.readout.Readout;
import org.rate2spike.util.Check;
import org.rate2spike.util.ParameterException;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * The command line's {@code export} in Fiji: test trials of a saved network written for other tools — spikes.csv,
 * rates.csv, traces.csv and export.npz, or export.nwb (NWB 2.x), or both (see {@link ExportFiles}).
 */
@Plugin(type = Command.class, menuPath = Rate2SpikeCommand.MENU + ExportSpikesAndTraces.TITLE, headless = true)
public class ExportSpikesAndTraces extends Rate2SpikeCommand {

	public static final String TITLE = "Export Spikes and Traces";
	/** The files {@link ExportFiles#write} makes in the format csv. */
	static final String[] FILES = ExportFiles.CSV_FILES.toArray(new String[0]);

	@Parameter(label = "Network file", description = "a trained network (.npz) from Train Spiking Network", style = FileWidget.OPEN_STYLE)
	private File network_file;

	@Parameter(label = "Test trials", description = "test trials to run and export", min = "1", max = "100000")
	private int trials_test = 3;

	@Parameter(label = "Record potentials of neurons", description = "comma-separated neuron indices (0 … N-1) whose membrane potentials are exported; empty: none",
		required = false)
	private String voltages = "0";

	@Parameter(label = "Readout (optional)", description = "a named readout stored by Fit Readout, scored against its own signals; empty: the readout learned in training",
		required = false)
	private String readout_name = "";

	@Parameter(label = "Format", description = "csv: spikes.csv, rates.csv, traces.csv and export.npz; nwb: export.nwb " +
		"(Neurodata Without Borders 2.x, HDF5); all: both", choices = { "csv", "nwb", "all" })
	private String format = "csv";

	@Parameter(label = "Output folder", description = "folder for the exported files",
		style = FileWidget.DIRECTORY_STYLE)
	private File output_folder;

	@Parameter(label = OVERWRITE_LABEL, description = OVERWRITE_DESCRIPTION, required = false, persist = false)
	private boolean overwrite;

	private Export.Data data;

	@Override
	protected void execute() throws IOException {
		final Path file = required("network_file", network_file);
		if (output_folder == null || output_folder.getPath().isBlank()) throw new ParameterException("output_folder", "is required: choose a folder");
		final Path folder = optionalFolder("output_folder", output_folder);
		Check.atLeast("trials_test", trials_test, 1);
		final int[] neurons = intList("voltages", voltages);
		data = NetworkRuns.export(new NetworkRuns.ExportRequest(new NetworkRuns.Source(file, DataOptions.NONE),
			Output.fiji(folder, overwrite), trials_test, neurons, readout_name, ExportFiles.Format.parse(format)), progress()).data();
		if (data.result().partial()) {
			fail("cancelled after " + data.result().trials() + " of " + trials_test + " test trials; the trials done are exported");
			return;
		}
		report(String.format(Locale.ROOT, "exported %d test trials (%d spikes) to %s", data.result().trials(),
			data.result().spikeNeuron().length, folder));
	}

	/** What was exported. */
	public Export.Data data() {
		return data;
	}
}
