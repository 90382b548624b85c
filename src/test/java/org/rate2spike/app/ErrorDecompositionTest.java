package org.rate2spike.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.format.Json;
import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.protocol.ErrorDecomposition;
import org.rate2spike.protocol.FactorErrors;
import org.rate2spike.protocol.Fixtures;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.TestResult;
import org.rate2spike.protocol.TestStage;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** End to end on the shared reduced oscillation run: the decomposition is there, consistent, documented and written. */
class ErrorDecompositionTest {

	/** Keys of the decomposition table in docs/file-formats.md. */
	private static Set<String> documentedKeys() throws IOException {
		final String doc = Files.readString(Path.of("docs/file-formats.md"));
		String section = doc.substring(doc.indexOf("## summary.json: where the error comes from"));
		final int next = section.indexOf("\n## ", 5);
		if (next > 0) section = section.substring(0, next);
		final Set<String> keys = new TreeSet<>();
		final Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9_]+)` \\|").matcher(section);
		while (row.find()) keys.add(row.group(1));
		return keys;
	}

	@Test
	void factorErrorsAreFiniteAndSmallWhereTheOutputIs() {
		final Pipeline.Run run = Fixtures.oscillation();
		final TestResult t = run.test();
		final FactorErrors f = t.factorErrors();
		assertEquals(t.trials(), f.trialNmse().length);
		assertEquals(run.targets().factors(), f.factors());
		assertEquals(FactorErrors.SEGMENTS, f.bySegment().length);
		for (final double v : f.trialNmse()) assertTrue(Double.isFinite(v) && v >= 0, "trial factor nMSE " + v);
		for (final double v : f.medianPerFactor()) assertTrue(Double.isFinite(v) && v >= 0, "factor nMSE " + v);
		for (final double v : f.bySegment()) assertTrue(Double.isFinite(v) && v >= 0, "factor nMSE by tenth " + v);
		assertTrue(t.medianNmse() <= 0.02, "the fixture learns the task: " + t.medianNmse());
		assertTrue(f.medianNmse() < 0.05, "the factors too: " + f.medianNmse());
		// the PCs keep 99.9 % of the teacher, which carries f_out: perfect factors would carry the output
		assertTrue(f.readoutGivenFactorsNmse() < 0.01, "readout given factors " + f.readoutGivenFactorsNmse());
		final double[] per = f.medianPerFactor();
		assertTrue(per[0] < 0.05, "the largest factor is generated well: " + per[0]);
	}

	/** The test after training replays the training's f_PC; a test on its own computes them: the same numbers. */
	@Test
	void replayedAndRecomputedTeacherGiveTheSameTest() {
		final Pipeline.Run run = Fixtures.oscillation();
		final TestResult again = TestStage.run(run.network(), Pipeline.taskOf(run.targets()), run.test().trials(), Progress.NONE);
		assertArrayEquals(run.test().nmse(), again.nmse(), 0);
		assertArrayEquals(run.test().factorErrors().trialNmse(), again.factorErrors().trialNmse(), 0);
		assertArrayEquals(run.test().factorErrors().bySegment(), again.factorErrors().bySegment(), 0);
		assertEquals(run.test().factorErrors().readoutGivenFactorsNmse(), again.factorErrors().readoutGivenFactorsNmse(), 0);
	}

	@Test
	void summaryJsonHoldsTheDocumentedKeys(@TempDir final Path dir) throws IOException {
		final Pipeline.Run run = Fixtures.oscillation();
		final ErrorDecomposition d = new ErrorDecomposition(run.test(), 0.0123);
		RunFolder.writeTraining(dir, run, d);
		final JsonObject s = Json.parse(dir.resolve(RunFolder.SUMMARY), Files.readString(dir.resolve(RunFolder.SUMMARY)));
		final Map<String, Object> expected = d.summary();
		assertEquals(documentedKeys(), new TreeSet<>(expected.keySet()), "docs/file-formats.md documents the decomposition's keys");
		for (final String key : expected.keySet()) assertTrue(s.has(key), key);
		assertEquals(0.0123, s.get("baseline_median_test_nmse").getAsDouble(), 0);
		assertEquals(run.test().factorErrors().medianNmse(), s.get("median_test_factor_nmse").getAsDouble(), 0);
		assertEquals(run.test().factorErrors().readoutGivenFactorsNmse(), s.get("readout_nmse_given_factors").getAsDouble(), 0);
		final JsonArray perTrial = s.getAsJsonArray("test_factor_nmse");
		assertEquals(run.test().trials(), perTrial.size());
		for (int i = 0; i < perTrial.size(); i++)
			assertEquals(run.test().factorErrors().trialNmse()[i], perTrial.get(i).getAsDouble(), 0, "round trip, trial " + (i + 1));
		assertEquals(run.targets().factors(), s.getAsJsonArray("median_test_nmse_per_factor").size());
		assertEquals(FactorErrors.SEGMENTS, s.getAsJsonArray("test_factor_nmse_by_tenth").size());
		assertEquals(d.spiking().saturatedFraction(), s.get("saturated_fraction").getAsDouble(), 0);
		assertEquals(d.spiking().meanIsiCv(), s.get("mean_isi_cv").getAsDouble(), 0);
		assertTrue(Files.size(dir.resolve(RunFolder.FACTOR_ERROR)) > 1000, "the picture is written");
		assertTrue(!ErrorDecomposition.of(run.test()).summary().containsKey("baseline_median_test_nmse"), "only with a baseline");
		assertTrue(d.lines().stream().anyMatch(l -> l.contains("rate baseline median test nMSE 0.0123")), d.lines().toString());
	}
}
