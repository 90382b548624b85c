package org.rate2spike.tune;

import java.util.LinkedHashMap;
import java.util.Map;

import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.protocol.Checkpoint;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.SharedTargets;
import org.rate2spike.protocol.TeacherCache;
import org.rate2spike.protocol.TestResult;
import org.rate2spike.protocol.TestStage;
import org.rate2spike.protocol.TrainedNetwork;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.protocol.TrainingFailedException;
import org.rate2spike.protocol.TrainingStage;
import org.rate2spike.rate.RateTargets;
import org.rate2spike.task.Task;

/**
 * The real objective: rate targets, spiking training, then the median nMSE on validation trials
 * ({@link TestStage#validate}), never on the test trials. A training that diverges scores +∞. The task is made once per
 * task and time step. The targets of the last few rate networks are kept with the teacher trials recorded while
 * making them ({@link SharedTargets}), so configurations that share a rate network (or one promoted to a longer
 * protocol) neither make the targets again nor run the rate network again where the recorded trials repeat; each
 * training replays from its own copy, so it scores exactly as it would alone.
 */
public final class TrainingObjective implements Tuner.Objective {

	private static final int KEEP = 16;

	private final int validationTrials;
	private final Map<String, Task> tasks = new LinkedHashMap<>();
	private final SharedTargets targets = new SharedTargets(KEEP);

	public TrainingObjective(final int validationTrials) {
		this.validationTrials = validationTrials;
	}

	@Override
	public Tuner.Score evaluate(final TrainingConfig c, final Progress progress) {
		final Task task = task(c);
		final TeacherCache cache = targets.get(targetsKey(c), () -> SharedTargets.make(c, task, progress));
		final RateTargets t = cache.targets();
		final TrainedNetwork net;
		try {
			net = TrainingStage.run(t, task, c.spiking(), c.trials(), c.seed(), progress, null, Checkpoint.Schedule.NONE, cache);
		}
		catch (final TrainingFailedException e) {
			return new Tuner.Score(Evaluation.DIVERGED, Double.POSITIVE_INFINITY, e.getMessage());
		}
		if (net.log().partial()) return progress.cancelled() ? null
			: new Tuner.Score(Evaluation.DIVERGED, Double.POSITIVE_INFINITY, net.log().note());
		final TestResult v = TestStage.validate(net, task, validationTrials, progress, cache);
		if (v.partial()) return progress.cancelled() ? null
			: new Tuner.Score(Evaluation.DIVERGED, Double.POSITIVE_INFINITY, "the network diverged on a validation trial");
		return Tuner.Score.of(v.medianNmse());
	}

	private Task task(final TrainingConfig c) {
		final String key = c.task() + ";" + c.rate().dt() + ";" + c.data();
		synchronized (tasks) {
			Task t = tasks.get(key);
			if (t == null) tasks.put(key, t = Pipeline.task(c));
			return t;
		}
	}

	/** What the targets depend on: trainings that agree on it share them. */
	private static String targetsKey(final TrainingConfig c) {
		return c.task() + ";" + c.seed() + ";" + c.rate() + ";" + c.trials().init() + ";" + c.trials().pca() + ";" + c.data();
	}
}
