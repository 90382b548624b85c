package org.rate2spike.robust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.rate2spike.format.FileFormatException;
import org.rate2spike.io.NetworkFile;
import org.rate2spike.io.TargetsFile;
import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.protocol.TrialCounts;
import org.rate2spike.util.ParameterException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random and mangled input may only ever produce the documented validation errors ({@link ParameterException},
 * whose {@link FileFormatException} names the file): never another exception, a hang or a crash.
 */
class MangledInputProperties {

	private static Path dir;
	private static byte[] network;
	private static final AtomicInteger LOADED = new AtomicInteger(), REJECTED = new AtomicInteger();

	@BeforeContainer
	static void saveOneNetwork() throws IOException {
		dir = Files.createTempDirectory("rate2spike-props");
		final Pipeline.Run run = Pipeline.train(TrainingConfig.DEFAULTS.withTrials(new TrialCounts(1, 2, 2, 2, 1))
			.with("neurons", "20").with("rate_units", "12").with("gs", "0.2"), Progress.NONE);
		final Path f = dir.resolve("good.npz");
		NetworkFile.save(run.network(), f);
		network = Files.readAllBytes(f);
	}

	@AfterContainer
	static void report() throws IOException {
		System.out.printf("mangled network files: %d loaded intact, %d rejected with a message%n", LOADED.get(), REJECTED.get());
		try (var s = Files.list(dir)) {
			s.forEach(p -> p.toFile().delete());
		}
		Files.deleteIfExists(dir);
	}

	@Provide
	Arbitrary<Tuple.Tuple3<Integer, Integer, Integer>> mangling() {
		// (what, where as a fraction of the file in 1/1000, byte value)
		return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 999),
			Arbitraries.integers().between(0, 255)).as(Tuple::of);
	}

	@Property(tries = 300)
	void mangledNetworkFilesLoadOrAreRejectedWithTheirName(@ForAll("mangling") final Tuple.Tuple3<Integer, Integer, Integer> m)
		throws IOException
	{
		final int at = (int) ((long) m.get2() * network.length / 1000);
		final byte[] bytes;
		switch (m.get1()) {
			case 0: // flip one byte
				bytes = network.clone();
				bytes[at] = (byte) (bytes[at] ^ (1 + m.get3() % 255));
				break;
			case 1: // truncate
				bytes = java.util.Arrays.copyOf(network, at);
				break;
			case 2: // overwrite a run of 16 bytes
				bytes = network.clone();
				for (int i = at; i < Math.min(bytes.length, at + 16); i++) bytes[i] = (byte) m.get3().intValue();
				break;
			default: // insert a byte
				bytes = new byte[network.length + 1];
				System.arraycopy(network, 0, bytes, 0, at);
				bytes[at] = (byte) m.get3().intValue();
				System.arraycopy(network, at, bytes, at + 1, network.length - at);
		}
		final Path f = dir.resolve("mangled.npz");
		Files.write(f, bytes);
		try {
			NetworkFile.load(f);
			LOADED.incrementAndGet();
		}
		catch (final FileFormatException e) {
			if (!e.getMessage().contains("mangled.npz")) throw new AssertionError("message does not name the file: " + e.getMessage());
			REJECTED.incrementAndGet();
		}
		try {
			TargetsFile.load(f);
		}
		catch (final ParameterException e) {
			// documented: wrong format, or damaged
		}
	}

	@Provide
	Arbitrary<String> parameterNames() {
		return Arbitraries.of(TrainingConfig.DESCRIPTIONS.keySet().toArray(new String[0]));
	}

	@Provide
	Arbitrary<String> values() {
		return Arbitraries.oneOf(Arbitraries.of("", "NaN", "-Infinity", "1e309", "-0", "0", "1", "-1", "0.5", "2,3", "1,2,3,4,5",
			"0,0,0,0,0", "abc", "999999999999", "oscillation", " 7 "), Arbitraries.doubles().between(-1e6, 1e6).map(String::valueOf),
			Arbitraries.integers().between(-10, 5000).map(String::valueOf));
	}

	@Property(tries = 2000)
	void anyParameterValueIsAcceptedOrRejectedByName(@ForAll("parameterNames") final String key, @ForAll("values") final String value) {
		try {
			TrainingConfig.DEFAULTS.with(key, value).validate();
		}
		catch (final ParameterException e) {
			if (e.getMessage() == null || e.getMessage().isBlank()) throw new AssertionError("empty message for " + key + "=" + value);
		}
	}

	@Provide
	Arbitrary<TrainingConfig> smallConfigs() {
		return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(1, 25), Arbitraries.integers().between(1, 12),
			Arbitraries.doubles().between(0.01, 1), Arbitraries.doubles().between(-5, 20), Arbitraries.doubles().between(-3, 3),
			Arbitraries.doubles().between(0.5, 5), Arbitraries.integers().between(0, 3)).as((n, units, frac, gz, mu, dtRls, pcs) ->
				TrainingConfig.DEFAULTS.withTrials(new TrialCounts(1, 1, 1, 1, 1)).with("neurons", "" + n)
					.with("rate_units", "" + units).with("trained_fraction", "" + frac).with("gz", "" + gz).with("mu_f", "" + mu)
					.with("dt_rls", "" + dtRls).with("pcs", "" + pcs));
	}

	/** Whole (tiny) trainings with random parameters: they finish or stop with a named parameter. */
	@Property(tries = 40)
	void randomSmallTrainingsFinishOrNameTheParameter(@ForAll("smallConfigs") final TrainingConfig c) {
		try {
			final Pipeline.Run r = Pipeline.train(c, Progress.NONE);
			if (r.test() == null) throw new AssertionError("no test result");
		}
		catch (final ParameterException e) {
			// documented
		}
		catch (final org.rate2spike.protocol.TrainingFailedException e) { // the divergence guard, which names what to change
			if (e.getMessage() == null || !e.getMessage().startsWith("training stopped: ")) throw e;
		}
	}
}
