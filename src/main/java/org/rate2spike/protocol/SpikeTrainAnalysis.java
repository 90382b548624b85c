package org.rate2spike.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spike-train statistics of a test run, trial by trial: intervals never span two trials (the test trials run back
 * to back, but a trial boundary is not an interval of the neuron's own).
 * <ul>
 * <li>ISI CV: per neuron, the standard deviation over the mean of its inter-spike intervals within trials, pooled over
 * the test trials (population variance); averaged over the neurons with at least {@value #MIN_INTERVALS} intervals.
 * A regular train has CV 0, a Poisson train CV 1.</li>
 * <li>CV2 (Holt et al. 1996): per neuron, the mean over pairs of consecutive intervals I_k, I_k+1 of one trial of
 * 2|I_k+1 − I_k| / (I_k+1 + I_k); averaged over the neurons with at least one pair. It compares neighbouring intervals
 * only, so a slow change of rate does not raise it: 0 for a regular train, 1 for a Poisson train.</li>
 * <li>Fano factor: per condition and neuron, the variance (n − 1 denominator) over the mean of the spike counts in a
 * window from the start of each test trial of that condition to the end of its shortest one (the whole trial when
 * they are of equal length); averaged over the neurons with a mean count above 0, and over the conditions with at
 * least 2 test trials.</li>
 * <li>PSTH: per condition, the population rate (spikes / (N × trials × bin)) in bins of {@link #PSTH_BIN_S} from the
 * trial start over the condition's shortest test trial; a last, shorter bin is divided by its own width.</li>
 * </ul>
 *
 * @param isiCv mean ISI CV (NaN when no neuron has enough intervals)
 * @param isiCvNeurons neurons that entered it
 * @param cv2 mean CV2 (NaN when no neuron has two intervals in one trial)
 * @param cv2Neurons neurons that entered it
 * @param fanoFactor mean Fano factor over the conditions that have one (NaN when none)
 * @param conditions per condition of the task, in order
 * @param binSeconds the PSTH's bin width (s)
 */
public record SpikeTrainAnalysis(double isiCv, int isiCvNeurons, double cv2, int cv2Neurons, double fanoFactor,
	List<Condition> conditions, double binSeconds) {

	/** The PSTH's bin width (s). */
	public static final double PSTH_BIN_S = 0.02;

	/** Fewest intervals within trials for a neuron's ISI CV. */
	public static final int MIN_INTERVALS = 2;

	/**
	 * @param label the task's name of the condition
	 * @param trials test trials of it
	 * @param windowSeconds the spike-count window of the Fano factor (the shortest of these trials; 0 without trials)
	 * @param fanoFactor mean Fano factor over its neurons with a mean count above 0 (NaN with fewer than 2 trials or no
	 *        spike)
	 * @param psthHz population rate per bin (Hz); bin b covers [b·bin, (b+1)·bin) from the trial start
	 */
	public record Condition(String label, int trials, double windowSeconds, double fanoFactor, double[] psthHz) {}

	public static SpikeTrainAnalysis of(final TestResult r) {
		return of(r, PSTH_BIN_S);
	}

	public static SpikeTrainAnalysis of(final TestResult r, final double binSeconds) {
		return of(r, binSeconds, 0, r.spikeCounts().length);
	}

	/**
	 * The statistics of neurons [from, to) only (one population): averages over its neurons, PSTHs divided by its size.
	 */
	public static SpikeTrainAnalysis of(final TestResult r, final double binSeconds, final int from, final int to) {
		final int all = r.spikeCounts().length;
		if (from < 0 || to > all || from >= to) throw new IllegalArgumentException("neurons " + from + ".." + (to - 1) +
			" are not a range of the " + all + " neurons");
		final int neurons = to - from;
		final List<int[][]> trains = trains(r, all); // [trial][neuron] → steps from the trial start
		final double[] cv = new double[neurons], cv2 = new double[neurons];
		for (int i = 0; i < neurons; i++) {
			final List<int[]> perTrial = new ArrayList<>();
			for (final int[][] t : trains) perTrial.add(t[from + i]);
			cv[i] = isiCv(perTrial);
			cv2[i] = cv2(perTrial);
		}
		final List<Condition> conditions = new ArrayList<>();
		double fanoSum = 0;
		int fanoCount = 0;
		final int binSteps = Math.max(1, (int) Math.round(binSeconds / r.dt()));
		for (int c = 0; c < r.conditionLabels().length; c++) {
			final int[] trials = r.trialsOf(c);
			int window = trials.length == 0 ? 0 : Integer.MAX_VALUE;
			for (final int tr : trials) window = Math.min(window, r.stepsPerTrial()[tr]);
			final int[][] counts = new int[trials.length][neurons];
			final double[] psth = new double[(window + binSteps - 1) / binSteps];
			for (int k = 0; k < trials.length; k++)
				for (int i = 0; i < neurons; i++)
					for (final int s : trains.get(trials[k])[from + i]) {
						if (s >= window) break;
						counts[k][i]++;
						psth[s / binSteps]++;
					}
			for (int b = 0; b < psth.length; b++) {
				final int width = Math.min(binSteps, window - b * binSteps);
				psth[b] /= (double) neurons * trials.length * width * r.dt();
			}
			final double fano = fanoFactor(counts);
			if (!Double.isNaN(fano)) {
				fanoSum += fano;
				fanoCount++;
			}
			conditions.add(new Condition(r.conditionLabels()[c], trials.length, window * r.dt(), fano, psth));
		}
		return new SpikeTrainAnalysis(meanOfFinite(cv), finite(cv), meanOfFinite(cv2), finite(cv2),
			fanoCount == 0 ? Double.NaN : fanoSum / fanoCount, List.copyOf(conditions), binSteps * r.dt());
	}

	/** The spikes of each test trial per neuron, as steps from the trial's start, in order. */
	private static List<int[][]> trains(final TestResult r, final int neurons) {
		final List<int[][]> out = new ArrayList<>();
		int q = 0, start = 0;
		for (int tr = 0; tr < r.trials(); tr++) {
			final int end = start + r.stepsPerTrial()[tr];
			final int[] n = new int[neurons];
			int q1 = q;
			while (q1 < r.spikeStep().length && r.spikeStep()[q1] < end) n[r.spikeNeuron()[q1++]]++;
			final int[][] t = new int[neurons][];
			for (int i = 0; i < neurons; i++) t[i] = new int[n[i]];
			final int[] fill = new int[neurons];
			for (; q < q1; q++) t[r.spikeNeuron()[q]][fill[r.spikeNeuron()[q]]++] = r.spikeStep()[q] - start;
			out.add(t);
			start = end;
		}
		return out;
	}

	/** ISI CV of one neuron's trains (one per trial; intervals within trials, pooled); NaN with too few intervals. */
	public static double isiCv(final List<int[]> trains) {
		double sum = 0, sumSq = 0;
		int n = 0;
		for (final int[] t : trains)
			for (int k = 1; k < t.length; k++) {
				final double isi = t[k] - t[k - 1];
				sum += isi;
				sumSq += isi * isi;
				n++;
			}
		if (n < MIN_INTERVALS) return Double.NaN;
		final double mean = sum / n;
		return Math.sqrt(Math.max(0, sumSq / n - mean * mean)) / mean;
	}

	/** CV2 of one neuron's trains (one per trial); NaN without two consecutive intervals in one trial. */
	public static double cv2(final List<int[]> trains) {
		double sum = 0;
		int n = 0;
		for (final int[] t : trains)
			for (int k = 2; k < t.length; k++) {
				final double a = t[k - 1] - t[k - 2], b = t[k] - t[k - 1];
				sum += 2 * Math.abs(b - a) / (a + b);
				n++;
			}
		return n == 0 ? Double.NaN : sum / n;
	}

	/**
	 * Mean over neurons of var/mean of their counts over trials ([trial][neuron]); neurons with mean 0 are left out;
	 * NaN with fewer than 2 trials or no spike.
	 */
	public static double fanoFactor(final int[][] counts) {
		if (counts.length < 2) return Double.NaN;
		double sum = 0;
		int n = 0;
		for (int i = 0; i < counts[0].length; i++) {
			double mean = 0;
			for (final int[] c : counts) mean += c[i];
			mean /= counts.length;
			if (mean == 0) continue;
			double var = 0;
			for (final int[] c : counts) var += (c[i] - mean) * (c[i] - mean);
			sum += var / (counts.length - 1) / mean;
			n++;
		}
		return n == 0 ? Double.NaN : sum / n;
	}

	/** The summary.json entries (see docs/file-formats.md). */
	public Map<String, Object> summary() {
		final Map<String, Object> s = new LinkedHashMap<>();
		s.put("isi_cv_within_trials", isiCv);
		s.put("isi_cv_neurons", isiCvNeurons);
		s.put("cv2", cv2);
		s.put("cv2_neurons", cv2Neurons);
		s.put("fano_factor", fanoFactor);
		s.put("psth_bin_s", binSeconds);
		final List<Map<String, Object>> per = new ArrayList<>();
		for (final Condition c : conditions) {
			final Map<String, Object> m = new LinkedHashMap<>();
			m.put("condition", c.label());
			m.put("trials", c.trials());
			m.put("fano_window_s", c.windowSeconds());
			m.put("fano_factor", c.fanoFactor());
			m.put("psth_hz", c.psthHz());
			per.add(m);
		}
		s.put("spikes_per_condition", per);
		return s;
	}

	private static double meanOfFinite(final double[] x) {
		double s = 0;
		int n = 0;
		for (final double v : x)
			if (!Double.isNaN(v)) {
				s += v;
				n++;
			}
		return n == 0 ? Double.NaN : s / n;
	}

	private static int finite(final double[] x) {
		int n = 0;
		for (final double v : x) if (!Double.isNaN(v)) n++;
		return n;
	}
}
