package org.rate2spike.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.rate2spike.protocol.TrainedNetwork;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.protocol.TrainingLog;
import org.rate2spike.protocol.TrialCounts;
import org.rate2spike.rate.RateTargets;
import org.rate2spike.spiking.SpikingConnectivity;
import org.rate2spike.spiking.SpikingParams;
import org.rate2spike.util.ParameterException;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

/**
 * A trained network as a {@code .npz}: everything of {@link TargetsFile}, plus {@code feedback_projection}
 * (N×ñ, U·uPC), {@code input_projection} (N×inputs, U·ũ_in), {@code trained_neurons} (n, int32),
 * {@code initial_voltage} (N), {@code mean_input} (N, Ī), {@code feedback_weights} (ñ×2n, W),
 * {@code readout_weights} (outputs×2n, w), {@code training_nmse} and {@code training_factor_nmse} (one per RLS
 * trial), and, when gs or gf > 0, {@code slow_random} and {@code fast_random} (N×N, [i, j] from j to i).
 * The columns of W and w follow s = [slow traces; fast traces] of {@code trained_neurons} in that order.
 */
public final class NetworkFile {

	public static final String FORMAT = "rate2spike-network";

	private NetworkFile() {}

	public static void save(final TrainedNetwork net, final Path file) throws IOException {
		final JsonObject meta = TargetsFile.header(FORMAT);
		TargetsFile.putTargetsMeta(meta, net.targets());
		final Gson gson = new Gson();
		meta.addProperty("seed", net.seed());
		meta.add("spiking", gson.toJsonTree(TrainingConfig.spikingMap(net.params())));
		final TrialCounts c = net.counts();
		meta.add("trials", gson.toJsonTree(Map.of("trials_init", c.init(), "trials_pca", c.pca(), "trials_demean",
			c.demean(), "trials_rls", c.rls(), "trials_test", c.test())));
		final TrainingLog log = net.log();
		final JsonObject training = new JsonObject();
		training.addProperty("demean_rate_hz", log.demeanRateHz());
		training.addProperty("demean_s", log.demeanSeconds());
		training.addProperty("rls_s", log.rlsSeconds());
		training.addProperty("rls_trials_done", log.rlsTrialsDone());
		training.addProperty("partial", log.partial());
		training.addProperty("note", log.note());
		meta.add("training", training);

		final var a = TargetsFile.arrays(net.targets());
		final SpikingConnectivity k = net.connectivity();
		final int n = net.neurons();
		a.put("feedback_projection", NpyArray.ofColumns(k.feedback(), n));
		a.put("input_projection", NpyArray.ofColumns(k.input(), n));
		a.put("trained_neurons", NpyArray.of(k.trained()));
		if (k.slowRandom().length > 0) a.put("slow_random", NpyArray.ofColumns(k.slowRandom(), n));
		if (k.fastRandom().length > 0) a.put("fast_random", NpyArray.ofColumns(k.fastRandom(), n));
		a.put("initial_voltage", NpyArray.of(net.initialVoltage()));
		a.put("mean_input", NpyArray.of(net.meanInput()));
		final int traces = 2 * k.trained().length;
		a.put("feedback_weights", NpyArray.ofRows(net.feedbackWeights(), traces));
		a.put("readout_weights", NpyArray.ofRows(net.readoutWeights(), traces));
		a.put("training_nmse", NpyArray.of(log.rlsNmse()));
		a.put("training_factor_nmse", NpyArray.of(log.rlsFactorNmse()));
		Npz.write(file, a, Map.of("meta.json", Json.write(meta)));
	}

	public static TrainedNetwork load(final Path file) throws IOException {
		final Npz.Contents c = Npz.read(file);
		final JsonObject meta = TargetsFile.checkHeader(c, FORMAT);
		final RateTargets targets = TargetsFile.targets(c, meta);
		try {
			final SpikingParams params = TrainingConfig.fromMap(Json.strings(meta.getAsJsonObject("spiking"))).spiking()
				.validate(targets.params().dt());
			final TrialCounts counts = TrainingConfig.fromMap(Json.strings(meta.getAsJsonObject("trials"))).trials();
			final int n = params.neurons(), pcs = targets.factors(), traces = 2 * params.trained();
			final int[] trained = c.array("trained_neurons", params.trained()).ints();
			for (final int i : trained)
				if (i < 0 || i >= n) throw new FileFormatException(file, "trained_neurons holds " + i + ", outside 0.." + (n - 1));
			final double[][] slow = params.slowGain() > 0 ? c.array("slow_random", n, n).columns() : new double[0][];
			final double[][] fast = params.fastGain() > 0 ? c.array("fast_random", n, n).columns() : new double[0][];
			final SpikingConnectivity conn = new SpikingConnectivity(c.array("feedback_projection", n, pcs).columns(),
				c.array("input_projection", n, targets.inputs()).columns(), trained, slow, fast);
			final JsonObject t = meta.getAsJsonObject("training");
			final double[] nmse = c.array("training_nmse").doubles();
			final TrainingLog log = new TrainingLog(t.get("demean_rate_hz").getAsDouble(), nmse,
				c.array("training_factor_nmse", nmse.length).doubles(), t.get("demean_s").getAsDouble(),
				t.get("rls_s").getAsDouble(), t.get("partial").getAsBoolean(), t.has("note") ? t.get("note").getAsString() : "");
			return new TrainedNetwork(targets, params, meta.get("seed").getAsLong(), counts, conn,
				c.array("initial_voltage", n).doubles(), c.array("mean_input", n).doubles(),
				c.array("feedback_weights", pcs, traces).rows(), c.array("readout_weights", targets.outputs(), traces).rows(),
				log);
		}
		catch (final FileFormatException e) {
			throw e;
		}
		catch (final ParameterException e) {
			throw new FileFormatException(file, "holds an invalid parameter: " + e.getMessage());
		}
		catch (final RuntimeException e) {
			throw new FileFormatException(file, "has incomplete or mistyped metadata or arrays (" + e + ")");
		}
	}
}
