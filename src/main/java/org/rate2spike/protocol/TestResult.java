package org.rate2spike.protocol;

import java.util.Arrays;
import java.util.Map;

/**
 * What a test run measured.
 *
 * @param nmse per test trial, Σ‖z − f_out‖² / Σ‖f_out‖²
 * @param meanRateHz total spikes / (N × steps × dt) over the test trials
 * @param spikeCounts per neuron, over the test trials
 * @param outputs z of each test trial, [trial][channel][step]
 * @param targets f_out of each test trial, [trial][channel][step]
 * @param spikeNeuron neuron of each spike in the test trials, in time order
 * @param spikeStep step (counted from the first test trial) of each spike
 * @param stepsPerTrial steps of each test trial
 * @param dt time step (s)
 * @param seconds wall time
 * @param partial true when cancelled before all test trials ran
 * @param conditions condition of each test trial
 * @param conditionLabels the task's name for each condition (index = condition)
 * @param diverged why the test stopped early because the network diverged ("" when it did not)
 * @param scores task-specific scores and, for tasks with several conditions, {@code per_condition} (a list of
 *        {@code condition}, {@code trials}, {@code median_test_nmse}) and {@code median_condition_nmse}; added to
 *        summary.json as they are
 * @param factorErrors how well the network generated its factors f_PC in these trials, and how well perfect factors
 *        could carry the output (null where not measured)
 */
public record TestResult(double[] nmse, double meanRateHz, int[] spikeCounts, double[][][] outputs, double[][][] targets,
	int[] spikeNeuron, int[] spikeStep, int[] stepsPerTrial, double dt, double seconds, boolean partial, int[] conditions,
	String[] conditionLabels, Map<String, Object> scores, String diverged, FactorErrors factorErrors) {

	/** A result that did not diverge, without factor errors. */
	public TestResult(final double[] nmse, final double meanRateHz, final int[] spikeCounts, final double[][][] outputs,
		final double[][][] targets, final int[] spikeNeuron, final int[] spikeStep, final int[] stepsPerTrial, final double dt,
		final double seconds, final boolean partial, final int[] conditions, final String[] conditionLabels,
		final Map<String, Object> scores)
	{
		this(nmse, meanRateHz, spikeCounts, outputs, targets, spikeNeuron, spikeStep, stepsPerTrial, dt, seconds, partial,
			conditions, conditionLabels, scores, "", null);
	}

	/** The test stopped because the network diverged (not cancelled). */
	public boolean isDiverged() {
		return !diverged.isEmpty();
	}

	/** A result without conditions or task scores (every trial condition 0). */
	public TestResult(final double[] nmse, final double meanRateHz, final int[] spikeCounts, final double[][][] outputs,
		final double[][][] targets, final int[] spikeNeuron, final int[] spikeStep, final int[] stepsPerTrial, final double dt,
		final double seconds, final boolean partial)
	{
		this(nmse, meanRateHz, spikeCounts, outputs, targets, spikeNeuron, spikeStep, stepsPerTrial, dt, seconds, partial,
			new int[nmse.length], new String[] { "1" }, Map.of());
	}

	public double medianNmse() {
		return Metrics.median(nmse);
	}

	public double meanNmse() {
		return Arrays.stream(nmse).average().orElse(Double.NaN);
	}

	public int trials() {
		return nmse.length;
	}

	/** Median test nMSE of the trials of one condition (NaN when none was tested). */
	public double medianNmse(final int condition) {
		return Metrics.median(Arrays.stream(trialsOf(condition)).mapToDouble(i -> nmse[i]).toArray());
	}

	/** Indices of the test trials of one condition, in order. */
	public int[] trialsOf(final int condition) {
		return java.util.stream.IntStream.range(0, nmse.length).filter(i -> conditions[i] == condition).toArray();
	}

	/** Fewest test trials for which {@link #driftWarning} compares the first and the last quarter. */
	public static final int DRIFT_MIN_TRIALS = 8;

	/** Median nMSE of the first ⌈K/4⌉ test trials (NaN with fewer than {@value #DRIFT_MIN_TRIALS}). */
	public double firstQuarterMedianNmse() {
		return nmse.length < DRIFT_MIN_TRIALS ? Double.NaN : Metrics.median(Arrays.copyOfRange(nmse, 0, quarter()));
	}

	/** Median nMSE of the last ⌈K/4⌉ test trials (NaN with fewer than {@value #DRIFT_MIN_TRIALS}). */
	public double lastQuarterMedianNmse() {
		return nmse.length < DRIFT_MIN_TRIALS ? Double.NaN : Metrics.median(Arrays.copyOfRange(nmse, nmse.length - quarter(), nmse.length));
	}

	private int quarter() {
		return (nmse.length + 3) / 4;
	}

	/** Test trials at the start that {@link #driftWarning} also compares the later ones with. */
	public static final int EARLY_TRIALS = 10;

	/** The nMSE above which {@link #poorFractionAfterEarly} counts a trial as off the target. */
	public static final double POOR_NMSE = 0.05;

	/** Share of the later trials above {@link #POOR_NMSE} from which an early decay is a drift. */
	public static final double POOR_SHARE = 0.25;

	/** Median nMSE of the first {@value #EARLY_TRIALS} test trials (NaN with fewer than 2 × that many). */
	public double earlyMedianNmse() {
		return nmse.length < 2 * EARLY_TRIALS ? Double.NaN : Metrics.median(Arrays.copyOf(nmse, EARLY_TRIALS));
	}

	/** Median nMSE of the test trials after the first {@value #EARLY_TRIALS} (NaN with fewer than 2 × that many). */
	public double laterMedianNmse() {
		return nmse.length < 2 * EARLY_TRIALS ? Double.NaN : Metrics.median(Arrays.copyOfRange(nmse, EARLY_TRIALS, nmse.length));
	}

	/**
	 * Fraction of the test trials after the first {@value #EARLY_TRIALS} whose nMSE is above {@value #POOR_NMSE}
	 * (NaN with fewer than 2 × {@value #EARLY_TRIALS} trials).
	 */
	public double poorFractionAfterEarly() {
		if (nmse.length < 2 * EARLY_TRIALS) return Double.NaN;
		int poor = 0;
		for (int i = EARLY_TRIALS; i < nmse.length; i++) if (nmse[i] > POOR_NMSE) poor++;
		return poor / (double) (nmse.length - EARLY_TRIALS);
	}

	/**
	 * A warning when the network falls off the target during the test, else null. A trained network can be an accurate
	 * but unstable orbit: it follows the target for a while after the teacher lets go and then drifts away, so a short
	 * test can look better than the network is. Two rules, either fires:
	 * <ul>
	 * <li>late: the last quarter of the trials more than 10× worse than the first quarter, and above 0.1;</li>
	 * <li>early: the first {@value #EARLY_TRIALS} trials on the target (median below {@value #POOR_NMSE}), then at
	 * least a quarter of the later trials above {@value #POOR_NMSE} and their median more than 10× the early one. This
	 * catches a decay that starts within the first quarter, which the late rule misses.</li>
	 * </ul>
	 */
	public String driftWarning() {
		final double first = firstQuarterMedianNmse(), last = lastQuarterMedianNmse();
		if (last > 0.1 && last > 10 * first) return String.format("the output drifts off the target during the test (median " +
			"nMSE %.3g over the first quarter of the %d test trials, %.3g over the last); test with more trials " +
			"(trials_test) to see where it settles", first, nmse.length, last);
		final double early = earlyMedianNmse(), later = laterMedianNmse(), poor = poorFractionAfterEarly();
		if (early < POOR_NMSE && poor >= POOR_SHARE && later > 10 * early) return String.format("the output drifts off the " +
			"target early in the test (median nMSE %.3g over the first %d test trials, %.3g over the other %d, %.0f%% of " +
			"them above %.2g); test with more trials (trials_test) to see where it settles", early, EARLY_TRIALS, later,
			nmse.length - EARLY_TRIALS, 100 * poor, POOR_NMSE);
		return null;
	}

	/** Per-neuron firing rates over the test trials (Hz). */
	public double[] rates() {
		long steps = 0;
		for (final int s : stepsPerTrial) steps += s;
		final double seconds = steps * dt;
		final double[] r = new double[spikeCounts.length];
		for (int i = 0; i < r.length; i++) r[i] = spikeCounts[i] / seconds;
		return r;
	}
}
