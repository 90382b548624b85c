package org.rate2spike.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.util.Check;
import org.rate2spike.util.ParameterException;

/**
 * A grid of training runs: a base configuration, axes (any parameter of {@link TrainingConfig} with a list of
 * values; by default {@code neurons}) and seeds. Every combination of axis values and seeds is one point.
 *
 * @param base the configuration every point starts from
 * @param axes parameter name → values, in order
 * @param seeds the seeds of every combination
 * @param tolerance a network size "matches" the rate baseline when its median nMSE is within this factor of it
 * @param baseline whether to train the rate baseline (one per seed)
 */
public record SweepSpec(TrainingConfig base, Map<String, List<String>> axes, List<Long> seeds, double tolerance,
	boolean baseline) {

	public SweepSpec validate() {
		if (axes.isEmpty()) throw new ParameterException("neurons", "a sweep needs at least one parameter with several values, e.g. --neurons 250,500,1000");
		if (seeds.isEmpty()) throw new ParameterException("seeds", "needs at least one seed, e.g. --seeds 1,2,3");
		if (seeds.stream().distinct().count() != seeds.size()) throw new ParameterException("seeds", "lists a seed twice: " + seeds);
		for (final Map.Entry<String, List<String>> a : axes.entrySet()) {
			if (a.getKey().equals("seed") || a.getKey().equals("task") || a.getKey().equals("trials"))
				throw new ParameterException(a.getKey(), "cannot be a sweep axis; use --seeds for seeds and one --task and --trials per sweep");
			if (a.getValue().isEmpty()) throw new ParameterException(a.getKey(), "has no values");
			if (a.getValue().stream().distinct().count() != a.getValue().size()) throw new ParameterException(a.getKey(), "lists a value twice: " + a.getValue());
			for (final String v : a.getValue()) base.with(a.getKey(), v).validate(); // every point is valid before any runs
		}
		Check.finite("tolerance", tolerance);
		if (tolerance < 1) throw new ParameterException("tolerance", "is a factor of the baseline's nMSE and must be at least 1 (got " + tolerance + ")");
		base.validate();
		return this;
	}

	/** One run of the grid. */
	public record Point(int index, Map<String, String> values, long seed) {

		/** Stable identity used to skip finished points on restart, e.g. "neurons=500;seed=2". */
		public String key() {
			final StringBuilder b = new StringBuilder();
			values.forEach((k, v) -> b.append(k).append('=').append(v).append(';'));
			return b.append("seed=").append(seed).toString();
		}

		/** The other axes' values (everything but neurons), naming the curve this point belongs to. */
		public String curve() {
			final StringBuilder b = new StringBuilder();
			values.forEach((k, v) -> {
				if (!k.equals("neurons")) b.append(b.length() > 0 ? ", " : "").append(k).append('=').append(v);
			});
			return b.toString();
		}

		public TrainingConfig config(final TrainingConfig base) {
			TrainingConfig c = base.withSeed(seed);
			for (final Map.Entry<String, String> e : values.entrySet()) c = c.with(e.getKey(), e.getValue());
			return c;
		}
	}

	/** One unit of work: a spiking point or a rate baseline. {@code values} of a baseline are its rate axes only. */
	public record Job(int index, boolean baseline, String key, Map<String, String> values, long seed) {}

	/**
	 * Everything to run, in a fixed order: each rate baseline (if wanted) just before the first point that needs it.
	 * The index is what a job array task is given.
	 */
	public List<Job> jobs() {
		final List<Job> jobs = new ArrayList<>();
		final java.util.Set<String> seen = new java.util.HashSet<>();
		for (final Point p : points()) {
			if (baseline) {
				final Map<String, String> rate = SweepRunner.rateValues(p.values());
				final String bk = SweepRunner.baselineKey(rate, p.seed());
				if (seen.add(bk)) jobs.add(new Job(jobs.size(), true, bk, rate, p.seed()));
			}
			jobs.add(new Job(jobs.size(), false, p.key(), p.values(), p.seed()));
		}
		return jobs;
	}

	/** All points: axes vary slowest first, seeds fastest. */
	public List<Point> points() {
		final List<Map<String, String>> combos = new ArrayList<>();
		combos.add(new LinkedHashMap<>());
		for (final Map.Entry<String, List<String>> a : axes.entrySet()) {
			final List<Map<String, String>> next = new ArrayList<>();
			for (final Map<String, String> c : combos)
				for (final String v : a.getValue()) {
					final Map<String, String> m = new LinkedHashMap<>(c);
					m.put(a.getKey(), v.trim());
					next.add(m);
				}
			combos.clear();
			combos.addAll(next);
		}
		final List<Point> points = new ArrayList<>();
		for (final Map<String, String> c : combos)
			for (final long s : seeds) points.add(new Point(points.size(), c, s));
		return points;
	}
}
