package org.rate2spike.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.rate2spike.baseline.BaselineStage;
import org.rate2spike.io.BaselineFile;
import org.rate2spike.format.Json;
import org.rate2spike.app.RunFolder;
import org.rate2spike.protocol.Metrics;
import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.pipeline.TaskSettings;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.rate.RateTargets;
import org.rate2spike.task.Task;

/** Use case: the rate baseline (full-FORCE on the same targets) trained and tested, written as baseline.npz and summary.json. */
public final class BaselineRun {

	public static final String FILE = "baseline.npz";

	/** @param given the parameters the user set ({@link TaskSettings}): the task's own settings fill the others */
	public record Request(TrainingConfig config, Set<String> given, Output out) {}

	/** @param test output nMSE per test trial; null when cancelled during training */
	public record Result(RateTargets targets, BaselineStage.Outcome outcome, Path dir) {

		public double medianTestNmse() {
			return outcome.test() == null ? Double.NaN : Metrics.median(outcome.test());
		}
	}

	private BaselineRun() {}

	public static Result run(final Request r, final Progress progress) throws IOException {
		final TrainingConfig asked = r.config().validate();
		final Task task = Pipeline.task(asked);
		final TaskSettings.Chosen chosen = TaskSettings.choose(asked, task, r.given());
		if (chosen.note() != null) progress.note(chosen.note());
		try (RunTransaction tx = r.out().open(java.util.List.of(FILE, RunFolder.SUMMARY), FILE, RunFolder.SUMMARY)) {
			return run(chosen, task, tx, progress);
		}
	}

	private static Result run(final TaskSettings.Chosen chosen, final Task task, final RunTransaction tx, final Progress progress)
		throws IOException
	{
		final TrainingConfig c = chosen.config();
		final Path dir = tx.dir();
		final RateTargets targets = Pipeline.targets(c, task, progress);
		final BaselineStage.Outcome o = BaselineStage.run(c, targets, task, progress);
		final double[] training = o.baseline().trainingNmse();
		if ((o.test() != null && !Double.isFinite(Metrics.median(o.test()))) ||
			(training.length > 0 && !Double.isFinite(training[training.length - 1])))
			throw new org.rate2spike.protocol.TrainingFailedException("the rate baseline diverged (its nMSE became NaN or " +
				"infinite); nothing was written; try a larger rls_alpha");
		if (dir != null) {
			final Path staging = tx.staging();
			BaselineFile.save(o.baseline(), staging.resolve(FILE));
			final Map<String, Object> s = new LinkedHashMap<>(c.toMap());
			s.put(RunFolder.CHOSEN_BY_TASK, chosen.chosen());
			s.put("pcs", targets.factors());
			if (o.test() != null) {
				s.put("test_nmse", o.test());
				s.put("median_test_nmse", Metrics.median(o.test()));
			}
			s.put("training_nmse", o.baseline().trainingNmse());
			Json.write(staging.resolve(RunFolder.SUMMARY), s);
			tx.commit();
		}
		return new Result(targets, o, dir);
	}
}
