package org.rate2spike.io;

import org.rate2spike.format.DataFiles;

import org.rate2spike.format.Npz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.protocol.ActivityTargets;
import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.TestResult;
import org.rate2spike.protocol.TestStage;
import org.rate2spike.protocol.TrainedNetwork;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.protocol.TrialCounts;
import org.rate2spike.rate.RateParams;
import org.rate2spike.rate.RateTargets;
import org.rate2spike.task.DataOptions;
import org.rate2spike.task.DataSpec;
import org.rate2spike.task.DataTask;
import org.rate2spike.format.Dataset;
import org.rate2spike.task.Task;
import org.rate2spike.task.Tasks;
import org.rate2spike.task.Trial;

/** The data task's data kept in targets and network files: bit for bit, and the same trials from them. */
class DataEntriesTest {

	private static final double DT = 0.001;

	/** Two conditions of different lengths, sampled unevenly, with values that only survive an exact round trip. */
	private static Dataset ragged(final String source, final String... channels) {
		final double[][] times = { { 0, 0.013, 0.0271, 0.04, 0.05 }, { 0, 0.01, 0.02, 0.0301, 0.04, 0.05, 0.0625, 0.07 } };
		final double[] odd = { Math.PI / 3, -0.0, 1e-300, Double.MIN_VALUE, 0.1 + 0.2, -7.25e12, Math.E, 1.0 / 3 };
		final double[][][] values = new double[2][channels.length][];
		for (int c = 0; c < 2; c++)
			for (int k = 0; k < channels.length; k++) {
				values[c][k] = new double[times[c].length];
				for (int j = 0; j < times[c].length; j++) values[c][k][j] = odd[(j + 3 * k + c) % odd.length] * (k + 1);
			}
		return new Dataset(source, new String[] { "left", "right" }, channels, values, times);
	}

	@Test
	void raggedDataWithInputsAndActivityRoundTripBitExactlyAndMakeTheSameTrials(@TempDir final Path dir) throws IOException {
		final DataSpec spec = new DataSpec(ragged("session.csv", "x", "y"), ragged("cues.csv", "cue"),
			ragged("rates.csv", "u1", "u2", "u3"), new DataOptions("session.csv", "cues.csv", "rates.csv", 0.0125, "max", "continuous", "pulse"));
		final Task task = spec.task(DT);
		final RateTargets targets = ActivityTargets.run(task, RateParams.DEFAULTS, new TrialCounts(1, 3, 1, 1, 1), 2,
			Progress.NONE);
		assertSame(spec, targets.data(), "stage 1 keeps the data of a data task");

		final Path file = dir.resolve("targets.npz");
		TargetsFile.save(targets, file);
		final DataSpec back = TargetsFile.load(file).data();
		assertSameSpec(spec, back);
		assertEquals(5, Npz.read(file).array("data_targets_values_0").shape()[1]);
		assertArrayEquals(new int[] { 2, 8 }, Npz.read(file).array("data_targets_values_1").shape(), "channels × samples");

		final Task again = Pipeline.taskOf(TargetsFile.load(file));
		final Random a = new Random(11), b = new Random(11);
		for (int k = 0; k < 6; k++) assertSameTrial(task.nextTrial(a), again.nextTrial(b));
	}

	/** README's Python line for the data arrays, run with NumPy where Python and NumPy are installed. */
	@Test
	void numpyReadsTheKeptDataAsDocumented(@TempDir final Path dir) throws Exception {
		final DataSpec spec = new DataSpec(ragged("session.csv", "x", "y"), ragged("cues.csv", "cue"), null,
			DataOptions.NONE.with("normalize", "max"));
		final Path file = dir.resolve("targets.npz");
		TargetsFile.save(org.rate2spike.protocol.TargetsStage.run(spec.task(DT), RateParams.DEFAULTS.with("rate_units", 10),
			new TrialCounts(1, 2, 1, 1, 1), 1, Progress.NONE), file);
		final String out = NumPy.run(dir, file.toString(),
			"import json, numpy as np, sys",
			"f = np.load(sys.argv[1])",
			"meta = json.loads(f['meta.json'])",
			"v = [f[f'data_targets_values_{c}'] for c in range(len(meta['data']['targets']['conditions']))]",
			"t = [f[f'data_targets_times_{c}'] for c in range(len(v))]",
			"assert [x.shape for x in v] == [(2, 5), (2, 8)] and v[0].dtype == np.float64, [x.shape for x in v]",
			"assert meta['data']['normalize'] == 'max' and meta['data']['inputs']['channels'] == ['cue']",
			"assert 'factors' not in meta['data'] and 'data_factors_values_0' not in f",
			"print('%.17g %.17g' % (v[1][1][7], t[1][6]))");
		final String[] numbers = out.split(" ");
		assertEquals(spec.targets().values()[1][1][7], Double.parseDouble(numbers[0]));
		assertEquals(spec.targets().times()[1][6], Double.parseDouble(numbers[1]));
	}

	@Test
	void imageDataWithInputsRoundTripThroughANetworkFileAndTestIdentically(@TempDir final Path dir) throws IOException {
		final Dataset emg = DataFiles.read(Path.of("test-data/reach_emg.tif"), 0);
		final double[][][] in = new double[emg.conditionCount()][2][emg.samples(0)];
		for (int c = 0; c < in.length; c++)
			for (int j = 0; j < in[c][0].length; j++) {
				in[c][0][j] = Math.cos(2 * Math.PI * c / in.length) * j / 60.0;
				in[c][1][j] = Math.sin(2 * Math.PI * c / in.length) * j / 60.0;
			}
		final Path inputs = dir.resolve("inputs.tif");
		DataFiles.writeImage(Dataset.uniform("in", emg.conditions(), new String[] { "a", "b" }, in, 0.01), inputs);
		final DataOptions options = DataOptions.NONE.with("data_targets", "test-data/reach_emg.tif").with("data_inputs", inputs.toString())
			.with("normalize", "max");
		final Pipeline.Run run = Pipeline.train(TrainingConfig.DEFAULTS.withTask(DataTask.NAME).withData(options)
			.withTrials(new TrialCounts(1, 2, 2, 2, 2)).with("neurons", "30").with("rate_units", "20"), Progress.NONE);
		final DataSpec spec = run.targets().data();
		assertNotNull(spec);
		assertEquals(options, spec.options());
		assertArrayEquals(new String[] { "channel1", "channel2" }, spec.inputs().channels(), "as read from the image");

		final Path file = dir.resolve("network.npz");
		NetworkFile.save(run.network(), file);
		final TrainedNetwork net = NetworkFile.load(file);
		assertSameSpec(spec, net.targets().data());
		assertEquals(options, Pipeline.configOf(net).data());
		final TestResult r = TestStage.run(net, Pipeline.taskOf(net.targets()), 2, Progress.NONE);
		assertArrayEquals(run.test().nmse(), r.nmse(), "the kept data give the training's test trials");
	}

	@Test
	void builtInTasksKeepNoData() {
		assertNull(DataSpec.stored(Tasks.create(Tasks.REACH, DT)), "reach is made from its name");
		assertNull(DataSpec.stored(Tasks.create("oscillation", DT)));
	}

	static void assertSameSpec(final DataSpec a, final DataSpec b) {
		assertEquals(a.options(), b.options());
		assertSameSet(a.targets(), b.targets());
		assertSameSet(a.inputs(), b.inputs());
		assertSameSet(a.factors(), b.factors());
	}

	private static void assertSameSet(final Dataset a, final Dataset b) {
		if (a == null) {
			assertNull(b);
			return;
		}
		assertEquals(a.source(), b.source());
		assertArrayEquals(a.conditions(), b.conditions());
		assertArrayEquals(a.channels(), b.channels());
		for (int c = 0; c < a.conditionCount(); c++) {
			assertTrue(Arrays.equals(a.times()[c], b.times()[c]), "times of condition " + c + " bit for bit");
			assertTrue(Arrays.deepEquals(a.values()[c], b.values()[c]), "values of condition " + c + " bit for bit");
		}
	}

	private static void assertSameTrial(final Trial a, final Trial b) {
		assertEquals(a.condition(), b.condition());
		assertTrue(Arrays.deepEquals(a.input(), b.input()));
		assertTrue(Arrays.deepEquals(a.output(), b.output()));
		assertTrue(Arrays.deepEquals(a.activity(), b.activity()));
	}
}
