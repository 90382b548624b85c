package org.rate2spike.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.protocol.Export;
import org.rate2spike.protocol.TestResult;
import org.rate2spike.util.ParameterException;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;

/** export.nwb read back with jHDF (and with h5py where it is installed) against the CSV export of the same run. */
public class NwbFileTest {

	/**
	 * 3 neurons (neuron 1 silent), dt 1 ms, trials of 50, 40 and 50 steps in conditions "left", "right", "left"; 2
	 * output channels; the potentials of neurons 0 and 2 recorded.
	 */
	static Export.Data data() {
		final int[] steps = { 50, 40, 50 };
		final int[] neuron = { 0, 2, 0, 2, 0, 2 }, step = { 3, 10, 49, 60, 95, 139 };
		final double[][][] z = new double[3][2][], f = new double[3][2][], v = new double[3][2][];
		for (int tr = 0; tr < 3; tr++)
			for (int c = 0; c < 2; c++) {
				z[tr][c] = new double[steps[tr]];
				f[tr][c] = new double[steps[tr]];
				v[tr][c] = new double[steps[tr]];
				for (int t = 0; t < steps[tr]; t++) {
					z[tr][c][t] = Math.sin(0.1 * t + tr + c);
					f[tr][c][t] = Math.cos(0.1 * t + tr - c);
					v[tr][c][t] = -t / 100.0 + c;
				}
			}
		final TestResult r = new TestResult(new double[] { 0.1, 0.2, 0.3 }, 0, new int[] { 3, 0, 3 }, z, f, neuron, step, steps,
			0.001, 0, false, new int[] { 0, 1, 0 }, new String[] { "left", "right" }, Map.of());
		return new Export.Data(r, new int[] { 0, 2 }, v);
	}

	@Test
	void theFileHoldsTheRequiredNwbRootAndTheRunAsTheCsvExportHasIt(@TempDir final Path dir) throws Exception {
		final Export.Data d = data();
		ExportFiles.write(dir, d, ExportFiles.Format.ALL, "{\"seed\": 7}", "3 test trials");
		assertMatchesCsv(dir);
		try (HdfFile h = new HdfFile(dir.resolve(NwbFile.FILE))) {
			assertEquals("3 test trials", h.getDatasetByPath("session_description").getData());
			assertEquals("{\"seed\": 7}", h.getDatasetByPath("general/notes").getData());
			assertEquals("/units/spike_times", h.getDatasetByPath("units/spike_times_index").getAttribute("target").getData());
			assertArrayEquals(new long[] { 3, 3, 6 }, (long[]) h.getDatasetByPath("units/spike_times_index").getData(),
				"neuron 1 is silent: an empty row");
			assertArrayEquals(new double[] { 0.003, 0.049, 0.095, 0.010, 0.060, 0.139 },
				(double[]) h.getDatasetByPath("units/spike_times").getData(), 1e-15);
			assertArrayEquals(new String[] { "left", "right", "left" }, (String[]) h.getDatasetByPath("intervals/trials/condition").getData());
			assertArrayEquals(new double[] { 0, 0.05, 0.09 }, (double[]) h.getDatasetByPath("intervals/trials/start_time").getData(), 1e-15);
			assertArrayEquals(new double[] { 0.05, 0.09, 0.14 }, (double[]) h.getDatasetByPath("intervals/trials/stop_time").getData(), 1e-15);
			assertArrayEquals(new double[] { 0.1, 0.2, 0.3 }, (double[]) h.getDatasetByPath("intervals/trials/nmse").getData(), 0);
			final double[][] target = (double[][]) h.getDatasetByPath("acquisition/target/data").getData();
			assertEquals(140, target.length, "trials back to back");
			assertEquals(d.result().targets()[1][1][7], target[50 + 7][1], 0);
			final double[][] output = (double[][]) h.getDatasetByPath("processing/network/output/data").getData();
			assertEquals(d.result().outputs()[2][0][49], output[139][0], 0);
			final double[][] v = (double[][]) h.getDatasetByPath("acquisition/membrane_potential/data").getData();
			assertEquals(d.voltages()[2][1][3], v[93][1], 0);
			assertEquals(1000f, (float) h.getDatasetByPath("processing/network/output/starting_time").getAttribute("rate").getData(), 0);
			assertArrayEquals(new long[] { 3, 0, 3 }, (long[]) h.getDatasetByPath("analysis/spike_counts").getData());
		}
	}

	/**
	 * The checks every NWB export passes, for this test and the command-line tests: required root attributes and
	 * datasets, spike counts and times per unit equal to spikes.csv's, trial table equal to traces.csv's trials.
	 */
	public static void assertMatchesCsv(final Path dir) throws IOException {
		final List<String> spikes = Files.readAllLines(dir.resolve("spikes.csv"));
		final List<String> rates = Files.readAllLines(dir.resolve("rates.csv"));
		final int neurons = rates.size() - 1;
		final List<List<Double>> csvTimes = new ArrayList<>();
		for (int i = 0; i < neurons; i++) csvTimes.add(new ArrayList<>());
		for (final String line : spikes.subList(1, spikes.size())) {
			final String[] p = line.split(",");
			csvTimes.get(Integer.parseInt(p[0])).add(Double.parseDouble(p[1]));
		}
		try (HdfFile h = new HdfFile(dir.resolve(NwbFile.FILE))) {
			assertTrue(((String) h.getAttribute("nwb_version").getData()).startsWith("2."));
			assertEquals("NWBFile", h.getAttribute("neurodata_type").getData());
			assertEquals("core", h.getAttribute("namespace").getData());
			assertNotNull(h.getAttribute("object_id"));
			for (final String name : new String[] { "identifier", "session_description", "session_start_time",
				"timestamps_reference_time" })
				assertFalse(((String) h.getDatasetByPath(name).getData()).isBlank(), name);
			assertTrue(((String[]) h.getDatasetByPath("file_create_date").getData())[0].matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
			assertEquals("Units", h.getByPath("units").getAttribute("neurodata_type").getData());
			assertArrayEquals(new String[] { "spike_times" }, (String[]) h.getByPath("units").getAttribute("colnames").getData());
			final long[] id = (long[]) h.getDatasetByPath("units/id").getData();
			final long[] index = (long[]) h.getDatasetByPath("units/spike_times_index").getData();
			final double[] times = (double[]) h.getDatasetByPath("units/spike_times").getData();
			assertEquals(neurons, id.length);
			assertEquals(neurons, index.length);
			for (int i = 0; i < neurons; i++) {
				final int from = i == 0 ? 0 : (int) index[i - 1];
				assertEquals(csvTimes.get(i).size(), (int) index[i] - from, "spike count of unit " + i);
				for (int k = 0; k < csvTimes.get(i).size(); k++)
					assertEquals(csvTimes.get(i).get(k), times[from + k], 1e-12, "spike " + k + " of unit " + i);
			}
			final List<String> traces = Files.readAllLines(dir.resolve("traces.csv"));
			final double[] start = (double[]) h.getDatasetByPath("intervals/trials/start_time").getData();
			final double[] stop = (double[]) h.getDatasetByPath("intervals/trials/stop_time").getData();
			final String[] condition = (String[]) h.getDatasetByPath("intervals/trials/condition").getData();
			assertEquals(start.length, condition.length);
			assertEquals("TimeIntervals", h.getByPath("intervals/trials").getAttribute("neurodata_type").getData());
			int trial = 0;
			for (final String line : traces.subList(1, traces.size())) {
				final String[] p = line.split(",");
				if (Integer.parseInt(p[0]) != trial) { // first row of a trial: its start
					trial = Integer.parseInt(p[0]);
					assertEquals(Double.parseDouble(p[1]), start[trial - 1], 1e-9, "start of trial " + trial);
				}
			}
			assertEquals(start.length, trial, "one row per trial");
			for (int tr = 1; tr < start.length; tr++) assertEquals(stop[tr - 1], start[tr], 1e-12, "back to back");
			assertEquals("TimeSeries", h.getByPath("acquisition/target").getAttribute("neurodata_type").getData());
			assertEquals("ProcessingModule", h.getByPath("processing/network").getAttribute("neurodata_type").getData());
		}
	}

	@Test
	void h5pyReadsTheLayout(@TempDir final Path dir) throws Exception {
		ExportFiles.write(dir, data(), ExportFiles.Format.NWB, "{\"seed\": 7}", "3 test trials");
		assertFalse(Files.exists(dir.resolve("spikes.csv")), "nwb alone");
		final String out = NumPy.runWith("h5py", dir, dir.resolve(NwbFile.FILE).toString(),
			"import sys, json, h5py, numpy as np",
			"f = h5py.File(sys.argv[1], 'r')",
			"s = lambda x: x.decode() if isinstance(x, bytes) else str(x)",
			"assert s(f.attrs['nwb_version']).startswith('2.') and s(f.attrs['neurodata_type']) == 'NWBFile'",
			"for k in ['identifier', 'session_description', 'session_start_time', 'timestamps_reference_time', 'file_create_date']: assert k in f, k",
			"for g in ['acquisition', 'analysis', 'processing', 'general', 'units', 'intervals/trials']: assert isinstance(f[g], h5py.Group), g",
			"f.visititems(lambda name, o: o.attrs.keys())  # every object header readable",
			"u = f['units']",
			"counts = np.diff(np.concatenate([[0], u['spike_times_index'][:]]))",
			"assert list(counts) == [3, 0, 3], counts",
			"times = np.split(u['spike_times'][:], u['spike_times_index'][:-1])  # as docs/file-formats.md reads them",
			"assert [len(x) for x in times] == [3, 0, 3] and abs(times[2][0] - 0.010) < 1e-12",
			"assert [s(c) for c in u.attrs['colnames']] == ['spike_times']",
			"t = f['intervals/trials']",
			"assert [s(c) for c in t['condition'][:]] == ['left', 'right', 'left']",
			"assert [s(c) for c in t.attrs['colnames']] == ['start_time', 'stop_time', 'condition', 'nmse']",
			"assert np.allclose(t['stop_time'][:], [0.05, 0.09, 0.14])",
			"assert f['acquisition/target/data'].shape == (140, 2)",
			"assert f['processing/network/output/data'].shape == (140, 2)",
			"assert f['acquisition/membrane_potential/data'].shape == (140, 2)",
			"assert abs(float(f['acquisition/target/starting_time'].attrs['rate']) - 1000) < 1e-3",
			"print(json.loads(s(f['general/notes'][()]))['seed'])");
		assertEquals("7", out);
	}

	/** Runs only where pynwb is installed (it is not on Debian 12 and PyPI is not reachable here): docs/file-formats.md. */
	@Test
	void pynwbReadsTheUnitsAndTrials(@TempDir final Path dir) throws Exception {
		ExportFiles.write(dir, data(), ExportFiles.Format.NWB, "{\"seed\": 7}", "3 test trials");
		final String out = NumPy.runWith("pynwb", dir, dir.resolve(NwbFile.FILE).toString(),
			"import sys, pynwb",
			"with pynwb.NWBHDF5IO(sys.argv[1], 'r') as io:",
			"    nwb = io.read()",
			"    counts = [len(nwb.units['spike_times'][i]) for i in range(len(nwb.units))]",
			"    assert counts == [3, 0, 3], counts",
			"    assert list(nwb.trials['condition'][:]) == ['left', 'right', 'left']",
			"    assert nwb.acquisition['target'].data.shape == (140, 2)",
			"    print(sum(counts))");
		assertEquals("6", out, "the spike counts of the CSV export");
	}

	@Test
	void aRunWithoutSpikesHasNoUnitsTable(@TempDir final Path dir) throws Exception {
		final Export.Data d = data();
		final TestResult r = d.result();
		final TestResult silent = new TestResult(r.nmse(), 0, new int[3], r.outputs(), r.targets(), new int[0], new int[0],
			r.stepsPerTrial(), r.dt(), 0, false, r.conditions(), r.conditionLabels(), Map.of());
		ExportFiles.write(dir, new Export.Data(silent, new int[0], new double[3][0][]), ExportFiles.Format.NWB, "{}", "none");
		try (HdfFile h = new HdfFile(dir.resolve(NwbFile.FILE))) {
			assertEquals(null, h.getChild("units"), "the units table is optional in NWB; jHDF cannot write empty columns");
			assertEquals(3, ((String[]) h.getDatasetByPath("intervals/trials/condition").getData()).length);
			assertEquals(null, ((Group) h.getByPath("acquisition")).getChild("membrane_potential"), "no potentials recorded");
		}
	}

	@Test
	void anUnknownFormatIsRefusedByName() {
		assertEquals(ExportFiles.Format.NWB, ExportFiles.Format.parse(" NWB "));
		assertEquals(ExportFiles.Format.CSV, ExportFiles.Format.parse(""));
		final ParameterException e = assertThrows(ParameterException.class, () -> ExportFiles.Format.parse("hdf5"));
		assertEquals("format: unknown format 'hdf5'; use csv (CSV files and export.npz), nwb (export.nwb, Neurodata " +
			"Without Borders) or all", e.getMessage());
	}
}
