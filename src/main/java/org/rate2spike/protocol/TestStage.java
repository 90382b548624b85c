package org.rate2spike.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rate2spike.kernels.Kernels;
import org.rate2spike.learn.Decoders;
import org.rate2spike.readout.Features;
import org.rate2spike.readout.Readout;
import org.rate2spike.readout.Signals;
import org.rate2spike.spiking.SpikingNetwork;
import org.rate2spike.task.Task;
import org.rate2spike.task.Trial;
import org.rate2spike.util.Check;
import org.rate2spike.util.ParameterException;

/** Stage 3: run a trained network autonomously on test trials, without learning, and score it. */
public final class TestStage {

	private TestStage() {}

	public static TestResult run(final TrainedNetwork network, final Task task, final int testTrials, final Progress progress) {
		return run(network, task, testTrials, progress, null);
	}

	/**
	 * Tests with a named readout in place of the one learned in training: its output is scored against its own
	 * signals. The feedback W is the trained one either way.
	 */
	public static TestResult run(final TrainedNetwork network, final Task task, final int testTrials, final Progress progress,
		final Readout readout)
	{
		return run(network, task, testTrials, progress, readout, null);
	}

	/**
	 * Scores a trained network as {@link #run} does, on validation trials: the same settling trials, then counted
	 * trials from the validation stream ({@link Phase#VALIDATION}), never the test's. A settings search chooses on these,
	 * so the test trials stay unseen until the chosen settings are tested.
	 */
	public static TestResult validate(final TrainedNetwork network, final Task task, final int trials, final Progress progress) {
		return validate(network, task, trials, progress, null);
	}

	/** As above, replaying the teacher's f_PC kept in {@code cache} (may be null) where the trials match. */
	public static TestResult validate(final TrainedNetwork network, final Task task, final int trials, final Progress progress,
		final TeacherCache cache)
	{
		Check.atLeast("trials_validation", trials, 1);
		return run(Phase.VALIDATION, network, task, trials, progress, null, null, cache);
	}

	/**
	 * As {@link #run(TrainedNetwork, Task, int, Progress)}, replaying the teacher's f_PC that the training of the same
	 * run kept in {@code cache} (may be null) where the trials match: the same result, without running the rate network
	 * again.
	 */
	public static TestResult afterTraining(final TrainedNetwork network, final Task task, final int testTrials,
		final Progress progress, final TeacherCache cache)
	{
		return run(network, task, testTrials, progress, null, null, cache);
	}

	/** As above, with one more observer of every step (e.g. to record membrane potentials for export). */
	static TestResult run(final TrainedNetwork network, final Task task, final int testTrials, final Progress progress,
		final Readout readout, final SpikingSimulation.StepObserver extra)
	{
		return run(network, task, testTrials, progress, readout, extra, null);
	}

	private static TestResult run(final TrainedNetwork network, final Task task, final int testTrials, final Progress progress,
		final Readout readout, final SpikingSimulation.StepObserver extra, final TeacherCache cache)
	{
		Check.atLeast("trials_test", testTrials, 1);
		return run(Phase.TEST, network, task, testTrials, progress, readout, extra, cache);
	}

	private static TestResult run(final Phase phase, final TrainedNetwork network, final Task task, final int testTrials,
		final Progress progress, final Readout readout, final SpikingSimulation.StepObserver extra, final TeacherCache cache)
	{
		TrainingStage.checkTask(network.targets(), task);
		final int neurons = network.neurons();
		final SpikingSimulation sim = new SpikingSimulation(network.targets(), task, network.params(), network.seed(),
			network.counts().init(), network.connectivity(), network.initialVoltage(), network.meanInput().clone(), cache);
		final Decoders decoders = Decoders.of(network.feedbackWeights(), network.readoutWeights());
		final Recorder rec = new Recorder(testTrials, task.outputs(), neurons, network.targets().factors());
		if (readout != null) {
			final double dt = network.targets().params().dt();
			rec.readout = readout;
			rec.signals = Signals.parse(readout.signals(), task);
			if (rec.signals.channels() != readout.channels()) throw new ParameterException("readout", "'" + readout.name() +
				"' reads out " + readout.channels() + " channels but its signals " + readout.signals() + " now have " +
				rec.signals.channels() + "; fit it again with the readout command");
			rec.features = new Features(readout.traces(), readout.neurons(), network.params(),
				network.connectivity().trained().length, dt);
			if (rec.features.size() != readout.features()) throw new ParameterException("readout", "'" + readout.name() +
				"' has " + readout.features() + " weights per channel but its basis has " + rec.features.size());
		}
		rec.extra = extra;
		rec.factorErrors = new FactorErrors.Accumulator(testTrials, network.targets().factors(),
			readout == null ? task.outputs() : readout.channels());
		final long start = System.nanoTime();
		final SpikingSimulation.PhaseTotals totals = sim.run(phase, testTrials, decoders, null, progress, rec);
		final double seconds = (System.nanoTime() - start) * 1e-9;
		final int done = totals.nmse.length;
		if (readout != null) for (int tr = 0; tr < done; tr++) totals.nmse[tr] = rec.readoutNmse(tr);
		final double[][][] outputs = Arrays.copyOf(rec.outputs, done), targets = Arrays.copyOf(rec.targets, done);
		final int[] conditions = Arrays.copyOf(rec.conditions, done);
		final String[] labels = new String[task.conditions()];
		for (int c = 0; c < labels.length; c++) labels[c] = task.conditionLabel(c);
		return new TestResult(totals.nmse, sim.meanRateHz(totals), rec.spikeCounts, outputs, targets, rec.neuron(),
			rec.step(), Arrays.copyOf(rec.steps, done), network.targets().params().dt(), seconds, totals.cancelled || totals.diverged != null, conditions,
			labels, scores(task, totals.nmse, outputs, targets, conditions, labels), totals.diverged == null ? "" : totals.diverged,
			rec.factorErrors.finish(done));
	}

	/** The task's own scores, then, for tasks with several conditions, the median test nMSE of each condition. */
	static Map<String, Object> scores(final Task task, final double[] nmse, final double[][][] outputs,
		final double[][][] targets, final int[] conditions, final String[] labels)
	{
		final Map<String, Object> m = new LinkedHashMap<>(task.scores(outputs, targets, conditions));
		if (labels.length < 2) return m;
		final List<Map<String, Object>> per = new ArrayList<>();
		final List<Double> medians = new ArrayList<>();
		for (int c = 0; c < labels.length; c++) {
			final int condition = c;
			final double[] values = java.util.stream.IntStream.range(0, nmse.length).filter(i -> conditions[i] == condition)
				.mapToDouble(i -> nmse[i]).toArray();
			final Map<String, Object> e = new LinkedHashMap<>();
			e.put("condition", labels[c]);
			e.put("trials", values.length);
			e.put("median_test_nmse", Metrics.median(values));
			per.add(e);
			if (values.length > 0) medians.add(Metrics.median(values));
		}
		m.put("per_condition", per);
		m.put("median_condition_nmse", Metrics.median(medians.stream().mapToDouble(Double::doubleValue).toArray()));
		return m;
	}

	/** Records outputs, targets and spikes of the counted trials; grows its spike buffers geometrically. */
	private static final class Recorder implements SpikingSimulation.StepObserver {
		final double[][][] outputs, targets;
		final int[] steps, conditions;
		final int[] spikeCounts;
		final int factors;
		final SpikeBuffer spikes = new SpikeBuffer(1 << 16);
		int offset, lastTrial = -1;

		Recorder(final int trials, final int outputs, final int neurons, final int factors) {
			this.outputs = new double[trials][][];
			this.targets = new double[trials][][];
			this.steps = new int[trials];
			this.conditions = new int[trials];
			this.spikeCounts = new int[neurons];
			this.factors = factors;
		}

		@Override
		public boolean wantsTeacher() {
			return true;
		}

		private double[] fPc;

		@Override
		public void teacher(final int trial, final int t, final double[] fPc) {
			this.fPc = fPc;
		}

		@Override
		public void step(final int trial, final int t, final Trial tr, final double[] out, final SpikingNetwork net) {
			record(trial, t, tr, out, net);
			if (extra != null) extra.step(trial, t, tr, out, net);
		}

		private void record(final int trial, final int t, final Trial tr, final double[] out, final SpikingNetwork net) {
			final double[] x = features == null ? null : features.update(net);
			if (trial < 0) return;
			if (trial != lastTrial) {
				if (lastTrial >= 0) offset += steps[lastTrial];
				lastTrial = trial;
				steps[trial] = tr.steps();
				conditions[trial] = tr.condition();
				outputs[trial] = new double[readout == null ? tr.outputs() : readout.channels()][tr.steps()];
				targets[trial] = readout == null ? tr.output() : signals.of(tr);
				if (target.length != targets[trial].length) target = new double[targets[trial].length];
			}
			if (readout == null) for (int o = 0; o < tr.outputs(); o++) outputs[trial][o][t] = out[factors + o];
			else for (int o = 0; o < readout.channels(); o++) outputs[trial][o][t] = Kernels.dot(readout.weights()[o], x, x.length);
			for (int o = 0; o < target.length; o++) target[o] = targets[trial][o][t];
			factorErrors.add(trial, t, tr.steps(), out, fPc, target);
			spikes.add(net, offset + t);
			final int[] idx = net.spikes();
			for (int q = 0; q < net.spikeCount(); q++) spikeCounts[idx[q]]++;
		}

		Readout readout;
		Signals signals;
		Features features;
		SpikingSimulation.StepObserver extra;
		FactorErrors.Accumulator factorErrors;
		double[] target = new double[0];

		double readoutNmse(final int trial) {
			double err = 0, tgt = 0;
			for (int o = 0; o < outputs[trial].length; o++)
				for (int t = 0; t < outputs[trial][o].length; t++) {
					final double e = outputs[trial][o][t] - targets[trial][o][t];
					err += e * e;
					tgt += targets[trial][o][t] * targets[trial][o][t];
				}
			return Metrics.nmse(err, tgt, steps[trial]);
		}

		int[] neuron() {
			return spikes.neurons();
		}

		int[] step() {
			return spikes.steps();
		}
	}
}
