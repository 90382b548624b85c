package org.rate2spike.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.util.ParameterException;

class TunerTest {

	/** gz and rls_alpha searched, 900 RLS trials in full: rungs train 100, 300 and 900 (budget 13: 9, 3 and 1 configurations). */
	private static TuneSpec spec(final long seed, final int budget) {
		final TrainingConfig base = TrainingConfig.DEFAULTS.with("trials_rls", "900").withSeed(seed);
		return new TuneSpec(base, SearchSpace.resolve("gz=2:12,rls_alpha=0.1:10", "gz,rls_alpha", Set.of(), base), budget, 0, 3, 3, 5);
	}

	/** Short protocols prefer gz near 3, the full protocol gz near 10: promotion must use each rung's own scores. */
	private static final Tuner.Objective FAKE = (c, p) ->
		Tuner.Score.of(Math.abs(c.spiking().feedbackGain() - (c.trials().rls() == 100 ? 3 : 10)) + 0.01);

	private static double gz(final TuneSpec s, final int config) {
		return Double.parseDouble(s.proposal(config).get("gz"));
	}

	@Test
	void promotionKeepsTheBestOfEachRungFailuresLast() {
		final List<Evaluation> rung = new ArrayList<>();
		final double[] scores = { 0.5, 0.1, Double.NaN, Double.POSITIVE_INFINITY, 0.1, 0.3 };
		for (int i = 0; i < scores.length; i++) rung.add(new Evaluation(i, 0, Map.of(), 1, "done", scores[i], 0, ""));
		assertEquals(List.of(1, 4, 5), Tuner.promoted(rung, 3));
		assertEquals(List.of(1, 4, 5, 0, 3, 2), Tuner.promoted(rung, 9));
		assertEquals(List.of(1, 4, 0), Tuner.withStart(Tuner.promoted(rung, 2), rung), "the starting point is carried along");
		assertEquals(List.of(1, 4, 5, 0), Tuner.withStart(Tuner.promoted(rung, 4), rung), "once");
		assertEquals(List.of(1), Tuner.withStart(List.of(1), rung.subList(1, 2)), "not when it did not run below");
	}

	@Test
	void aChoiceAxisSearchesTheNeuronModel(@TempDir final Path dir) throws Exception {
		final TrainingConfig base = TrainingConfig.DEFAULTS.with("trials_rls", "900");
		final TuneSpec s = new TuneSpec(base, SearchSpace.resolve("neuron_model=lif|alif|theta,gz=2:12", "neuron_model,gz", Set.of(),
			base), 13, 0, 3, 3, 5);
		assertEquals("lif", s.proposal(0).get("neuron_model"), "the starting point's model");
		final java.util.Set<String> seen = new java.util.TreeSet<>();
		for (int i = 0; i < 9; i++) seen.add(s.proposal(i).get("neuron_model"));
		assertEquals(java.util.Set.of("alif", "lif", "theta"), seen);
		final TuneResult r = Tuner.run(s, dir, 1, (c, p) -> Tuner.Score.of(c.spiking().neuronModel().equals("theta") ? 0.01 : 0.5),
			new Tuner.Listener() {});
		assertEquals("theta", r.winner().values().get("neuron_model"));
		final java.awt.image.BufferedImage plot = org.rate2spike.render.Charts.tuneAxis(r, s.space().axis("neuron_model"))
			.createBufferedImage(400, 300);
		assertEquals(400, plot.getWidth());
	}

	@Test
	void successiveHalvingFindsTheExpectedWinner(@TempDir final Path dir) throws Exception {
		final TuneSpec s = spec(1, 13);
		final TuneResult r = Tuner.run(s, dir, 2, FAKE, new Tuner.Listener() {});
		assertTrue(r.complete());
		// expected by hand: the three of configurations 0-8 with gz closest to 3, plus the starting point 0 (gz 6) when it
		// is not among them; of those the one closest to 10, and again the starting point beside it
		final List<Integer> first = IntStream.range(0, 9).boxed().sorted(Comparator.comparingDouble(i -> Math.abs(gz(s, i) - 3))).limit(3).toList();
		final List<Integer> second = new ArrayList<>(first);
		if (!second.contains(0)) second.add(0);
		final int expected = second.stream().min(Comparator.comparingDouble(i -> Math.abs(gz(s, i) - 10))).orElseThrow();
		final int top = expected == 0 ? 1 : 2;
		assertEquals(List.of(9, second.size(), top), IntStream.range(0, 3).mapToObj(k -> r.rows().stream().filter(e -> e.rung() == k).count())
			.map(Long::intValue).toList());
		assertEquals(List.of(100, 300, 900), IntStream.range(0, 3).mapToObj(k -> r.rows().stream().filter(e -> e.rung() == k)
			.findFirst().orElseThrow().trialsRls()).toList());
		assertEquals(expected, r.winner().config());
		assertEquals(2, r.winner().rung());
		assertEquals(Math.abs(gz(s, expected) - 10) + 0.01, r.winner().score(), 1e-12);
		final int greedy = IntStream.range(0, 9).boxed().min(Comparator.comparingDouble(i -> Math.abs(gz(s, i) - 10))).orElseThrow();
		assertNotEquals(greedy, expected, "this seed makes the test tell promotion by rung from promotion by the final score");
		assertEquals(0, r.rows().get(0).config(), "configuration 0, the starting point, is on the first rung");
		assertEquals(Map.of("gz", "6", "rls_alpha", "1"), r.rows().get(0).values());
	}

	@Test
	void theSameSeedGivesTheSameSearch(@TempDir final Path dir) throws Exception {
		final TuneResult a = Tuner.run(spec(5, 13), dir.resolve("a"), 1, FAKE, new Tuner.Listener() {});
		final TuneResult b = Tuner.run(spec(5, 13), dir.resolve("b"), 3, FAKE, new Tuner.Listener() {});
		assertEquals(Files.readString(dir.resolve("a/tune.csv")).replaceAll(",[0-9.E-]+,,?\n", "\n").lines().map(l -> l.replaceAll(",[^,]*,[^,]*$", "")).toList(),
			Files.readString(dir.resolve("b/tune.csv")).replaceAll(",[0-9.E-]+,,?\n", "\n").lines().map(l -> l.replaceAll(",[^,]*,[^,]*$", "")).toList());
		assertEquals(a.winner().config(), b.winner().config());
		assertNotEquals(a.rows().stream().map(Evaluation::values).toList(), Tuner.run(spec(6, 13), dir.resolve("c"), 1, FAKE,
			new Tuner.Listener() {}).rows().stream().map(Evaluation::values).toList(), "another seed, other proposals");
	}

	/** Stands for the process being killed: not an Exception, so the search does not record it as a failed training. */
	private static final class Killed extends Error {
		private static final long serialVersionUID = 1L;
	}

	@Test
	void aKilledSearchContinuesWhereItStopped(@TempDir final Path dir) throws Exception {
		final AtomicInteger calls = new AtomicInteger();
		final Tuner.Objective dies = (c, p) -> {
			if (calls.incrementAndGet() >= 6) throw new Killed(); // and everything after it
			return FAKE.evaluate(c, p);
		};
		final TuneResult whole = Tuner.run(spec(1, 13), dir.resolve("whole"), 1, FAKE, new Tuner.Listener() {});
		assertThrows(Killed.class, () -> Tuner.run(spec(1, 13), dir, 1, dies, new Tuner.Listener() {}));
		assertEquals(1 + 5, Files.readAllLines(dir.resolve(TuneTable.FILE)).size(), "five trainings recorded");
		final AtomicInteger more = new AtomicInteger();
		final TuneResult resumed = Tuner.run(spec(1, 13), dir, 1, (c, p) -> {
			more.incrementAndGet();
			return FAKE.evaluate(c, p);
		}, new Tuner.Listener() {});
		assertEquals(whole.rows().size() - 5, more.get(), "only the trainings not recorded run again");
		assertEquals(whole.winner().config(), resumed.winner().config());
		assertEquals(whole.rows().stream().map(Evaluation::key).toList(), resumed.rows().stream().map(Evaluation::key).toList());
		assertEquals(whole.rows().stream().map(Evaluation::score).toList(), resumed.rows().stream().map(Evaluation::score).toList());
		more.set(0);
		Tuner.run(spec(1, 13), dir, 1, (c, p) -> {
			more.incrementAndGet();
			return FAKE.evaluate(c, p);
		}, new Tuner.Listener() {});
		assertEquals(0, more.get(), "a finished search trains nothing more");
		assertTrue(assertThrows(ParameterException.class, () -> Tuner.run(spec(2, 13), dir, 1, FAKE, new Tuner.Listener() {}))
			.getMessage().startsWith("out: " + dir + " holds a different search"));
	}

	@Test
	void failuresAndDivergenceRankLastAndDoNotStopTheSearch(@TempDir final Path dir) throws Exception {
		final TuneSpec s = spec(1, 13);
		final TuneResult r = Tuner.run(s, dir, 2, (c, p) -> {
			final double gz = c.spiking().feedbackGain();
			if (gz > 9) throw new IllegalStateException("boom");
			if (gz > 7) return new Tuner.Score(Evaluation.DIVERGED, Double.POSITIVE_INFINITY, "rate too high");
			return Tuner.Score.of(gz);
		}, new Tuner.Listener() {});
		assertTrue(r.rows().size() >= 13 && r.rows().size() <= 15, "13 planned, and the starting point on a later rung when it was not promoted: " + r.rows().size());
		assertTrue(Double.isFinite(r.winner().score()));
		assertTrue(r.rows().stream().anyMatch(e -> e.status().equals("failed") && e.message().equals("boom")));
		final TuneTable back = TuneTable.read(dir.resolve(TuneTable.FILE), s.space().names());
		assertEquals(r.rows(), back.rows(), "tune.csv reads back exactly");
	}

	@Test
	void aTimeBudgetSpendsItsFirstShareOnTheFirstRung(@TempDir final Path dir) throws Exception {
		final TrainingConfig base = TrainingConfig.DEFAULTS.with("trials_rls", "900");
		final TuneSpec s = new TuneSpec(base, SearchSpace.resolve("gz=2:12", "gz", Set.of(), base), 0, 3.0, 3, 3, 5);
		final TuneResult r = Tuner.run(s, dir, 1, (c, p) -> {
			Thread.sleep(100);
			return FAKE.evaluate(c, p);
		}, new Tuner.Listener() {});
		// judged on the trainings' recorded wall times, not on the clock of a loaded machine: one thread trains first-rung
		// configurations until their time reaches the rung's share, 3 s / 3 rungs, and not one more
		final List<Evaluation> rung0 = r.rows().stream().filter(e -> e.rung() == 0).sorted(Comparator.comparingInt(Evaluation::config)).toList();
		final long first = rung0.size();
		final double spent = rung0.stream().mapToDouble(Evaluation::wallSeconds).sum();
		assertTrue(spent >= 1.0, "the first rung stops only when its share is spent: " + spent + " s");
		assertTrue(spent - rung0.get(rung0.size() - 1).wallSeconds() < 1.0, "and not after one more training: " + spent + " s");
		assertTrue(first >= 3, "0.1 s trainings fill a 1 s share: " + first);
		final long second = r.rows().stream().filter(e -> e.rung() == 1).count();
		assertTrue(second == first / 3 || second == first / 3 + 1, "a third of the first rung, and perhaps the starting point: " + second);
		assertEquals(2, r.winner().rung());
	}
}
