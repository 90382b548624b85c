package org.rate2spike.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.rate2spike.protocol.Metrics;

/**
 * What a sweep found: for each curve (the points that differ only in N and seed), the median over seeds of the
 * median test nMSE at each N, the rate baseline's nMSE, and the smallest N within {@code tolerance} × baseline —
 * the expansion factor N/Ñ.
 */
public record SweepResult(List<Curve> curves, int points, int done, int failed, double tolerance, List<SweepTable.Row> rows) {

	/**
	 * @param name the other axes' values ("" when N is the only axis)
	 * @param neurons the N values, ascending
	 * @param medianNmse median over seeds at each N
	 * @param baselineNmse the rate baseline's median test nMSE (median over seeds), NaN without baseline
	 * @param rateUnits Ñ
	 * @param smallestN the smallest N whose median is within tolerance of the baseline, or -1 (then the expansion
	 *        factor is NaN: no N in the sweep was close enough)
	 */
	public record Curve(String name, int[] neurons, double[] medianNmse, double baselineNmse, int rateUnits, int smallestN) {

		public double expansionFactor() {
			return smallestN < 0 ? Double.NaN : smallestN / (double) rateUnits;
		}
	}

	static SweepResult of(final SweepSpec spec, final List<SweepTable.Row> rows, final int total) {
		final Map<String, TreeMap<Integer, List<Double>>> byCurve = new LinkedHashMap<>();
		final Map<String, List<Double>> baselines = new LinkedHashMap<>();
		final Map<String, Integer> units = new LinkedHashMap<>();
		int done = 0, failed = 0;
		for (final SweepTable.Row r : rows) {
			if (!r.done()) {
				failed++;
				continue;
			}
			done++;
			if (r.kind().equals("baseline")) {
				baselines.computeIfAbsent(rateCurve(r.values()), k -> new ArrayList<>()).add(r.medianNmse());
				continue;
			}
			final SweepSpec.Point p = new SweepSpec.Point(0, r.values(), r.seed());
			final int n = p.config(spec.base()).spiking().neurons();
			units.put(p.curve(), p.config(spec.base()).rate().units());
			byCurve.computeIfAbsent(p.curve(), k -> new TreeMap<>()).computeIfAbsent(n, k -> new ArrayList<>()).add(r.medianNmse());
		}
		final List<Curve> curves = new ArrayList<>();
		for (final Map.Entry<String, TreeMap<Integer, List<Double>>> c : byCurve.entrySet()) {
			final int[] ns = c.getValue().keySet().stream().mapToInt(Integer::intValue).toArray();
			final double[] med = new double[ns.length];
			for (int i = 0; i < ns.length; i++) med[i] = Metrics.median(c.getValue().get(ns[i]).stream().mapToDouble(Double::doubleValue).toArray());
			final List<Double> b = baselines.get(rateCurve(curveValues(c.getKey())));
			final double base = b == null ? Double.NaN : Metrics.median(b.stream().mapToDouble(Double::doubleValue).toArray());
			int smallest = -1;
			for (int i = 0; i < ns.length && !Double.isNaN(base); i++)
				if (med[i] <= spec.tolerance() * base) {
					smallest = ns[i];
					break;
				}
			curves.add(new Curve(c.getKey(), ns, med, base, units.get(c.getKey()), smallest));
		}
		return new SweepResult(curves, total, done, failed, spec.tolerance(), rows);
	}

	/** The rate-network part of a curve's name, which fixes its baseline. */
	private static String rateCurve(final Map<String, String> values) {
		final StringBuilder b = new StringBuilder();
		values.forEach((k, v) -> {
			if (SweepRunner.RATE_KEYS.contains(k)) b.append(k).append('=').append(v).append(';');
		});
		return b.toString();
	}

	private static Map<String, String> curveValues(final String curve) {
		final Map<String, String> m = new LinkedHashMap<>();
		if (curve.isEmpty()) return m;
		for (final String kv : curve.split(", ")) {
			final int eq = kv.indexOf('=');
			m.put(kv.substring(0, eq), kv.substring(eq + 1));
		}
		return m;
	}

	/** One line per curve with the rate baseline's nMSE, one with the expansion factor: what the command line prints. */
	public List<String> summaryLines() {
		final List<String> lines = new ArrayList<>();
		for (final Curve c : curves) {
			final String name = c.name().isEmpty() ? "" : " [" + c.name() + "]";
			lines.add(String.format(java.util.Locale.ROOT, "rate baseline%s (Ñ = %d): median test nMSE %.3g", name, c.rateUnits(),
				c.baselineNmse()));
			lines.add(c.smallestN() > 0 ? String.format(java.util.Locale.ROOT,
				"expansion factor%s: N = %d within %.2gx of the baseline, N/Ñ = %.2f", name, c.smallestN(), tolerance,
				c.expansionFactor()) : String.format(java.util.Locale.ROOT,
				"expansion factor%s: no N in the sweep within %.2gx of the baseline", name, tolerance));
		}
		return lines;
	}

	/** Writes sweep.json into the sweep folder (sweep.csv is written as points finish, the picture by the use case). */
	public void write(final java.nio.file.Path dir) throws java.io.IOException {
		org.rate2spike.format.Json.write(dir.resolve("sweep.json"), toMap());
	}

	/** The summary written to sweep.json. */
	public Map<String, Object> toMap() {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("points", points);
		m.put("done", done);
		m.put("failed", failed);
		m.put("tolerance", tolerance);
		final List<Map<String, Object>> cs = new ArrayList<>();
		for (final Curve c : curves) {
			final Map<String, Object> o = new LinkedHashMap<>();
			o.put("curve", c.name());
			o.put("rate_units", c.rateUnits());
			o.put("neurons", c.neurons());
			o.put("median_test_nmse", c.medianNmse());
			o.put("baseline_median_test_nmse", c.baselineNmse());
			o.put("within_tolerance", c.smallestN() >= 0);
			o.put("smallest_n", c.smallestN());
			o.put("expansion_factor", c.expansionFactor());
			cs.add(o);
		}
		m.put("curves", cs);
		return m;
	}
}
