package org.rate2spike.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.protocol.TrialCounts;
import org.rate2spike.util.ParameterException;
import org.rate2spike.util.Seeds;

/**
 * A settings search: the fixed settings, the space, the budget and the halving schedule. Configurations are numbered;
 * configuration 0 is the starting point ({@code base}'s values, kept inside the space), every other one is drawn from
 * its own random stream of the seed, so the same seed proposes the same configurations in any order or after a restart.
 *
 * @param base every parameter not searched, the seed and the full protocol (its {@code trials_rls} unless searched)
 * @param space the searched parameters
 * @param budget trainings the search may run (0: use {@code budgetSeconds})
 * @param budgetSeconds wall-clock budget in seconds (0: use {@code budget})
 * @param eta the halving factor: each rung keeps the best 1/eta and trains them eta times longer
 * @param rungs the most rungs (protocol lengths) of the halving
 * @param validationTrials trials each trained network is scored on (its median nMSE), drawn from the validation stream
 */
public record TuneSpec(TrainingConfig base, SearchSpace space, int budget, double budgetSeconds, int eta, int rungs,
	int validationTrials) {

	public TuneSpec validate() {
		base.validate();
		if (budget < 0) throw new ParameterException("budget", "must be a number of trainings, at least 1 (got " + budget + ")");
		if (budget == 0 && !(budgetSeconds > 0)) throw new ParameterException("budget", "is required: a number of trainings " +
			"(--budget 40) or a time (--budget-time 30m)");
		if (budget > 0 && budgetSeconds > 0) throw new ParameterException("budget_time", "goes instead of --budget, not with it; give one");
		if (!Double.isFinite(budgetSeconds) || budgetSeconds < 0) throw new ParameterException("budget_time", "must be a positive time such as 30m");
		if (eta < 2) throw new ParameterException("eta", "must be at least 2 (got " + eta + ")");
		if (rungs < 1) throw new ParameterException("rungs", "must be at least 1 (got " + rungs + ")");
		if (validationTrials < 1) throw new ParameterException("trials_validation", "must be at least 1 (got " + validationTrials + ")");
		for (final Axis a : space.axes()) a.validate(base);
		return this;
	}

	/** A time budget as typed, "30m", "2h", "1h30m" or "600s", in seconds. */
	public static double seconds(final String text) {
		final String t = text.trim().toLowerCase(java.util.Locale.ROOT);
		if (!t.matches("(\\d+(\\.\\d+)?[hms])+")) throw new ParameterException("budget_time", "must be a time such as 30m, 2h, " +
			"1h30m or 600s (got '" + text + "')");
		double s = 0;
		final java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)([hms])").matcher(t);
		while (m.find()) s += Double.parseDouble(m.group(1)) * (m.group(2).equals("h") ? 3600 : m.group(2).equals("m") ? 60 : 1);
		if (!(s > 0)) throw new ParameterException("budget_time", "must be longer than 0 (got '" + text + "')");
		return s;
	}

	public long seed() {
		return base.seed();
	}

	public boolean timed() {
		return budget == 0;
	}

	/** The halving schedule: configurations per rung and the fraction of the RLS trials each rung trains. */
	public record Plan(int[] sizes, double[] fractions) {

		public int rungs() {
			return sizes.length;
		}

		public int trainings() {
			int n = 0;
			for (final int s : sizes) n += s;
			return n;
		}
	}

	/**
	 * With a budget of trainings: the most rungs (up to {@code rungs}) whose smallest schedule (one configuration at the
	 * top, eta times more on each rung below) fits, then the most configurations on the first rung that fit. 40
	 * trainings, eta 3: 28, 9 and 3 configurations on 1/9, 1/3 and all of the RLS trials. With a time budget: the
	 * fractions of {@code rungs} rungs and, as sizes, what {@code first} configurations on the first rung give.
	 */
	public Plan plan(final int first) {
		int r = rungs;
		if (!timed()) while (r > 1 && minimal(r) > budget) r--;
		int n0 = first;
		if (!timed()) {
			n0 = budget;
			while (n0 > 1 && cost(n0, r) > budget) n0--;
		}
		final int[] sizes = new int[r];
		final double[] fractions = new double[r];
		for (int k = 0; k < r; k++) {
			sizes[k] = Math.max(1, (int) (n0 / Math.pow(eta, k)));
			fractions[k] = Math.pow(eta, -(r - 1 - k));
		}
		return new Plan(sizes, fractions);
	}

	public Plan plan() {
		return plan(0);
	}

	private int minimal(final int r) {
		int s = 0;
		for (int k = 0; k < r; k++) s += (int) Math.pow(eta, k);
		return s;
	}

	private int cost(final int n0, final int r) {
		int s = 0;
		for (int k = 0; k < r; k++) s += Math.max(1, (int) (n0 / Math.pow(eta, k)));
		return s;
	}

	/** The searched values of configuration {@code index}, by axis name. */
	public Map<String, String> proposal(final int index) {
		final Map<String, String> m = new LinkedHashMap<>();
		if (index == 0) {
			final Map<String, Object> b = base.toMap();
			for (final Axis a : space.axes())
				m.put(a.name(), a.isChoice() ? a.choiceOrFirst(String.valueOf(b.get(a.name()))) : a.text(((Number) b.get(a.name())).doubleValue()));
			return m;
		}
		final Random rng = Seeds.stream(seed(), "tune-proposal-" + index);
		for (final Axis a : space.axes()) m.put(a.name(), a.sample(rng));
		return m;
	}

	/** The full-protocol configuration of {@code values}. */
	public TrainingConfig config(final Map<String, String> values) {
		TrainingConfig c = base;
		for (final Map.Entry<String, String> e : values.entrySet()) c = c.with(e.getKey(), e.getValue());
		return c;
	}

	/** As {@link #config}, training {@code fraction} of its RLS trials (at least one). */
	public static TrainingConfig shortened(final TrainingConfig full, final double fraction) {
		final TrialCounts t = full.trials();
		final int rls = Math.max(1, (int) Math.round(t.rls() * fraction));
		return full.withTrials(new TrialCounts(t.init(), t.pca(), t.demean(), rls, t.test()));
	}

	/** Everything that makes the search what it is, for tune.json and to refuse resuming a different search. */
	public Map<String, Object> toMap() {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("seed", seed());
		m.put("budget", budget);
		m.put("budget_s", budgetSeconds);
		m.put("eta", eta);
		m.put("rungs", rungs);
		m.put("trials_validation", validationTrials);
		final List<Map<String, Object>> axes = new ArrayList<>();
		for (final Axis a : space.axes()) {
			final Map<String, Object> x = new LinkedHashMap<>();
			x.put("name", a.name());
			if (a.isChoice()) x.put("choices", a.choices());
			x.put("low", a.low());
			x.put("high", a.high());
			x.put("scale", a.log() ? "log" : "lin");
			x.put("type", a.integer() ? "int" : "real");
			axes.add(x);
		}
		m.put("space", axes);
		final Map<String, String> fixed = new LinkedHashMap<>();
		base.toMap().forEach((k, v) -> {
			if (space.axis(k) == null) fixed.put(k, String.valueOf(v));
		});
		m.put("fixed", fixed);
		return m;
	}
}
