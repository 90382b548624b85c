package org.rate2spike.readout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.io.NetworkFile;
import org.rate2spike.io.ReadoutFile;
import org.rate2spike.protocol.Fixtures;
import org.rate2spike.protocol.Pipeline;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.ReadoutStage;
import org.rate2spike.protocol.TestResult;
import org.rate2spike.protocol.TestStage;
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

	@Test
	void badOptionsAreNamed() {
		assertEquals("basis", assertThrows(ParameterException.class, () -> ReadoutOptions.DEFAULTS.withTraces("medium").validate()).parameter());
		assertEquals("method", assertThrows(ParameterException.class, () -> ReadoutOptions.DEFAULTS.withMethod("lasso").validate()).parameter());
		assertEquals("folds", assertThrows(ParameterException.class, () -> ReadoutOptions.DEFAULTS.withTrials(3, 2).validate()).parameter());
		assertEquals("readout_name", assertThrows(ParameterException.class, () -> ReadoutOptions.DEFAULTS.withName("a b").validate()).parameter());
	}
}
