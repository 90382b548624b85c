package org.rate2spike.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rate2spike.spiking.Populations;

/**
 * The spike statistics of a test, population by population (E and I of an E/I network; one "all" otherwise): the
 * firing-rate distribution of its neurons and, from {@link SpikeTrainAnalysis} over its neurons only, ISI CV, CV2,
 * Fano factor and the PSTH of each condition (divided by the population's size).
 *
 * @param populations one entry per population, in index order
 */
public record PopulationAnalysis(List<Population> populations) {

	/** Bins of the rate distribution in summary.json. */
	public static final int RATE_BINS = 20;

	/**
	 * @param name "E", "I" or "all"
	 * @param from first neuron
	 * @param to one past the last neuron
	 * @param ratesHz each neuron's rate over the test (Hz)
	 * @param spikes its spike-train statistics
	 */
	public record Population(String name, int from, int to, double[] ratesHz, SpikeTrainAnalysis spikes) {

		public int neurons() {
			return to - from;
		}

		public double meanRateHz() {
			double s = 0;
			for (final double r : ratesHz) s += r;
			return s / ratesHz.length;
		}

		/** The q-quantile of the neurons' rates (linear between order statistics). */
		public double rateQuantile(final double q) {
			final double[] r = ratesHz.clone();
			Arrays.sort(r);
			final double x = q * (r.length - 1);
			final int lo = (int) Math.floor(x), hi = Math.min(r.length - 1, lo + 1);
			return r[lo] + (x - lo) * (r[hi] - r[lo]);
		}

		public double silentFraction() {
			int n = 0;
			for (final double r : ratesHz) if (r == 0) n++;
			return n / (double) ratesHz.length;
		}
	}

	public static PopulationAnalysis of(final TestResult r, final Populations pops) {
		if (pops.neurons() != r.spikeCounts().length) throw new IllegalArgumentException("populations of " + pops.neurons() +
			" neurons do not describe a test of " + r.spikeCounts().length);
		final double[] rates = r.rates();
		final List<Population> out = new ArrayList<>();
		for (int k = 0; k < pops.count(); k++) {
			final int from = pops.start(k), to = pops.end(k);
			out.add(new Population(pops.name(k), from, to, Arrays.copyOfRange(rates, from, to),
				SpikeTrainAnalysis.of(r, SpikeTrainAnalysis.PSTH_BIN_S, from, to)));
		}
		return new PopulationAnalysis(List.copyOf(out));
	}

	/**
	 * The summary.json entry: per population name, its neurons, mean / median / 10th and 90th percentile rate, silent
	 * fraction, a histogram of the rates ({@value #RATE_BINS} bins from 0 to the highest rate of any population), and
	 * the spike-train entries of {@link SpikeTrainAnalysis#summary()}.
	 */
	public Map<String, Object> summary() {
		double max = 0;
		for (final Population p : populations) for (final double r : p.ratesHz()) max = Math.max(max, r);
		final double width = Math.max(max, 1e-9) / RATE_BINS;
		final Map<String, Object> s = new LinkedHashMap<>();
		for (final Population p : populations) {
			final Map<String, Object> m = new LinkedHashMap<>();
			m.put("neurons", p.neurons());
			m.put("first_neuron", p.from());
			m.put("mean_rate_hz", p.meanRateHz());
			m.put("median_rate_hz", p.rateQuantile(0.5));
			m.put("rate_p10_hz", p.rateQuantile(0.1));
			m.put("rate_p90_hz", p.rateQuantile(0.9));
			m.put("silent_fraction", p.silentFraction());
			final int[] hist = new int[RATE_BINS];
			for (final double r : p.ratesHz()) hist[Math.min(RATE_BINS - 1, (int) (r / width))]++;
			m.put("rate_histogram_bin_hz", width);
			m.put("rate_histogram", hist);
			m.putAll(p.spikes().summary());
			s.put(p.name(), m);
		}
		return s;
	}
}
