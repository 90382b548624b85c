package org.rate2spike.io;

import org.rate2spike.format.Npz;
import org.rate2spike.format.NpyArray;
import org.rate2spike.format.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.rate2spike.protocol.Export;
import org.rate2spike.protocol.TestResult;
import org.rate2spike.util.ParameterException;

/**
 * Exports of a test run for other tools: {@code spikes.csv} ({@code neuron,time_s}), {@code rates.csv}
 * ({@code neuron,rate_hz}), {@code traces.csv} ({@code trial,time_s,output_1,target_1,…}) and {@code export.npz}
 * with the arrays {@code spike_neuron} (int32), {@code spike_time_s}, {@code rate_hz}, {@code output} and
 * {@code target} (trials × channels × steps), {@code voltage} (trials × recorded neurons × steps) and
 * {@code voltage_neurons} (int32). Times count from the start of the first test trial. In the format {@code nwb} the
 * same run goes into one NWB file instead ({@link NwbFile}); {@code all} writes both.
 */
public final class ExportFiles {

	/** The files of the format {@code csv}. */
	public static final java.util.List<String> CSV_FILES = java.util.List.of("spikes.csv", "rates.csv", "traces.csv", "export.npz");

	/** What an export writes: the CSV files and export.npz, the NWB file, or both. */
	public enum Format {
		CSV, NWB, ALL;

		/** {@code csv}, {@code nwb} or {@code all} (any case; empty: csv). */
		public static Format parse(final String s) {
			if (s == null || s.isBlank()) return CSV;
			for (final Format f : values()) if (f.name().equalsIgnoreCase(s.trim())) return f;
			throw new ParameterException("format", "unknown format '" + s.trim() + "'; use csv (CSV files and export.npz), " +
				"nwb (export.nwb, Neurodata Without Borders) or all");
		}

		/** The files this format writes. */
		public java.util.List<String> files() {
			return switch (this) {
				case CSV -> CSV_FILES;
				case NWB -> java.util.List.of(NwbFile.FILE);
				case ALL -> {
					final java.util.List<String> l = new java.util.ArrayList<>(CSV_FILES);
					l.add(NwbFile.FILE);
					yield java.util.List.copyOf(l);
				}
			};
		}

		public String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	private ExportFiles() {}

	/**
	 * Writes the export in {@code format}; {@code parameters} (the network's parameters as JSON) and
	 * {@code description} go into the NWB file.
	 */
	public static void write(final Path dir, final Export.Data d, final Format format, final String parameters,
		final String description) throws IOException
	{
		if (format != Format.NWB) write(dir, d);
		if (format != Format.CSV) NwbFile.write(dir.resolve(NwbFile.FILE), d, parameters, description);
	}

	public static void write(final Path dir, final Export.Data d) throws IOException {
		final TestResult r = d.result();
		final StringBuilder spikes = new StringBuilder("neuron,time_s\n");
		final double[] times = new double[r.spikeStep().length];
		for (int q = 0; q < times.length; q++) {
			times[q] = r.spikeStep()[q] * r.dt();
			spikes.append(r.spikeNeuron()[q]).append(',').append(times[q]).append('\n');
		}
		Json.writeAtomically(dir.resolve("spikes.csv"), spikes.toString());
		final double[] rates = r.rates();
		final StringBuilder rateCsv = new StringBuilder("neuron,rate_hz\n");
		for (int i = 0; i < rates.length; i++) rateCsv.append(i).append(',').append(rates[i]).append('\n');
		Json.writeAtomically(dir.resolve("rates.csv"), rateCsv.toString());
		final int channels = r.outputs().length > 0 ? r.outputs()[0].length : 0;
		final StringBuilder traces = new StringBuilder("trial,time_s");
		for (int c = 1; c <= channels; c++) traces.append(",output_").append(c).append(",target_").append(c);
		traces.append('\n');
		long offset = 0;
		for (int tr = 0; tr < r.trials(); tr++) {
			for (int t = 0; t < r.stepsPerTrial()[tr]; t++) {
				traces.append(tr + 1).append(',').append((offset + t) * r.dt());
				for (int c = 0; c < channels; c++) traces.append(',').append(r.outputs()[tr][c][t]).append(',').append(r.targets()[tr][c][t]);
				traces.append('\n');
			}
			offset += r.stepsPerTrial()[tr];
		}
		Json.writeAtomically(dir.resolve("traces.csv"), traces.toString());

		final Map<String, NpyArray> a = new LinkedHashMap<>();
		a.put("spike_neuron", NpyArray.of(r.spikeNeuron()));
		a.put("spike_time_s", NpyArray.of(times));
		a.put("rate_hz", NpyArray.of(rates));
		a.put("output", cube(r.outputs()));
		a.put("target", cube(r.targets()));
		a.put("voltage", cube(d.voltages()));
		a.put("voltage_neurons", NpyArray.of(d.voltageNeurons()));
		Npz.write(dir.resolve("export.npz"), a, Map.of());
	}

	/** [a][b][c] with equal inner lengths as one C-ordered array; trials of unequal length are padded with NaN. */
	static NpyArray cube(final double[][][] x) {
		int b = 0, c = 0;
		for (final double[][] m : x) {
			b = Math.max(b, m.length);
			for (final double[] v : m) c = Math.max(c, v.length);
		}
		final double[] d = new double[x.length * b * c];
		java.util.Arrays.fill(d, Double.NaN);
		for (int i = 0; i < x.length; i++)
			for (int j = 0; j < x[i].length; j++) System.arraycopy(x[i][j], 0, d, (i * b + j) * c, x[i][j].length);
		return new NpyArray(new int[] { x.length, b, c }, d, null);
	}
}
