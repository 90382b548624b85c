package org.rate2spike.tune;

import java.util.LinkedHashMap;
import java.util.Map;

import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.protocol.Checkpoint;
import org.rate2spike.protocol.Progress;
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
 * task and time step, and the targets of the last few rate networks are kept, so a configuration promoted to a longer
 * protocol reuses its targets.
 */
public final class TrainingObjective implements Tuner.Objective {

	private static final int KEEP = 16;

	private final int validationTrials;
	private final Map<String, Task> tasks = new LinkedHashMap<>();
	private final Map<String, RateTargets> targets = new LinkedHashMap<>(KEEP, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(final Map.Entry<String, RateTargets> eldest) {
			return size() > KEEP;
		}
	};

	public TrainingObjective(final int validationTrials) {
		this.validationTrials = validationTrials;
	}

	@Override
	public Tuner.Score evaluate(final TrainingConfig c, final Progress progress) {
		final Task task = task(c);
		final RateTargets t = targets(c, task, progress);
		final TrainedNetwork net;
		try {
			net = TrainingStage.run(t, task, c.spiking(), c.trials(), c.seed(), progress, null, Checkpoint.Schedule.NONE);
		}
		catch (final TrainingFailedException e) {
			return new Tuner.Score(Evaluation.DIVERGED, Double.POSITIVE_INFINITY, e.getMessage());
		}
		if (net.log().partial()) return progress.cancelled() ? null
			: new Tuner.Score(Evaluation.DIVERGED, Double.POSITIVE_INFINITY, net.log().note());
		final TestResult v = TestStage.validate(net, task, validationTrials, progress);
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

	private RateTargets targets(final TrainingConfig c, final Task task, final Progress progress) {
		final String key = c.task() + ";" + c.seed() + ";" + c.rate() + ";" + c.trials().init() + ";" + c.trials().pca() + ";" + c.data();
		synchronized (targets) {
			final RateTargets t = targets.get(key);
			if (t != null) return t;
		}
		final RateTargets t = Pipeline.targets(c, task, progress);
		synchronized (targets) {
			targets.put(key, t);
		}
		return t;
	}
}
