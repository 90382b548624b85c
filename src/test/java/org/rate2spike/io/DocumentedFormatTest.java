package org.rate2spike.io;

import org.rate2spike.format.Npz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.protocol.Export;
import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.TrainedNetwork;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.protocol.TrialCounts;
import org.rate2spike.task.Tasks;

/** The files are what docs/file-formats.md says they are: names, shapes and types. */
class DocumentedFormatTest {

	/** Rows of the documented array table: name → shape text such as "Ñ×ñ". */
	private static Map<String, String> documentedArrays() throws IOException {
		final String readme = Files.readString(Path.of("docs/file-formats.md"));
		String section = readme.substring(readme.indexOf("## Network, targets and baseline files"));
		section = section.substring(0, section.indexOf("\n## ", 5) > 0 ? section.indexOf("\n## ", 5) : section.length());
		final Map<String, String> m = new LinkedHashMap<>();
		final Matcher row = Pattern.compile("(?m)^\\| (`[^|]+`) \\| ([^|]+) \\|").matcher(section);
		while (row.find()) {
			final List<String> names = List.of(row.group(1).split(",\\s*"));
			final String[] shapes = row.group(2).trim().split(",\\s*");
			for (int i = 0; i < names.size(); i++) m.put(names.get(i).replace("`", "").trim(), shapes[Math.min(i, shapes.length - 1)].trim());
		}
		return m;
	}

	@Test
	void networkFileHoldsExactlyTheDocumentedArrays(@TempDir final Path dir) throws IOException {
		final Pipeline.Run run = Pipeline.train(TrainingConfig.DEFAULTS.withTrials(new TrialCounts(1, 2, 2, 3, 2))
			.with("neurons", "30").with("rate_units", "20").with("gs", "0.1").with("gf", "0.1"), Progress.NONE);
		final Path file = dir.resolve("network.npz");
		NetworkFile.save(run.network(), file);
		final Npz.Contents c = Npz.read(file);
		final TrainedNetwork n = run.network();
		final Map<String, Integer> dims = Map.of("Ñ", 20, "ñ", n.targets().factors(), "N", 30, "n", n.connectivity().trained().length,
			"2n", 2 * n.connectivity().trained().length, "outputs", 1, "inputs", 1, "RLS trials", 3);
		final Map<String, String> doc = documentedArrays();
		assertEquals(new java.util.TreeSet<>(doc.keySet()), new java.util.TreeSet<>(c.arrays().keySet()),
			"docs/file-formats.md documents every array of the file, and only those");
		for (final Map.Entry<String, String> e : doc.entrySet()) {
			final String[] parts = e.getValue().split("×");
			final int[] expected = new int[parts.length];
			for (int i = 0; i < parts.length; i++) expected[i] = dims.get(parts[i].trim());
			assertArrayEquals(expected, c.arrays().get(e.getKey()).shape(), e.getKey() + " is " + e.getValue());
			final boolean isInt = e.getKey().equals("trained_neurons");
			assertEquals(isInt, c.arrays().get(e.getKey()).ints() != null, e.getKey() + (isInt ? " is int32" : " is float64"));
		}
		assertTrue(c.texts().containsKey("meta.json"));
	}

	/** Runs the documented Python snippet's loading part with NumPy, where Python and NumPy are installed. */
	@Test
	void numpyReadsTheFilesAsDocumented(@TempDir final Path dir) throws Exception {
		final Pipeline.Run run = Pipeline.train(TrainingConfig.DEFAULTS.withTrials(new TrialCounts(1, 2, 2, 3, 2))
			.with("neurons", "30").with("rate_units", "20"), Progress.NONE);
		NetworkFile.save(run.network(), dir.resolve("network.npz"));
		final Export.Data d = Export.run(run.network(), Tasks.create("oscillation", 0.001), 2, new int[] { 0, 3 }, null, Progress.NONE);
		ExportFiles.write(dir, d);
		final String out = NumPy.run(dir, dir.toString(),
			"import json, numpy as np, sys",
			"net = np.load(sys.argv[1] + '/network.npz')",
			"meta = json.loads(net['meta.json'])",
			"assert meta['format'] == 'rate2spike-network' and meta['spiking']['neurons'] == 30",
			"assert net['feedback_weights'].shape == (meta['pcs'], 2 * len(net['trained_neurons']))",
			"assert net['trained_neurons'].dtype == np.int32 and net['rate_recurrent'].dtype == np.float64",
			"ex = np.load(sys.argv[1] + '/export.npz')",
			"z, f = ex['output'][0, 0], ex['target'][0, 0]",
			"print('%.17g' % (np.sum((z - f) ** 2) / np.sum(f ** 2)))",
			"assert ex['voltage'].shape == (2, 2, 1000) and list(ex['voltage_neurons']) == [0, 3]");
		assertEquals(d.result().nmse()[0], Double.parseDouble(out), 1e-12, "NumPy's nMSE of trial 1 is ours");
	}

	/** First-column entries (in backticks) of the table in the section of docs/file-formats.md with this heading. */
	private static List<String> documentedRows(final String heading) throws IOException {
		final String doc = Files.readString(Path.of("docs/file-formats.md"));
		String section = doc.substring(doc.indexOf("## " + heading));
		section = section.substring(0, section.indexOf("\n## ", 5) > 0 ? section.indexOf("\n## ", 5) : section.length());
		final List<String> rows = new java.util.ArrayList<>();
		final Matcher row = Pattern.compile("(?m)^\\| `([^`]+)` \\|").matcher(section);
		while (row.find()) rows.add(row.group(1));
		return rows;
	}

	@Test
	void summaryJsonHoldsExactlyTheDocumentedSpikeStatistics(@TempDir final Path dir) throws IOException {
		final Pipeline.Run run = Pipeline.train(TrainingConfig.DEFAULTS.withTrials(new TrialCounts(1, 2, 2, 3, 3))
			.with("neurons", "30").with("rate_units", "20"), Progress.NONE);
		org.rate2spike.app.RunFolder.writeTest(dir, run.network(), run.test());
		final com.google.gson.JsonObject summary = com.google.gson.JsonParser.parseString(Files.readString(dir.resolve("summary.json")))
			.getAsJsonObject();
		final List<String> documented = documentedRows("summary.json: spike-train statistics");
		final Map<String, Object> keys = org.rate2spike.protocol.SpikeTrainAnalysis.of(run.test()).summary();
		assertEquals(new java.util.TreeSet<>(keys.keySet()), new java.util.TreeSet<>(documented),
			"docs/file-formats.md documents every spike-statistics key, and only those");
		for (final String k : documented) assertTrue(summary.has(k), "summary.json has " + k);
		final String doc = Files.readString(Path.of("docs/file-formats.md"));
		final com.google.gson.JsonObject perCondition = summary.getAsJsonArray("spikes_per_condition").get(0).getAsJsonObject();
		for (final String k : perCondition.keySet()) assertTrue(doc.contains("`" + k + "` ("), "spikes_per_condition." + k + " is documented");
		assertEquals(3, perCondition.get("trials").getAsInt());
		assertEquals(50, perCondition.getAsJsonArray("psth_hz").size(), "1 s trials in bins of 0.02 s");
		assertTrue(Files.size(dir.resolve("psth.png")) > 1000, "the PSTH picture");
	}

	@Test
	void theNwbFileHoldsEveryDocumentedPath(@TempDir final Path dir) throws IOException {
		final Pipeline.Run run = Pipeline.train(TrainingConfig.DEFAULTS.withTrials(new TrialCounts(1, 2, 2, 3, 2))
			.with("neurons", "30").with("rate_units", "20"), Progress.NONE);
		final Export.Data d = Export.run(run.network(), Tasks.create("oscillation", 0.001), 2, new int[] { 0, 3 }, null, Progress.NONE);
		assertTrue(d.result().spikeNeuron().length > 0);
		ExportFiles.write(dir, d, ExportFiles.Format.NWB, NetworkFile.metaJson(run.network()), "2 test trials");
		final List<String> paths = documentedRows("The NWB export");
		assertTrue(paths.size() > 15, paths.toString());
		try (io.jhdf.HdfFile h = new io.jhdf.HdfFile(dir.resolve(NwbFile.FILE))) {
			for (final String p : paths) if (!p.equals("/")) assertNotNull(h.getByPath(p.substring(1)), p + " is in the file");
			assertEquals(NwbFile.NWB_VERSION, h.getAttribute("nwb_version").getData());
			assertEquals("1", ((String[]) h.getDatasetByPath("intervals/trials/condition").getData())[0], "one condition: 1");
			assertTrue(((String) h.getDatasetByPath("general/notes").getData()).contains("\"neurons\": 30"));
		}
	}
}
