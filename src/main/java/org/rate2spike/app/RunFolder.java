package org.rate2spike.app;

import org.rate2spike.io.NetworkFile;
import org.rate2spike.io.TargetsFile;

import org.rate2spike.format.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.protocol.ErrorDecomposition;
import org.rate2spike.protocol.PopulationAnalysis;
import org.rate2spike.protocol.ReadoutStage;
import org.rate2spike.protocol.SpikeTrainAnalysis;
import org.rate2spike.readout.Readout;
import org.rate2spike.protocol.TestResult;
import org.rate2spike.protocol.TrainedNetwork;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.render.Charts;
import org.rate2spike.render.PopulationCharts;
import org.rate2spike.spiking.Populations;

/**
 * The output folder of a run: {@code summary.json}, {@code targets.npz}, {@code network.npz} and the pictures
 * {@code output_vs_target.png}, {@code raster.png}, {@code training_nmse.png}, {@code rate_histogram.png},
 * {@code factor_error.png}, {@code psth.png} (one {@code psth_<condition>.png} per condition of a task with several).
 * The names in summary.json are stable: scripts read them.
 */
public final class RunFolder {

	public static final String SUMMARY = "summary.json", NETWORK = "network.npz", TARGETS = "targets.npz";

	/** The pictures of a test (condition_*.png: one per condition of the task). */
	public static final java.util.List<String> TEST_PICTURES = java.util.List.of("output_vs_target.png", "raster.png",
		"rate_histogram.png", "factor_error.png", "condition_*.png", "psth*.png", "populations_*.png");

	/** The files a training run owns: a new run replaces all of them, so none of an earlier run stays beside it. */
	public static final java.util.List<String> TRAINING_FILES = concat(java.util.List.of(SUMMARY, NETWORK, TARGETS,
		"training_nmse.png", "baseline.npz"), TEST_PICTURES);

	/** The files {@code test} owns. */
	public static final java.util.List<String> TEST_FILES = concat(java.util.List.of(SUMMARY), TEST_PICTURES);

	/** The files {@code readout} owns. */
	public static final java.util.List<String> READOUT_FILES = java.util.List.of("readout.json", "readout_vs_target*.png",
		"cv_error.png");

	private static java.util.List<String> concat(final java.util.List<String> a, final java.util.List<String> b) {
		final java.util.List<String> l = new java.util.ArrayList<>(a);
		l.addAll(b);
		return java.util.List.copyOf(l);
	}

	/** The picture of the test's factor errors (per factor and over the trial). */
	public static final String FACTOR_ERROR = "factor_error.png";

	/** The summary.json key of the parameters the task chose by itself (name → value). */
	public static final String CHOSEN_BY_TASK = "chosen_by_task";

	private RunFolder() {}

	public static void writeTraining(final Path dir, final Pipeline.Run run) throws IOException {
		writeTraining(dir, run, run.test() == null ? null : ErrorDecomposition.of(run.test()));
	}

	/** As above, with the test's error decomposition (null when the training stopped before the test). */
	public static void writeTraining(final Path dir, final Pipeline.Run run, final ErrorDecomposition decomposition)
		throws IOException
	{
		writeTraining(dir, run, decomposition, Map.of());
	}

	/**
	 * As above, also recording under {@code chosen_by_task} the parameters the task chose by itself
	 * ({@link org.rate2spike.pipeline.TaskSettings}; empty: none).
	 */
	public static void writeTraining(final Path dir, final Pipeline.Run run, final ErrorDecomposition decomposition,
		final Map<String, Double> chosen) throws IOException
	{
		final FileBatch files = new FileBatch();
		files.png(() -> Charts.trainingError(run.network().log()), dir.resolve("training_nmse.png"));
		files.add(() -> TargetsFile.save(run.targets(), dir.resolve(TARGETS)));
		files.add(() -> NetworkFile.save(run.network(), dir.resolve(NETWORK)));
		final Map<String, Object> s = new LinkedHashMap<>(run.config().toMap());
		s.put(CHOSEN_BY_TASK, chosen);
		s.putAll(networkSummary(run.network()));
		final Map<String, Object> wall = new LinkedHashMap<>();
		wall.put("pca", run.pcaSeconds());
		wall.put("demean", run.network().log().demeanSeconds());
		wall.put("rls", run.network().log().rlsSeconds());
		double total = run.pcaSeconds() + run.network().log().demeanSeconds() + run.network().log().rlsSeconds();
		if (run.test() != null) {
			s.putAll(testSummary(run.test(), run.network().neurons(), decomposition));
			writePopulations(dir, s, run.test(), Populations.of(run.network().params()), files);
			wall.put("test", run.test().seconds());
			total += run.test().seconds();
			writeTestPictures(dir, run.test(), files);
		}
		wall.put("total", total);
		s.put("wall_s", wall);
		s.put("cancelled", (run.network().log().partial() && run.network().log().note().startsWith("cancelled")) ||
			(run.test() != null && run.test().partial() && !run.test().isDiverged()));
		s.put("network_file", NETWORK);
		files.add(() -> Json.write(dir.resolve(SUMMARY), s));
		files.run();
	}

	/** For {@code test --network}: the network's parameters and the new test's scores. */
	public static void writeTest(final Path dir, final TrainedNetwork net, final TestResult test) throws IOException {
		final Map<String, Object> s = new LinkedHashMap<>();
		s.put("task", net.targets().task());
		s.put("seed", net.seed());
		s.putAll(TrainingConfig.rateMap(net.targets().params()));
		s.putAll(TrainingConfig.spikingMap(net.params()));
		s.putAll(networkSummary(net));
		s.putAll(testSummary(test, net.neurons(), ErrorDecomposition.of(test)));
		final FileBatch files = new FileBatch();
		writeTestPictures(dir, test, files);
		writePopulations(dir, s, test, Populations.of(net.params()), files);
		s.put("wall_s", Map.of("test", test.seconds()));
		files.add(() -> Json.write(dir.resolve(SUMMARY), s));
		files.run();
	}

	/** For {@code readout}: readout.json (stable names: penalty, heldout_nmse, heldout_r2 per channel) and pictures. */
	public static void writeReadout(final Path dir, final Path network, final ReadoutStage.Result r) throws IOException {
		final Readout ro = r.readout();
		final Map<String, Object> s = new LinkedHashMap<>();
		s.put("network", network.toString());
		s.put("name", ro.name());
		s.put("method", ro.method());
		s.put("basis", ro.traces());
		s.put("basis_neurons", ro.neurons());
		s.put("signals", ro.signals());
		s.put("features", ro.features());
		s.put("penalty", ro.penalty());
		s.put("heldout_nmse", ro.heldoutNmse());
		s.put("heldout_r2", ro.heldoutR2());
		s.put("train_nmse", r.trainNmse());
		s.put("train_r2", r.trainR2());
		s.put("median_heldout_nmse", r.medianHeldoutNmse());
		s.put("heldout_trial_nmse", r.heldoutTrialNmse());
		s.put("cv_penalties", r.penalties());
		s.put("cv_nmse", r.cvNmse());
		s.put("wall_s", r.seconds());
		for (int c = 0; c < ro.channels(); c++)
			Charts.savePng(Charts.tracesVsTargets(String.format("Readout '%s', held-out trials: channel %d (nMSE %.4f)",
				ro.name(), c + 1, ro.heldoutNmse()[c]), r.outputs(), r.targets(), r.dt(), 3, c),
				dir.resolve(ro.channels() == 1 ? "readout_vs_target.png" : "readout_vs_target_ch" + (c + 1) + ".png"));
		if (r.penalties().length > 0)
			Charts.savePng(Charts.crossValidation(r.penalties(), r.cvNmse(), ro.penalty()), dir.resolve("cv_error.png"));
		Json.write(dir.resolve("readout.json"), s);
	}

	private static Map<String, Object> networkSummary(final TrainedNetwork net) {
		final Map<String, Object> s = new LinkedHashMap<>();
		s.put("pcs", net.targets().factors());
		s.put("variance_explained", net.targets().basis().explained(net.targets().factors()));
		s.put("trained_neurons", net.connectivity().trained().length);
		s.put("demean_rate_hz", net.log().demeanRateHz());
		s.put("rls_trials_done", net.log().rlsTrialsDone());
		s.put("partial", net.log().partial());
		s.put("note", net.log().note());
		s.put("training_nmse", net.log().rlsNmse());
		return s;
	}

	private static Map<String, Object> testSummary(final TestResult t, final int neurons, final ErrorDecomposition d) {
		final Map<String, Object> s = new LinkedHashMap<>();
		if (t.isDiverged()) s.put("test_diverged", t.diverged()); // the scores below are of the trials before it
		s.put("test_nmse", t.nmse());
		s.put("median_test_nmse", t.medianNmse());
		s.put("mean_test_nmse", t.meanNmse());
		s.put("mean_rate_hz", t.meanRateHz());
		s.put("median_test_nmse_first_quarter", t.firstQuarterMedianNmse());
		s.put("median_test_nmse_last_quarter", t.lastQuarterMedianNmse());
		if (t.driftWarning() != null) s.put("drift_warning", t.driftWarning());
		int silent = 0;
		for (final int c : t.spikeCounts()) if (c == 0) silent++;
		s.put("silent_fraction", silent / (double) neurons);
		s.putAll(d.summary()); // where the error comes from
		s.putAll(SpikeTrainAnalysis.of(t).summary()); // ISI CV and CV2 within trials, Fano factors, PSTHs
		s.putAll(t.scores()); // task-specific scores and per_condition entries
		return s;
	}

	/** E/I networks: the {@code populations} entry of summary.json and the pictures by population. */
	private static void writePopulations(final Path dir, final Map<String, Object> s, final TestResult test, final Populations pops,
		final FileBatch files)
	{
		if (!pops.dale()) return;
		final PopulationAnalysis a = PopulationAnalysis.of(test, pops);
		s.put("populations", a.summary());
		files.png(() -> PopulationCharts.raster(test, pops, 3, 200), dir.resolve(POPULATION_RASTER));
		files.png(() -> PopulationCharts.rates(a), dir.resolve(POPULATION_RATES));
		for (int c = 0; c < test.conditionLabels().length; c++) {
			final int condition = c;
			if (test.trialsOf(c).length > 0) files.png(() -> PopulationCharts.psth(a, condition),
				dir.resolve("populations_" + psthPicture(test, test.conditionLabels()[c])));
		}
	}

	/** Pictures of an E/I network's test by population (with {@code populations_psth*.png}, one per condition). */
	public static final String POPULATION_RASTER = "populations_raster.png", POPULATION_RATES = "populations_rate_histogram.png";

	private static void writeTestPictures(final Path dir, final TestResult test, final FileBatch files) {
		files.png(() -> Charts.outputVsTarget(test, 3, 0), dir.resolve("output_vs_target.png"));
		files.png(() -> Charts.raster(test, 3, 200), dir.resolve("raster.png"));
		files.png(() -> Charts.rateHistogram(test), dir.resolve("rate_histogram.png"));
		if (test.factorErrors() != null) files.png(() -> Charts.factorErrors(test.factorErrors()), dir.resolve(FACTOR_ERROR));
		writeConditionPictures(dir, test, files);
		final SpikeTrainAnalysis a = SpikeTrainAnalysis.of(test);
		for (final SpikeTrainAnalysis.Condition c : a.conditions())
			if (c.trials() > 0) files.png(() -> Charts.psth(c, a.binSeconds()), dir.resolve(psthPicture(test, c.label())));
	}

	/** The PSTH picture's file name: {@code psth.png}, or {@code psth_<label>.png} for a task with several conditions. */
	public static String psthPicture(final TestResult test, final String label) {
		return test.conditionLabels().length < 2 ? "psth.png" : "psth_" + label.replaceAll("[^A-Za-z0-9_-]", "_") + ".png";
	}

	/**
	 * For tasks with several conditions: {@code condition_<label>.png}, the first test trial of each condition, every
	 * channel's output vs target (labels reduced to letters, digits, '-' and '_').
	 */
	private static void writeConditionPictures(final Path dir, final TestResult test, final FileBatch files) {
		if (test.conditionLabels().length < 2) return;
		for (int c = 0; c < test.conditionLabels().length; c++) {
			final int[] trials = test.trialsOf(c);
			if (trials.length == 0) continue;
			final String label = test.conditionLabels()[c];
			files.png(() -> Charts.conditionTrial(test, trials[0], "Condition " + label), dir.resolve(conditionPicture(label)));
		}
	}

	/** The per-condition picture's file name. */
	public static String conditionPicture(final String label) {
		return "condition_" + label.replaceAll("[^A-Za-z0-9_-]", "_") + ".png";
	}
}
