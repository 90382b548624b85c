package org.rate2spike.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.protocol.TrialCounts;
import org.rate2spike.util.ParameterException;

/** A sweep folder knows what it holds: resuming it with other settings refuses; every point is done, failed or pending. */
class SweepIdentityTest {

	private static final TrainingConfig BASE = TrainingConfig.DEFAULTS.withTrials(new TrialCounts(1, 3, 3, 3, 2))
		.with("rate_units", "20");

	private static SweepSpec spec(final TrainingConfig base, final Map<String, List<String>> axes) {
		return new SweepSpec(base, axes, List.of(1L), 1.5, false);
	}

	@Test
	void resumingWithAnotherNonAxisValueRefusesNamingIt(@TempDir final Path dir) throws IOException {
		final SweepSpec first = spec(BASE.with("gz", "6"), Map.of("neurons", List.of("30")));
		assertEquals(1, SweepRunner.run(first, dir, 1, new SweepRunner.Listener() {}).done());
		final ParameterException e = assertThrows(ParameterException.class,
			() -> SweepRunner.run(spec(BASE.with("gz", "5"), Map.of("neurons", List.of("30"))), dir, 1, new SweepRunner.Listener() {}));
		assertEquals("gz: is 5.0 but the sweep already in " + dir + " was run with gz = 6.0; give the same value to resume it, " +
			"or choose another folder for a new sweep", e.getMessage());
		final ParameterException t = assertThrows(ParameterException.class, () -> SweepRunner.run(spec(BASE.with("gz", "6")
			.withTrials(new TrialCounts(1, 3, 3, 4, 2)), Map.of("neurons", List.of("30"))), dir, 1, new SweepRunner.Listener() {}));
		assertTrue(t.getMessage().startsWith("trials_rls: is 4 but the sweep already in "), t.getMessage());
		final ParameterException a = assertThrows(ParameterException.class,
			() -> SweepRunner.run(spec(BASE.with("gz", "6"), Map.of("gz", List.of("5", "6"))), dir, 1, new SweepRunner.Listener() {}));
		assertTrue(a.getMessage().contains("varies [neurons] but this one varies [gz]"), a.getMessage());
		// the same sweep with one more N resumes: the finished point is kept
		final SweepResult more = SweepRunner.run(spec(BASE.with("gz", "6"), Map.of("neurons", List.of("30", "40"))), dir, 1,
			new SweepRunner.Listener() {});
		assertEquals(2, more.done());
	}

	@Test
	void aDivergedPointIsCountedAsFailedWithItsReason(@TempDir final Path dir) throws IOException {
		final SweepResult r = SweepRunner.run(spec(BASE.with("neurons", "60"), Map.of("rls_alpha", List.of("1", "1e-300"))), dir, 1,
			new SweepRunner.Listener() {});
		assertEquals(2, r.points());
		assertEquals(1, r.done());
		assertEquals(1, r.failed());
		final SweepTable.Row bad = r.rows().stream().filter(x -> !x.done()).findFirst().orElseThrow();
		assertTrue(bad.key().startsWith("rls_alpha=1e-300"), bad.key());
		assertTrue(bad.message().contains("diverge") || bad.message().startsWith("training stopped: "), bad.message());
	}
}
