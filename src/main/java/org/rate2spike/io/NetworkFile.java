package org.rate2spike.io;

import org.rate2spike.format.Npz;
import org.rate2spike.format.NpyArray;
import org.rate2spike.format.Json;
import org.rate2spike.format.FileFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.rate2spike.learn.Rls;
import org.rate2spike.protocol.Checkpoint;
import org.rate2spike.protocol.TrainedNetwork;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.protocol.TrainingLog;
import org.rate2spike.protocol.TrialCounts;
import org.rate2spike.rate.RateTargets;
import org.rate2spike.spiking.FixedSynapses;
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
 * trial), and, when gs or gf > 0, the random synapses: dense ({@code slow_random} and {@code fast_random}, N×N, [i, j]
 * from j to i) for one population with connection_p 1, otherwise sparse by presynaptic neuron
 * ({@code slow_random_start}, N+1 int32 offsets; {@code slow_random_rows}, int32 postsynaptic neurons;
 * {@code slow_random_weights}, the single-precision weights as float64; likewise {@code fast_random_*}); with
 * sign_constrained, {@code factor_offset} (ñ, z̄: the network learned the factors less these).
 * The columns of W and w follow s = [slow traces; fast traces] of {@code trained_neurons} in that order.
 * A network of the {@code data} task keeps its task's data as the targets file does ({@code data} in meta.json,
 * {@code data_<set>_values_<c>} and {@code data_<set>_times_<c>}; see {@link DataEntries}), so that it can be tested,
 * read out, exported and (from a checkpoint) resumed without the data files.
 */
public final class NetworkFile {

	public static final String FORMAT = "rate2spike-network";

	private NetworkFile() {}

	public static void save(final TrainedNetwork net, final Path file) throws IOException {
		checkFinite(net, file);
		final JsonObject meta = meta(net);
		Npz.write(file, arrays(net), Map.of("meta.json", Json.write(meta)));
	}

	/**
	 * A checkpoint: a network file (loadable and testable as the partial network it holds) plus the state to continue
	 * from: {@code checkpoint_state} (6 rows: V, feedback current, slow and fast random currents, s, inhibition, then
	 * one row per variable of neuron-model state such as alif's w or Izhikevich's u — as a ragged set of arrays
	 * {@code checkpoint_state_0…}), {@code checkpoint_p} (2n×2n), {@code checkpoint_pending}
	 * (k×2n), {@code checkpoint_neg_c}, {@code checkpoint_q_slow}, {@code checkpoint_q_fast}, {@code checkpoint_flags},
	 * and {@code checkpoint.rls_trials_done} in meta.json.
	 */
	public static void saveCheckpoint(final Checkpoint c, final Path file) throws IOException {
		checkFinite(c.network(), file);
		final JsonObject meta = meta(c.network());
		final JsonObject ck = new JsonObject();
		ck.addProperty("rls_trials_done", c.trialsDone());
		meta.add("checkpoint", ck);
		final Map<String, NpyArray> a = arrays(c.network());
		for (int i = 0; i < c.networkState().length; i++) a.put("checkpoint_state_" + i, NpyArray.of(c.networkState()[i]));
		final Rls.Snapshot r = c.rls();
		final int size = r.p().length;
		a.put("checkpoint_p", NpyArray.ofRows(r.p(), size));
		a.put("checkpoint_pending", NpyArray.ofRows(r.pending(), size));
		a.put("checkpoint_neg_c", NpyArray.of(r.negC()));
		a.put("checkpoint_q_slow", NpyArray.of(r.qSlow()));
		a.put("checkpoint_q_fast", NpyArray.of(r.qFast()));
		a.put("checkpoint_flags", NpyArray.of(r.flags()));
		Npz.write(file, a, Map.of("meta.json", Json.write(meta)));
	}

	public static Checkpoint loadCheckpoint(final Path file) throws IOException {
		final Npz.Contents c = Npz.read(file, TargetsFile.guard(file));
		final TrainedNetwork net = load(file, c);
		final JsonObject meta = TargetsFile.checkHeader(c, FORMAT);
		if (!meta.has("checkpoint")) throw new FileFormatException(file, "is a network file without a checkpoint; resume takes " +
			"the checkpoint.npz that train --checkpoint-every writes");
		try {
			final int size = 2 * net.connectivity().trained().length;
			int rows = 6; // the network's own rows, then any rows of neuron-model state
			while (c.arrays().containsKey("checkpoint_state_" + rows)) rows++;
			final double[][] state = new double[rows][];
			for (int i = 0; i < rows; i++) state[i] = c.array("checkpoint_state_" + i).doubles();
			final NpyArray pending = c.array("checkpoint_pending");
			final double[][] pend = pending.shape()[0] == 0 ? new double[0][] : c.array("checkpoint_pending", pending.shape()[0], size).rows();
			final Rls.Snapshot r = new Rls.Snapshot(c.array("checkpoint_p", size, size).rows(), pend,
				c.array("checkpoint_neg_c", pend.length).doubles(), c.array("checkpoint_q_slow", size).doubles(),
				c.array("checkpoint_q_fast", size).doubles(), c.array("checkpoint_flags", 2).ints());
			return new Checkpoint(net, state, r, meta.getAsJsonObject("checkpoint").get("rls_trials_done").getAsInt());
		}
		catch (final FileFormatException e) {
			throw e;
		}
		catch (final RuntimeException e) {
			throw new FileFormatException(file, "has an incomplete checkpoint (" + e + ")");
		}
	}

	/** The network's parameters as its file's meta.json holds them (format, task, seeds, every parameter, training). */
	public static String metaJson(final TrainedNetwork net) {
		return Json.write(meta(net));
	}

	private static JsonObject meta(final TrainedNetwork net) {
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

		return meta;
	}

	/** Refuses to save weights that are not all finite: a file holds a usable network or none. */
	private static void checkFinite(final TrainedNetwork net, final Path file) {
		final String bad = nonFinite(net);
		if (bad != null) throw new org.rate2spike.protocol.TrainingFailedException("not saving " + file + ": its " + bad +
			" hold NaN or infinite values (the training diverged); try a larger rls_alpha or a smaller gz");
	}

	/** Which arrays of the network hold a value that is not finite, or null. */
	static String nonFinite(final TrainedNetwork net) {
		if (!finite(net.feedbackWeights())) return "feedback weights";
		if (!finite(net.readoutWeights())) return "readout weights";
		if (!finite(new double[][] { net.initialVoltage(), net.meanInput() })) return "initial voltages or mean inputs";
		final SpikingConnectivity k = net.connectivity();
		if (!finite(k.feedback()) || !finite(k.input()) || !k.slowRandom().finite() || !k.fastRandom().finite()) return "connection weights";
		return null;
	}

	private static boolean finite(final double[][] a) {
		for (final double[] r : a) for (final double v : r) if (!Double.isFinite(v)) return false;
		return true;
	}

	private static Map<String, NpyArray> arrays(final TrainedNetwork net) {
		final Map<String, NpyArray> a = new java.util.LinkedHashMap<>(TargetsFile.arrays(net.targets()));
		final TrainingLog log = net.log();
		final SpikingConnectivity k = net.connectivity();
		final int n = net.neurons();
		a.put("feedback_projection", NpyArray.ofColumns(k.feedback(), n));
		a.put("input_projection", NpyArray.ofColumns(k.input(), n));
		a.put("trained_neurons", NpyArray.of(k.trained()));
		if (net.params().signConstrained()) a.put("factor_offset", NpyArray.of(k.factorOffset()));
		putSynapses(a, "slow_random", k.slowRandom(), n);
		putSynapses(a, "fast_random", k.fastRandom(), n);
		a.put("initial_voltage", NpyArray.of(net.initialVoltage()));
		a.put("mean_input", NpyArray.of(net.meanInput()));
		final int traces = 2 * k.trained().length;
		a.put("feedback_weights", NpyArray.ofRows(net.feedbackWeights(), traces));
		a.put("readout_weights", NpyArray.ofRows(net.readoutWeights(), traces));
		a.put("training_nmse", NpyArray.of(log.rlsNmse()));
		a.put("training_factor_nmse", NpyArray.of(log.rlsFactorNmse()));
		return a;
	}

	private static void putSynapses(final Map<String, NpyArray> a, final String name, final FixedSynapses s, final int n) {
		if (s instanceof FixedSynapses.Dense d) {
			if (!d.isEmpty()) a.put(name, NpyArray.ofColumns(d.columns(), n));
		}
		else if (s instanceof FixedSynapses.Sparse sp) {
			a.put(name + "_start", NpyArray.of(sp.start()));
			a.put(name + "_rows", NpyArray.of(sp.rows()));
			final double[] w = new double[sp.weights().length];
			for (int k = 0; k < w.length; k++) w[k] = sp.weights()[k]; // exact: float → double → float round-trips
			a.put(name + "_weights", NpyArray.of(w));
		}
	}

	/** Sparse synapses where the file has {@code name_start}, dense ones otherwise (also every file written before). */
	private static FixedSynapses synapses(final Npz.Contents c, final String name, final int n) {
		if (!c.arrays().containsKey(name + "_start")) return new FixedSynapses.Dense(c.array(name, n, n).columns());
		final int[] start = c.array(name + "_start", n + 1).ints();
		final int[] rows = c.array(name + "_rows").ints();
		final double[] w = c.array(name + "_weights", rows.length).doubles();
		final float[] weights = new float[w.length];
		for (int k = 0; k < w.length; k++) {
			weights[k] = (float) w[k];
			if (weights[k] != w[k] && !Double.isNaN(w[k])) throw new FileFormatException(c.file(), name + "_weights holds " + w[k] +
				", not a single-precision value");
		}
		try {
			return new FixedSynapses.Sparse(n, start, rows, weights);
		}
		catch (final IllegalArgumentException e) {
			throw new FileFormatException(c.file(), "has inconsistent " + name + " arrays: " + e.getMessage());
		}
	}

	public static TrainedNetwork load(final Path file) throws IOException {
		return load(file, Npz.read(file, TargetsFile.guard(file)));
	}

	private static TrainedNetwork load(final Path file, final Npz.Contents c) {
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
			final FixedSynapses slow = params.slowGain() > 0 ? synapses(c, "slow_random", n) : FixedSynapses.NONE;
			final FixedSynapses fast = params.fastGain() > 0 ? synapses(c, "fast_random", n) : FixedSynapses.NONE;
			final SpikingConnectivity conn = new SpikingConnectivity(c.array("feedback_projection", n, pcs).columns(),
				c.array("input_projection", n, targets.inputs()).columns(), trained, slow, fast,
				params.signConstrained() ? c.array("factor_offset", pcs).doubles() : new double[pcs]);
			final JsonObject t = meta.getAsJsonObject("training");
			final double[] nmse = c.array("training_nmse").doubles();
			final TrainingLog log = new TrainingLog(t.get("demean_rate_hz").getAsDouble(), nmse,
				c.array("training_factor_nmse", nmse.length).doubles(), t.get("demean_s").getAsDouble(),
				t.get("rls_s").getAsDouble(), t.get("partial").getAsBoolean(), t.has("note") ? t.get("note").getAsString() : "");
			final TrainedNetwork net = new TrainedNetwork(targets, params, meta.get("seed").getAsLong(), counts, conn,
				c.array("initial_voltage", n).doubles(), c.array("mean_input", n).doubles(),
				c.array("feedback_weights", pcs, traces).rows(), c.array("readout_weights", targets.outputs(), traces).rows(),
				log);
			final String bad = nonFinite(net);
			if (bad != null) throw new FileFormatException(file, "its " + bad + " hold NaN or infinite values (the network it " +
				"holds diverged); train it again, e.g. with a larger rls_alpha");
			return net;
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
