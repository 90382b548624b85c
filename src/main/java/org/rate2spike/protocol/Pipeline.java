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
		config.validate();
		return train(config, Tasks.create(config.task(), config.rate().dt(), config.data()), progress);
	}

	/**
	 * Trains on a task made elsewhere, e.g. a {@code data} task from an open image
	 * ({@code new DataTask("data", DataFiles.fromImage(imp, title, interval), null, null, dt, normalize)}).
	 */
	public static Run train(final TrainingConfig config, final Task task, final Progress progress) {
		config.validate();
		final long start = System.nanoTime();
		final RateTargets targets = task.hasActivity() // factors from recorded activity instead of the rate network
			? ActivityTargets.run(task, config.rate(), config.trials(), config.seed(), progress)
			: TargetsStage.run(task, config.rate(), config.trials(), config.seed(), progress);
		final double pcaSeconds = (System.nanoTime() - start) * 1e-9;
		final TrainedNetwork network = TrainingStage.run(targets, task, config.spiking(), config.trials(), config.seed(), progress);
		if (network.log().partial()) return new Run(config, targets, network, null, pcaSeconds);
		final TestResult test = TestStage.run(network, task, config.trials().test(), progress);
		return new Run(config, targets, network, test, pcaSeconds);
	}
}
