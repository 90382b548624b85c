package org.rate2spike.readout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.format.DataFiles;
import org.rate2spike.io.NetworkFile;
import org.rate2spike.io.ReadoutFile;
import org.rate2spike.protocol.Fixtures;
import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.ReadoutStage;
import org.rate2spike.protocol.TestResult;
import org.rate2spike.protocol.TestStage;
import org.rate2spike.task.DataTask;
import org.rate2spike.task.DataWindow;
import org.rate2spike.format.Dataset;
import org.rate2spike.task.Task;
import org.rate2spike.task.Tasks;
import org.rate2spike.task.Trial;
import org.rate2spike.util.ParameterException;

class ReadoutTest {

	private final Task task = Tasks.create("oscillation", 0.001);

	/**
	 * Measured at seed 1 on the shared reduced-protocol network: ridge median held-out nMSE 0.006 vs RLS 0.007;
	 * refitted to the quarter-second shift 0.004 and to the derivative 0.007.
	 */
	@Test
	void ridgeMatchesOrBeatsRlsAndRefitsToNewSignals() {
		final Pipeline.Run run = Fixtures.oscillation();
		final ReadoutOptions o = ReadoutOptions.DEFAULTS.withTrials(12, 6).withFolds(4);
		final ReadoutStage.Result ridge = ReadoutStage.fit(run.network(), task, o, Progress.NONE);
		final ReadoutStage.Result rls = ReadoutStage.fit(run.network(), task, o.withMethod("rls"), Progress.NONE);
		assertTrue(ridge.medianHeldoutNmse() <= rls.medianHeldoutNmse() * 1.05, "ridge " + ridge.medianHeldoutNmse() +
			" vs rls " + rls.medianHeldoutNmse());
		assertTrue(ridge.medianHeldoutNmse() < 0.03, "ridge " + ridge.medianHeldoutNmse());
		assertTrue(ridge.readout().penalty() > 0 && ridge.cvNmse().length == ridge.penalties().length);
		assertTrue(Double.isNaN(rls.readout().penalty()));

		final ReadoutStage.Result shifted = ReadoutStage.fit(run.network(), task, o.withSignals("shift:0.25"), Progress.NONE);
		assertTrue(shifted.readout().heldoutNmse()[0] <= 0.05, "shift " + shifted.readout().heldoutNmse()[0]);
		assertTrue(shifted.readout().heldoutR2()[0] > 0.9);
		final ReadoutStage.Result derivative = ReadoutStage.fit(run.network(), task, o.withSignals("derivative"), Progress.NONE);
		assertTrue(derivative.readout().heldoutNmse()[0] <= 0.05, "derivative " + derivative.readout().heldoutNmse()[0]);
	}

	@Test
	void namedReadoutsAreStoredAlongsideTheOriginalAndTestedByName(@TempDir final Path dir) throws IOException {
		final Pipeline.Run run = Fixtures.oscillation();
		final Path file = dir.resolve("net.npz");
		NetworkFile.save(run.network(), file);
		final ReadoutStage.Result r = ReadoutStage.fit(run.network(), task,
			ReadoutOptions.DEFAULTS.withName("shifted").withSignals("shift:0.25").withTrials(6, 3).withFolds(3), Progress.NONE);
		ReadoutFile.add(file, r.readout(), false);
		final Map<String, Readout> all = ReadoutFile.list(file);
		assertEquals(java.util.List.of("shifted"), java.util.List.copyOf(all.keySet()));
		final Readout back = all.get("shifted");
		assertTrue(java.util.Arrays.deepEquals(r.readout().weights(), back.weights()), "weights round-trip bit-exactly");
		assertArrayEquals(r.readout().heldoutNmse(), back.heldoutNmse());
		assertEquals(r.readout().penalty(), back.penalty());
		assertArrayEquals(run.network().readoutWeights()[0], NetworkFile.load(file).readoutWeights()[0], "the original stays");

		final ParameterException again = assertThrows(ParameterException.class, () -> ReadoutFile.add(file, r.readout(), false));
		assertTrue(again.getMessage().contains("'shifted' already exists"), again.getMessage());
		ReadoutFile.add(file, r.readout(), true);

		final TestResult t = TestStage.run(NetworkFile.load(file), task, 3, Progress.NONE, back);
		assertTrue(t.medianNmse() < 0.05, "tested with the named readout: " + t.medianNmse());
		final Trial trial = task.nextTrial(new java.util.Random(1));
		assertEquals(trial.output()[0][250], t.targets()[0][0][0], 1e-12, "scored against the shifted signal");
		final ParameterException missing = assertThrows(ParameterException.class, () -> ReadoutFile.get(file, "nope"));
		assertTrue(missing.getMessage().contains("'nope' is not in") && missing.getMessage().contains("[shifted]"));
	}

	@Test
	void signalsAreDerivedExactly() {
		final double[][] x = { { 0, 1, 4, 9, 16 } };
		assertArrayEquals(new double[] { 1000, 2000, 4000, 6000, 7000 }, Signals.derivative(x, 0.001)[0], 1e-9);
		assertArrayEquals(new double[] { 4, 9, 16, 0, 1 }, Signals.shift(x, 2)[0]);
		assertArrayEquals(new double[] { 16, 0, 1, 4, 9 }, Signals.shift(x, -1)[0]);
		assertEquals("signals", assertThrows(ParameterException.class, () -> Signals.parse("shift:soon", task)).parameter());
		assertEquals("signals", assertThrows(ParameterException.class, () -> Signals.parse("velocity", task)).parameter());
		assertEquals("signals", assertThrows(ParameterException.class, () -> Signals.check("file: ")).parameter());
		assertEquals(1, Signals.parse("derivative", task).channels());
	}

	@Test
	void signalsComeFromATableAlignedWithTheTrials(@TempDir final Path dir) throws IOException {
		final Trial trial = task.nextTrial(new java.util.Random(1));
		final double[] expected = Signals.shift(trial.output(), 100)[0];
		final StringBuilder csv = new StringBuilder("velocity,twice,zero\n");
		for (final double v : expected) csv.append(v).append(',').append(2 * v).append(",0\n");
		final Path file = dir.resolve("signal.csv");
		Files.writeString(file, csv.toString());
		final Signals signals = Signals.parse("file:" + file, task);
		assertEquals(3, signals.channels(), "one channel per column, whatever the task's outputs");
		final double[][] got = signals.of(trial);
		assertEquals(3, got.length);
		assertArrayEquals(expected, got[0], 1e-12);
		assertEquals(2 * expected[7], got[1][7], 1e-12);

		final Path shorter = dir.resolve("short.csv");
		Files.writeString(shorter, "velocity\n1\n2\n3\n");
		final ParameterException e = assertThrows(ParameterException.class, () -> Signals.parse("file:" + shorter, task).of(trial));
		assertEquals("signals: " + shorter + ": condition '1' lasts 3 steps of 0.001 s but the task's trials last 1000; give " +
			"signals as long as the trials, one row per step (or with a time column)", e.getMessage());
		assertEquals("signals: " + dir.resolve("none.csv") + " does not exist; use file:PATH with a table or image of the signals",
			assertThrows(ParameterException.class, () -> Signals.parse("file:" + dir.resolve("none.csv"), task)).getMessage());
		final Path bad = dir.resolve("bad.csv");
		Files.writeString(bad, "a\nx\n");
		assertEquals("signals: " + bad + ": row 2, column 'a': 'x' is not a number", assertThrows(ParameterException.class,
			() -> Signals.parse("file:" + bad, task)).getMessage());
	}

	/**
	 * A data task's trials put each condition's data between rest and preparation periods of random length: signals
	 * given per condition over the data are placed into every trial exactly as its targets are, cued or with inputs.
	 */
	@Test
	void dataTaskSignalsArePlacedIntoEachTrialLikeItsTargets(@TempDir final Path dir) throws IOException {
		final Path targets = dir.resolve("targets.csv"), three = dir.resolve("three.csv");
		DataFiles.writeTable(dataset(2, 1), targets, ',');
		DataFiles.writeTable(dataset(3, 2), three, ',');
		final Dataset d = DataFiles.read(targets, 0);
		for (final DataTask data : List.of(new DataTask("data", d, null, null, 0.001, "none"),
			new DataTask("data", d, DataFiles.read(three, 0), null, 0.001, "none")))
		{
			final Signals same = Signals.parse("file:" + targets, data), other = Signals.parse("file:" + three, data);
			assertEquals(3, other.channels());
			final Random rng = new Random(3);
			final Set<Integer> starts = new HashSet<>();
			for (int i = 0; i < 8; i++) {
				final Trial trial = data.nextTrial(rng);
				assertTrue(Arrays.deepEquals(trial.output(), same.of(trial)), "the targets file as signals: the targets");
				final double[][] placed = other.of(trial);
				final DataWindow w = trial.window();
				starts.add(w.start());
				assertEquals(trial.steps(), placed[2].length);
				assertEquals(0, placed[2][0], "resting at zero before the data");
				assertArrayEquals(DataFiles.read(three, 0).resample(0.001)[trial.condition()][2],
					Arrays.copyOfRange(placed[2], w.start(), w.start() + w.data()), "the data window");
			}
			assertTrue(starts.size() > 1, "the data start at different steps");
		}

		final DataTask data = new DataTask("data", d, null, null, 0.001, "none");
		final Path missing = dir.resolve("missing.csv");
		Files.writeString(missing, "condition,time,y\nc1,0,1\nc1,0.05,2\nc3,0,1\nc3,0.05,2\n");
		assertEquals("signals: " + missing + " has no condition 'c2'; a data network's signals are given per condition over " +
			"its data only, as its targets are (the network's conditions: c1, c2; the file's: c1, c3)",
			assertThrows(ParameterException.class, () -> Signals.parse("file:" + missing, data)).getMessage());
		final Path longer = dir.resolve("longer.csv");
		Files.writeString(longer, "condition,time,y\nc1,0,1\nc1,0.06,2\nc2,0,1\nc2,0.07,2\n");
		assertEquals("signals: " + longer + ": condition 'c1' lasts 0.06 s (61 steps of 0.001 s) but the network's targets of " +
			"condition 'c1' last 0.05 s (51 steps); give each condition's signals over its data only, as long as its " +
			"targets: trials pad them as they pad the targets",
			assertThrows(ParameterException.class, () -> Signals.parse("file:" + longer, data)).getMessage());
	}

	/** Conditions c1 (0.05 s) and c2 (0.07 s) sampled every 10 ms, {@code channels} channels of arbitrary values. */
	private static Dataset dataset(final int channels, final long seed) {
		final Random rng = new Random(seed);
		final String[] names = new String[channels];
		for (int k = 0; k < channels; k++) names[k] = "ch" + (k + 1);
		final double[][][] v = new double[2][channels][];
		for (int c = 0; c < 2; c++)
			for (int k = 0; k < channels; k++) v[c][k] = rng.doubles(6 + 2 * c, -1, 1).toArray();
		return Dataset.uniform("generated", new String[] { "c1", "c2" }, names, v, 0.01);
	}

	@Test
	void badOptionsAreNamed() {
		assertEquals("basis", assertThrows(ParameterException.class, () -> ReadoutOptions.DEFAULTS.withTraces("medium").validate()).parameter());
		assertEquals("method", assertThrows(ParameterException.class, () -> ReadoutOptions.DEFAULTS.withMethod("lasso").validate()).parameter());
		assertEquals("folds", assertThrows(ParameterException.class, () -> ReadoutOptions.DEFAULTS.withTrials(3, 2).validate()).parameter());
		assertEquals("readout_name", assertThrows(ParameterException.class, () -> ReadoutOptions.DEFAULTS.withName("a b").validate()).parameter());
	}
}
