package org.rate2spike.protocol;

import org.rate2spike.rate.RateTargets;
import org.rate2spike.task.Task;
import org.rate2spike.task.Tasks;

/** The three stages in sequence: rate targets → spiking training → test. */
public final class Pipeline {

	/** Everything one run produced. {@code pcaSeconds} is the wall time of stage 1. */
	public record Run(TrainingConfig config, RateTargets targets, TrainedNetwork network, TestResult test, double pcaSeconds) {}

	private Pipeline() {}

	public static Run train(final TrainingConfig config, final Progress progress) {
		return train(config, progress, Checkpoint.Schedule.NONE);
	}

	/** As above, handing the RLS phase's checkpoints to {@code checkpoints}. */
	public static Run train(final TrainingConfig config, final Progress progress, final Checkpoint.Schedule checkpoints) {
		config.validate();
		return train(config, Tasks.create(config.task(), config.rate().dt(), config.data()), progress, checkpoints);
	}

	/**
	 * Trains on a task made elsewhere, e.g. a {@code data} task from an open image
	 * ({@code new DataTask("data", DataFiles.fromImage(imp, title, interval), null, null, dt, normalize)}).
	 */
	public static Run train(final TrainingConfig config, final Task task, final Progress progress) {
		return train(config, task, progress, Checkpoint.Schedule.NONE);
	}

	/** As above, handing the RLS phase's checkpoints to {@code checkpoints}. */
	public static Run train(final TrainingConfig config, final Task task, final Progress progress,
		final Checkpoint.Schedule checkpoints)
	{
		config.validate();
		final long start = System.nanoTime();
		final RateTargets targets = task.hasActivity() // factors from recorded activity instead of the rate network
			? ActivityTargets.run(task, config.rate(), config.trials(), config.seed(), progress)
			: TargetsStage.run(task, config.rate(), config.trials(), config.seed(), progress);
		final double pcaSeconds = (System.nanoTime() - start) * 1e-9;
		final TrainedNetwork network = TrainingStage.run(targets, task, config.spiking(), config.trials(), config.seed(), progress,
			null, checkpoints);
		if (network.log().partial()) return new Run(config, targets, network, null, pcaSeconds);
		final TestResult test = TestStage.run(network, task, config.trials().test(), progress);
		return new Run(config, targets, network, test, pcaSeconds);
	}

	/** Continues a checkpointed training to the end and tests it, as the interrupted run would have. */
	public static Run resume(final Checkpoint c, final Progress progress, final Checkpoint.Schedule checkpoints) {
		final TrainedNetwork n = c.network();
		final TrainingConfig config = configOf(n);
		if (org.rate2spike.task.DataTask.NAME.equals(config.task())) throw new org.rate2spike.util.ParameterException("resume",
			"resuming the data task is not supported yet (the network file does not keep the data files' paths); train again");
		final Task task = Tasks.create(config.task(), config.rate().dt());
		final TrainedNetwork network = TrainingStage.resume(c, task, progress, null, checkpoints);
		if (network.log().partial()) return new Run(config, n.targets(), network, null, 0);
		final TestResult test = TestStage.run(network, task, config.trials().test(), progress);
		return new Run(config, n.targets(), network, test, 0);
	}

	/** The configuration a network was trained with. */
	public static TrainingConfig configOf(final TrainedNetwork n) {
		final TrialCounts c = n.counts();
		return new TrainingConfig(n.targets().task(), n.seed(), n.targets().params(), n.params(), c);
	}
}
