package org.rate2spike.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.rate2spike.protocol.Export;
import org.rate2spike.protocol.TestResult;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;

/**
 * An exported test run as an NWB 2.x file ({@code export.nwb}, HDF5, written with jHDF): the units table with each
 * neuron's spike times (absent when no neuron spiked), the trials table (start, stop, condition, nMSE), the targets ({@code acquisition/target}),
 * the network's output ({@code processing/network/output}) and recorded membrane potentials
 * ({@code acquisition/membrane_potential}) as time series, and the network's parameters (its file's meta.json) in
 * {@code general/notes}, the spike count of each neuron in {@code analysis/spike_counts}. Times count from the start of the first test trial, as in the CSV export. See
 * docs/file-formats.md for the layout and for what jHDF 0.9.4 cannot write (object references, variable-length
 * strings).
 */
public final class NwbFile {

	/** The NWB schema version the layout follows. */
	public static final String NWB_VERSION = "2.7.0";

	public static final String FILE = "export.nwb";

	private NwbFile() {}

	/**
	 * @param parameters the network's parameters as JSON (kept in {@code general/notes})
	 * @param description the session description (what was exported)
	 */
	public static void write(final Path file, final Export.Data d, final String parameters, final String description)
		throws IOException
	{
		final TestResult r = d.result();
		final String now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		Files.deleteIfExists(file); // jHDF opens without truncating
		try (WritableHdfFile f = HdfFile.write(file)) {
			typed(f, "NWBFile", "core");
			f.putAttribute("nwb_version", NWB_VERSION);
			f.putDataset("identifier", UUID.randomUUID().toString());
			f.putDataset("session_description", description);
			f.putDataset("session_start_time", now);
			f.putDataset("timestamps_reference_time", now);
			f.putDataset("file_create_date", new String[] { now });
			final WritableGroup general = f.putGroup("general");
			general.putDataset("notes", parameters);
			general.putDataset("experiment_description", "test trials of a spiking network trained by Rate2Spike; " +
				"the network's parameters (its meta.json) are in notes");
			if (r.spikeNeuron().length > 0) units(f.putGroup("units"), r); // jHDF cannot write empty datasets; units are optional
			trials(f.putGroup("intervals").putGroup("trials"), r);
			final WritableGroup acquisition = f.putGroup("acquisition");
			timeSeries(acquisition.putGroup("target"), steps(r.targets(), r), r.dt(), "a.u.",
				"the task's target outputs f_out, trials back to back (columns: output channels)");
			if (d.voltageNeurons().length > 0) timeSeries(acquisition.putGroup("membrane_potential"), steps(d.voltages(), r),
				r.dt(), "dimensionless", "membrane potentials after each step, resets included (columns: neurons " +
					java.util.Arrays.toString(d.voltageNeurons()) + ")");
			final WritableGroup network = f.putGroup("processing").putGroup("network");
			typed(network, "ProcessingModule", "core");
			network.putAttribute("description", "what the spiking network computed");
			timeSeries(network.putGroup("output"), steps(r.outputs(), r), r.dt(), "a.u.",
				"the network's read-out z, trials back to back (columns: output channels)");
			final WritableNode counts = f.putGroup("analysis").putDataset("spike_counts", java.util.Arrays.stream(r.spikeCounts())
				.asLongStream().toArray());
			counts.putAttribute("description", "spikes of each neuron (index) over the exported test trials");
			// no empty group: jHDF 0.9.4 overwrites a group written after the last dataset (so no stimulus group, which
			// would hold only the empty presentation and templates)
			if (!endsWithDataset(f)) throw new IllegalStateException("the NWB layout has an empty group, which jHDF 0.9.4 " +
				"overwrites when it closes the file");
		}
	}

	private static void typed(final WritableNode n, final String type, final String namespace) {
		n.putAttribute("neurodata_type", type);
		n.putAttribute("namespace", namespace);
		n.putAttribute("object_id", UUID.randomUUID().toString());
	}

	/** The units table: one row per neuron (id = neuron index), its spikes in time order (s). */
	private static void units(final WritableGroup g, final TestResult r) {
		typed(g, "Units", "core");
		g.putAttribute("description", "the spiking network's neurons (id = neuron index); spike times in s from the " +
			"start of the first test trial");
		final int neurons = r.spikeCounts().length;
		final long[] id = new long[neurons], index = new long[neurons];
		final int[] next = new int[neurons];
		int total = 0;
		for (int i = 0; i < neurons; i++) {
			id[i] = i;
			next[i] = total;
			total += r.spikeCounts()[i];
			index[i] = total;
		}
		final double[] times = new double[total];
		for (int q = 0; q < r.spikeNeuron().length; q++) times[next[r.spikeNeuron()[q]]++] = r.spikeStep()[q] * r.dt();
		elementIds(g, id);
		g.putAttribute("colnames", new String[] { "spike_times" });
		column(g, "spike_times", times, "spike times of each unit (s), ragged: see spike_times_index");
		final WritableNode idx = g.putDataset("spike_times_index", index);
		typedData(idx, "VectorIndex", "index into spike_times: unit i's spikes end before element spike_times_index[i]");
		idx.putAttribute("target", "/units/spike_times"); // a path: jHDF cannot write object references
	}

	/** The trials table: one row per test trial. */
	private static void trials(final WritableGroup g, final TestResult r) {
		typed(g, "TimeIntervals", "core");
		g.putAttribute("description", "the test trials, run back to back");
		g.putAttribute("colnames", new String[] { "start_time", "stop_time", "condition", "nmse" });
		final int k = r.trials();
		final long[] id = new long[k];
		final double[] start = new double[k], stop = new double[k];
		final String[] condition = new String[k];
		long offset = 0;
		for (int tr = 0; tr < k; tr++) {
			id[tr] = tr;
			start[tr] = offset * r.dt();
			offset += r.stepsPerTrial()[tr];
			stop[tr] = offset * r.dt();
			condition[tr] = r.conditionLabels()[r.conditions()[tr]];
		}
		elementIds(g, id);
		column(g, "start_time", start, "start of the trial (s)");
		column(g, "stop_time", stop, "end of the trial (s)");
		typedData(g.putDataset("condition", condition), "VectorData", "the task's condition of the trial");
		column(g, "nmse", r.nmse().clone(), "the trial's test nMSE, sum of squared error over sum of squared target");
	}

	private static void elementIds(final WritableGroup g, final long[] id) {
		final WritableNode n = g.putDataset("id", id);
		n.putAttribute("neurodata_type", "ElementIdentifiers");
		n.putAttribute("namespace", "hdmf-common");
		n.putAttribute("object_id", UUID.randomUUID().toString());
	}

	private static void column(final WritableGroup g, final String name, final double[] values, final String description) {
		typedData(g.putDataset(name, values), "VectorData", description);
	}

	private static void typedData(final WritableNode n, final String type, final String description) {
		n.putAttribute("neurodata_type", type);
		n.putAttribute("namespace", "hdmf-common");
		n.putAttribute("object_id", UUID.randomUUID().toString());
		n.putAttribute("description", description);
	}

	/** A regularly sampled TimeSeries from t = 0: data (time × columns), starting_time with its rate. */
	private static void timeSeries(final WritableGroup g, final double[][] data, final double dt, final String unit,
		final String description)
	{
		typed(g, "TimeSeries", "core");
		g.putAttribute("description", description);
		g.putAttribute("comments", "no comments");
		final WritableNode values = g.putDataset("data", data);
		values.putAttribute("unit", unit);
		values.putAttribute("conversion", 1.0f);
		values.putAttribute("resolution", -1.0f);
		values.putAttribute("offset", 0.0f);
		final WritableNode start = g.putDataset("starting_time", 0.0);
		start.putAttribute("rate", (float) (1 / dt));
		start.putAttribute("unit", "seconds");
	}

	/** [trial][column][step] as [step][column] over the trials back to back (each trial's own length). */
	static double[][] steps(final double[][][] x, final TestResult r) {
		long total = 0;
		for (int tr = 0; tr < r.trials(); tr++) total += r.stepsPerTrial()[tr];
		final int columns = x.length == 0 ? 0 : x[0].length;
		final double[][] out = new double[(int) total][columns];
		int row = 0;
		for (int tr = 0; tr < r.trials(); tr++)
			for (int t = 0; t < r.stepsPerTrial()[tr]; t++, row++)
				for (int c = 0; c < columns; c++) out[row][c] = x[tr][c][t];
		return out;
	}

	/**
	 * jHDF 0.9.4 writes its signature at the end of the last dataset's data when it closes the file: a group header
	 * written after that (an empty group last in writing order) is overwritten. Writing order is each group's children
	 * in iteration order, depth first.
	 */
	static boolean endsWithDataset(final Node n) {
		if (!n.isGroup()) return true;
		Node last = null;
		for (final Node c : (io.jhdf.api.Group) n) last = c;
		return last != null && endsWithDataset(last);
	}
}
