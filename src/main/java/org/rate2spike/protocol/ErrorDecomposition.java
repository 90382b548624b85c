package org.rate2spike.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Where a test's output error comes from: whether the targets can be reached at all (the rate baseline's error, when
 * it ran), how well the network generated its factors (which ones, and when in the trial), how well perfect factors
 * could carry the output, whether the output drifts over the test, and how the neurons fire. It only reads the test's
 * measurements. docs/when-the-fit-is-poor.md says what each part means.
 *
 * @param test the test
 * @param baselineMedianNmse median test nMSE of the rate baseline on the same targets and trials (NaN: not run)
 */
public record ErrorDecomposition(TestResult test, double baselineMedianNmse) {

	/** The decomposition of a test without a baseline. */
	public static ErrorDecomposition of(final TestResult test) {
		return new ErrorDecomposition(test, Double.NaN);
	}

	public SpikingStatistics spiking() {
		return SpikingStatistics.of(test);
	}

	/** The summary.json entries, by their stable names (docs/file-formats.md). */
	public Map<String, Object> summary() {
		final Map<String, Object> s = new LinkedHashMap<>();
		if (!Double.isNaN(baselineMedianNmse)) s.put("baseline_median_test_nmse", baselineMedianNmse);
		final FactorErrors f = test.factorErrors();
		if (f != null) {
			s.put("test_factor_nmse", f.trialNmse());
			s.put("median_test_factor_nmse", f.medianNmse());
			s.put("median_test_nmse_per_factor", f.medianPerFactor());
			s.put("test_factor_nmse_by_tenth", f.bySegment());
			s.put("readout_nmse_given_factors", f.readoutGivenFactorsNmse());
		}
		s.put("median_test_nmse_first_10", test.earlyMedianNmse());
		s.put("poor_fraction_after_10", test.poorFractionAfterEarly());
		final SpikingStatistics sp = spiking();
		s.put("mean_isi_cv", sp.meanIsiCv());
		s.put("saturated_fraction", sp.saturatedFraction());
		return s;
	}

	/** Factors by their median test nMSE, worst first (0-based indices). */
	public int[] worstFactors() {
		final FactorErrors f = test.factorErrors();
		if (f == null) return new int[0];
		final double[] m = f.medianPerFactor();
		return IntStream.range(0, m.length).boxed().sorted((a, b) -> Double.compare(m[b], m[a])).mapToInt(Integer::intValue)
			.toArray();
	}

	/** A few lines for the command line and the Fiji log. */
	public List<String> lines() {
		final List<String> l = new ArrayList<>();
		l.add("where the error comes from (see docs/when-the-fit-is-poor.md):");
		l.add("  targets: " + (Double.isNaN(baselineMedianNmse) ? "rate baseline not run (train --baseline runs it)"
			: String.format(Locale.ROOT, "rate baseline median test nMSE %.3g", baselineMedianNmse)));
		final FactorErrors f = test.factorErrors();
		if (f != null) {
			final double[] m = f.medianPerFactor();
			final int[] worst = worstFactors();
			final String top = Arrays.stream(worst).limit(3).mapToObj(k -> String.format(Locale.ROOT, "%d (%.3g)", k + 1, m[k]))
				.collect(Collectors.joining(", "));
			l.add(String.format(Locale.ROOT, "  factors: median test nMSE %.3g; worst factors %s", f.medianNmse(), top));
			l.add("  factor nMSE by tenth of the trial: " + Arrays.stream(f.bySegment())
				.mapToObj(v -> String.format(Locale.ROOT, "%.2g", v)).collect(Collectors.joining(" ")));
			l.add(String.format(Locale.ROOT, "  readout given perfect factors: nMSE %.3g", f.readoutGivenFactorsNmse()));
		}
		if (Double.isNaN(test.earlyMedianNmse())) l.add(String.format(Locale.ROOT, "  over the test: %d trials, too few to " +
			"compare the first %d with the later ones", test.trials(), TestResult.EARLY_TRIALS));
		else l.add(String.format(Locale.ROOT, "  over the test: median nMSE %.3g in the first %d trials, %.0f%% of the later trials above %.2g",
			test.earlyMedianNmse(), TestResult.EARLY_TRIALS, 100 * test.poorFractionAfterEarly(), TestResult.POOR_NMSE));
		final SpikingStatistics sp = spiking();
		l.add(String.format(Locale.ROOT, "  spiking: mean rate %.2f Hz, mean ISI CV %.2f, silent %.1f%%, saturated (> %.0f Hz) %.1f%%",
			sp.meanRateHz(), sp.meanIsiCv(), 100 * sp.silentFraction(), SpikingStatistics.SATURATED_HZ, 100 * sp.saturatedFraction()));
		return l;
	}
}
