package org.rate2spike.io;

import org.rate2spike.spiking.FixedSynapses;
import org.rate2spike.format.Npz;
import org.rate2spike.format.NpyArray;
import org.rate2spike.format.FileFormatException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.TestResult;
import org.rate2spike.protocol.TestStage;
import org.rate2spike.protocol.TrainedNetwork;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.protocol.TrialCounts;
import org.rate2spike.rate.RateTargets;
import org.rate2spike.task.Tasks;

class NetworkFileTest {

	static Pipeline.Run run;

	/** A small network with random slow and fast weights, so that every array is exercised. */
	@BeforeAll
	static void train() {
		final TrainingConfig c = TrainingConfig.DEFAULTS.withTrials(new TrialCounts(2, 4, 4, 4, 3))
			.with("neurons", "60").with("rate_units", "40").with("gs", "0.1").with("gf", "0.1").with("seed", "5");
		run = Pipeline.train(c, Progress.NONE);
	}

	@Test
	void networkRoundTripsBitExactlyAndTestsIdentically(@TempDir final Path dir) throws IOException {
		final Path file = dir.resolve("net.npz");
		NetworkFile.save(run.network(), file);
		final TrainedNetwork a = run.network(), b = NetworkFile.load(file);
		assertEquals(a.params(), b.params());
		assertEquals(a.seed(), b.seed());
		assertEquals(a.counts(), b.counts());
		assertEquals(a.targets().params(), b.targets().params());
		assertArrayEquals(a.meanInput(), b.meanInput());
		assertArrayEquals(a.initialVoltage(), b.initialVoltage());
		assertArrayEquals(a.connectivity().trained(), b.connectivity().trained());
		assertTrue(java.util.Arrays.deepEquals(a.feedbackWeights(), b.feedbackWeights()));
		assertTrue(java.util.Arrays.deepEquals(a.readoutWeights(), b.readoutWeights()));
		assertTrue(java.util.Arrays.deepEquals(a.connectivity().feedback(), b.connectivity().feedback()));
		assertTrue(java.util.Arrays.deepEquals(((FixedSynapses.Dense) a.connectivity().slowRandom()).columns(),
			((FixedSynapses.Dense) b.connectivity().slowRandom()).columns()));
		assertTrue(java.util.Arrays.deepEquals(((FixedSynapses.Dense) a.connectivity().fastRandom()).columns(),
			((FixedSynapses.Dense) b.connectivity().fastRandom()).columns()));
		assertTrue(java.util.Arrays.deepEquals(a.targets().connectivity().recurrent(), b.targets().connectivity().recurrent()));

		final var task = Tasks.create("oscillation", 0.001);
		final TestResult ra = TestStage.run(a, task, 3, Progress.NONE), rb = TestStage.run(b, task, 3, Progress.NONE);
		assertArrayEquals(ra.nmse(), rb.nmse());
		assertTrue(java.util.Arrays.deepEquals(ra.outputs(), rb.outputs()));
		assertArrayEquals(ra.spikeNeuron(), rb.spikeNeuron());
		assertTrue(ra.spikeNeuron().length > 0, "the test network spikes");
	}

	/** An E/I network with sparse synapses and the sign-constrained feedback: every array back bit for bit. */
	@Test
	void sparseEiNetworkRoundTripsBitExactlyAndTestsIdentically(@TempDir final Path dir) throws IOException {
		final TrainingConfig c = TrainingConfig.DEFAULTS.withTrials(new TrialCounts(2, 4, 4, 4, 3))
			.with("neurons", "60").with("rate_units", "40").with("gs", "0.1").with("gf", "0.1").with("seed", "5")
			.with("excitatory_fraction", "0.8").with("connection_p", "0.2").with("sign_constrained", "true");
		final TrainedNetwork a = Pipeline.train(c, Progress.NONE).network();
		final Path file = dir.resolve("ei.npz");
		NetworkFile.save(a, file);
		final TrainedNetwork b = NetworkFile.load(file);
		assertEquals(a.params(), b.params());
		for (final boolean slow : new boolean[] { true, false }) {
			final FixedSynapses.Sparse x = (FixedSynapses.Sparse) (slow ? a.connectivity().slowRandom() : a.connectivity().fastRandom());
			final FixedSynapses.Sparse y = (FixedSynapses.Sparse) (slow ? b.connectivity().slowRandom() : b.connectivity().fastRandom());
			assertArrayEquals(x.start(), y.start());
			assertArrayEquals(x.rows(), y.rows());
			assertArrayEquals(x.weights(), y.weights());
		}
		assertTrue(java.util.Arrays.deepEquals(a.connectivity().feedback(), b.connectivity().feedback()));
		assertTrue(java.util.Arrays.deepEquals(a.feedbackWeights(), b.feedbackWeights()));
		final var task = Tasks.create("oscillation", 0.001);
		final TestResult ra = TestStage.run(a, task, 3, Progress.NONE), rb = TestStage.run(b, task, 3, Progress.NONE);
		assertArrayEquals(ra.nmse(), rb.nmse());
		assertArrayEquals(ra.spikeNeuron(), rb.spikeNeuron());
		assertArrayEquals(ra.spikeStep(), rb.spikeStep());
	}

	/** A file written before the E/I parameters existed loads as the one-population dense network it holds. */
	@Test
	void aFileWithoutThePopulationParametersLoads(@TempDir final Path dir) throws IOException {
		final Path file = dir.resolve("old.npz");
		NetworkFile.save(run.network(), file);
		OldFiles.dropPopulationParameters(file);
		final TrainedNetwork b = NetworkFile.load(file);
		assertEquals(run.network().params(), b.params());
		assertEquals(1, b.params().excitatoryFraction());
		assertTrue(b.connectivity().slowRandom() instanceof FixedSynapses.Dense);
		final var task = Tasks.create("oscillation", 0.001);
		assertArrayEquals(TestStage.run(run.network(), task, 2, Progress.NONE).nmse(), TestStage.run(b, task, 2, Progress.NONE).nmse());
	}

	@Test
	void targetsRoundTripBitExactly(@TempDir final Path dir) throws IOException {
		final Path file = dir.resolve("targets.npz");
		TargetsFile.save(run.targets(), file);
		final RateTargets a = run.targets(), b = TargetsFile.load(file);
		assertEquals(a.params(), b.params());
		assertEquals(a.task(), b.task());
		assertArrayEquals(a.initialState(), b.initialState());
		assertArrayEquals(a.basis().eigenvalues(), b.basis().eigenvalues());
		assertTrue(java.util.Arrays.deepEquals(a.basis().components(), b.basis().components()));
		assertTrue(java.util.Arrays.deepEquals(a.connectivity().outputDrive(), b.connectivity().outputDrive()));
		assertTrue(java.util.Arrays.deepEquals(a.connectivity().inputDrive(), b.connectivity().inputDrive()));
	}

	@Test
	void corruptTruncatedAndForeignFilesAreNamed(@TempDir final Path dir) throws IOException {
		final Path good = dir.resolve("net.npz");
		NetworkFile.save(run.network(), good);
		final byte[] bytes = Files.readAllBytes(good);

		final Path truncated = dir.resolve("truncated.npz");
		Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
		FileFormatException e = assertThrows(FileFormatException.class, () -> NetworkFile.load(truncated));
		assertTrue(e.getMessage().contains("truncated.npz"), e.getMessage());

		final Path text = dir.resolve("notes.npz");
		Files.writeString(text, "not a zip at all");
		e = assertThrows(FileFormatException.class, () -> NetworkFile.load(text));
		assertTrue(e.getMessage().contains("notes.npz") && e.getMessage().contains("not a .npz"), e.getMessage());

		final Path foreign = dir.resolve("foreign.npz");
		Npz.write(foreign, Map.of("x", NpyArray.of(new double[] { 1, 2 })), Map.of());
		e = assertThrows(FileFormatException.class, () -> NetworkFile.load(foreign));
		assertTrue(e.getMessage().contains("not a Rate2Spike file"), e.getMessage());

		final Path targets = dir.resolve("targets.npz");
		TargetsFile.save(run.targets(), targets);
		e = assertThrows(FileFormatException.class, () -> NetworkFile.load(targets));
		assertTrue(e.getMessage().contains("'rate2spike-targets' file where a 'rate2spike-network' file was expected"), e.getMessage());

		final Path missing = dir.resolve("missing.npz");
		e = assertThrows(FileFormatException.class, () -> NetworkFile.load(missing));
		assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
	}

	@Test
	void npyHeadersFollowNumPysLayout() {
		final byte[] b = Npz.npy(NpyArray.ofRows(new double[][] { { 1, 2, 3 }, { 4, 5, 6 } }, 3));
		final int headerLen = (b[8] & 0xff) | (b[9] & 0xff) << 8;
		assertEquals(0, (10 + headerLen) % 64, "data starts 64-byte aligned");
		final String header = new String(b, 10, headerLen, java.nio.charset.StandardCharsets.US_ASCII);
		assertTrue(header.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }"), header);
		assertTrue(header.endsWith("\n"));
		assertEquals(10 + headerLen + 6 * 8, b.length);
		final NpyArray back = Npz.parseNpy(Path.of("x.npz"), "m", b);
		assertArrayEquals(new int[] { 2, 3 }, back.shape());
		assertArrayEquals(new double[] { 1, 2, 3, 4, 5, 6 }, back.doubles());
		assertTrue(new String(Npz.npy(NpyArray.of(new int[] { 7 })), java.nio.charset.StandardCharsets.US_ASCII).contains("'<i4', 'fortran_order': False, 'shape': (1,), }"));
	}
}
