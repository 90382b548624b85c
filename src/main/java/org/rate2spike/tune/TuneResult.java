package org.rate2spike.tune;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rate2spike.format.Json;
import org.rate2spike.protocol.TrainingConfig;

/**
 * What a search found: every evaluation, the schedule, and the winner (the best score on the highest rung that has
 * one; null when nothing trained).
 *
 * @param complete whether the search ran to the end of its schedule (false: cancelled)
 */
public record TuneResult(TuneSpec spec, TuneSpec.Plan plan, List<Evaluation> rows, Evaluation winner, boolean complete) {

	public static final String FILE = "tune.json";

	static TuneResult of(final TuneSpec spec, final TuneSpec.Plan plan, final List<Evaluation> rows, final boolean complete) {
		Evaluation best = null;
		for (int r = plan.rungs() - 1; r >= 0 && best == null; r--) {
			final int rung = r;
			best = rows.stream().filter(e -> e.rung() == rung && Double.isFinite(e.score())).min(Evaluation::compare).orElse(null);
		}
		return new TuneResult(spec, plan, List.copyOf(rows), best, complete && rows.size() >= plan.trainings());
	}

	/** The winner's full-protocol configuration; null without a winner. */
	public TrainingConfig winnerConfig() {
		return winner == null ? null : spec.config(winner.values());
	}

	/** Every evaluation of configuration {@code config}, lowest rung first. */
	public List<Evaluation> of(final int config) {
		return rows.stream().filter(e -> e.config() == config).toList();
	}

	/** tune.json: the search, its schedule, every evaluation, the winner, and {@code extra} (the final run's results). */
	public void write(final Path dir, final Map<String, Object> extra) throws IOException {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("format", "rate2spike-tune");
		m.put("version", 1);
		m.put("task", spec.base().task());
		m.putAll(spec.toMap());
		final List<Map<String, Object>> rungs = new ArrayList<>();
		for (int r = 0; r < plan.rungs(); r++) {
			final Map<String, Object> x = new LinkedHashMap<>();
			x.put("rung", r);
			x.put("configurations", plan.sizes()[r]);
			x.put("trials_rls_fraction", plan.fractions()[r]);
			rungs.add(x);
		}
		m.put("schedule", rungs);
		m.put("complete", complete);
		final List<Map<String, Object>> trials = new ArrayList<>();
		for (final Evaluation e : rows) trials.add(row(e));
		m.put("trials", trials);
		m.put("winner", winner == null ? null : row(winner));
		m.putAll(extra);
		Json.write(dir.resolve(FILE), m);
	}

	private static Map<String, Object> row(final Evaluation e) {
		final Map<String, Object> x = new LinkedHashMap<>();
		x.put("config", e.config());
		x.put("rung", e.rung());
		x.put("values", e.values());
		x.put("trials_rls", e.trialsRls());
		x.put("status", e.status());
		x.put("score", Double.isFinite(e.score()) ? e.score() : null);
		x.put("wall_s", e.wallSeconds());
		x.put("message", e.message());
		return x;
	}
}
