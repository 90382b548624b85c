package org.rate2spike.pipeline;

import org.rate2spike.protocol.TeacherCache;
import org.rate2spike.protocol.TestStage;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.Checkpoint;
import org.rate2spike.protocol.TrainingStage;
import org.rate2spike.protocol.TestResult;
import org.rate2spike.protocol.TrainedNetwork;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.protocol.TargetsStage;
import org.rate2spike.protocol.TrialCounts;
import org.rate2spike.io.DataTaskFiles;
import org.rate2spike.protocol.ActivityTargets;

import org.rate2spike.rate.RateTargets;
import org.rate2spike.task.DataOptions;
import org.rate2spike.task.DataSpec;
import org.rate2spike.task.DataTask;
import org.rate2spike.task.DataValues;
import org.rate2spike.task.Task;
import org.rate2spike.task.Tasks;
import org.rate2spike.util.ParameterException;

/** The three stages in sequence: rate targets → spiking training → test. */
public final class Pipeline {

	/** Everything one run produced. {@code pcaSeconds} is the wall time of stage 1. */
	public record Run(TrainingConfig config, RateTargets targets, TrainedNetwork network, TestResult test, double pcaSeconds) {}

	/** Why a data network saved before files kept the data cannot make its task. */
	static final String NO_DATA = "this file was saved without the data the network was trained on (by an older " +
		"Rate2Spike); give the data again (--targets FILE and the --inputs, --factors, --sample-interval and --normalize " +
		"of the training; in Fiji the Data fields of Test Spiking Network) or train again to get a file that keeps them";

	private Pipeline() {}

	public static Run train(final TrainingConfig config, final Progress progress) {
		return train(config, progress, Checkpoint.Schedule.NONE);
	}

	/** As above, handing the RLS phase's checkpoints to {@code checkpoints}. */
	public static Run train(final TrainingConfig config, final Progress progress, final Checkpoint.Schedule checkpoints) {
		config.validate();
		return train(config, task(config), progress, checkpoints);
	}

	/** The task a configuration names, with its data options: the one place every door makes its task. */
	public static Task task(final TrainingConfig config) {
		return task(config, DataValues.NONE);
	}

	/**
	 * As above, with data handed over as values (an open image, an ImgLib2 image) in place of the files of the same
	 * roles; a built-in task takes none.
	 */
	public static Task task(final TrainingConfig config, final DataValues given) {
		if (DataTask.NAME.equals(config.task())) return DataTaskFiles.task(config.data().validate(), given, config.rate().dt());
		if (!given.isEmpty()) throw new ParameterException("data_targets", "the built-in task '" + config.task() +
			"' takes no data; choose the task 'data' to train on your own");
		return Tasks.create(config.task(), config.rate().dt());
	}

	/**
	 * Stage 1: the spiking network's targets, from the driven rate network or, for tasks with recorded activity, from
	 * the activity's principal components.
	 */
	public static RateTargets targets(final TrainingConfig config, final Task task, final Progress progress) {
		return task.hasActivity()
			? ActivityTargets.run(task, config.rate(), config.trials(), config.seed(), progress)
			: TargetsStage.run(task, config.rate(), config.trials(), config.seed(), progress);
	}

	/**
	 * Trains on a task made elsewhere, e.g. a {@code data} task from an open image
	 * ({@code new DataTask("data", DataFiles.fromImage(imp, title, interval), null, null, dt, normalize)}); the data
	 * are kept with the targets and the network.
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
		// the training replays the PCA phase's f_PC where its trials repeat them, the test the training's
		final TeacherCache cache = task.hasActivity()
			? new TeacherCache(ActivityTargets.run(task, config.rate(), config.trials(), config.seed(), progress))
			: TargetsStage.runKeeping(task, config.rate(), config.trials(), config.seed(), progress).cache();
		final RateTargets targets = cache.targets();
		final double pcaSeconds = (System.nanoTime() - start) * 1e-9;
		final TrainedNetwork network = TrainingStage.run(targets, task, config.spiking(), config.trials(), config.seed(), progress,
			null, checkpoints, cache);
		if (network.log().partial()) return new Run(config, targets, network, null, pcaSeconds);
		final TestResult test = TestStage.afterTraining(network, task, config.trials().test(), progress, cache);
		return new Run(config, targets, network, test, pcaSeconds);
	}

	/** Continues a checkpointed training to the end and tests it, as the interrupted run would have. */
	public static Run resume(final Checkpoint c, final Progress progress, final Checkpoint.Schedule checkpoints) {
		final TrainedNetwork n = c.network();
		final TrainingConfig config = configOf(n);
		if (DataTask.NAME.equals(n.targets().task()) && n.targets().data() == null) throw new ParameterException("resume",
			"the checkpoint was saved without the data the network was trained on (by an older Rate2Spike), so the " +
			"training cannot continue; train again");
		final Task task = taskOf(n.targets());
		final TrainedNetwork network = TrainingStage.resume(c, task, progress, null, checkpoints);
		if (network.log().partial()) return new Run(config, n.targets(), network, null, 0);
		final TestResult test = TestStage.run(network, task, config.trials().test(), progress);
		return new Run(config, n.targets(), network, test, 0);
	}

	/** The configuration a network was trained with (for the data task with the data options it keeps). */
	public static TrainingConfig configOf(final TrainedNetwork n) {
		final TrialCounts c = n.counts();
		final DataSpec d = n.targets().data();
		return new TrainingConfig(n.targets().task(), n.seed(), n.targets().params(), n.params(), c,
			d == null ? DataOptions.NONE : d.options());
	}

	/**
	 * The task saved targets or a saved network were made for, with the same trials from the same seeds: a built-in
	 * task by its name, the {@code data} task from the data the file keeps.
	 */
	public static Task taskOf(final RateTargets t) {
		return taskOf(t, DataOptions.NONE);
	}

	/**
	 * As above, except that for the {@code data} task a targets file in {@code data} (with its inputs and factors files
	 * and options, as given to train) replaces the kept data: new data of the same shape as the network's. Without a
	 * targets file, {@code data}'s options are ignored.
	 */
	public static Task taskOf(final RateTargets t, final DataOptions data) {
		return taskOf(t, data, DataValues.NONE);
	}

	/** As above, with new data handed over as values in place of the files of the same roles. */
	public static Task taskOf(final RateTargets t, final DataOptions data, final DataValues given) {
		final double dt = t.params().dt();
		final boolean files = !data.targetsFile().isEmpty() || !data.inputsFile().isEmpty() || !data.factorsFile().isEmpty() ||
			!given.isEmpty();
		if (!DataTask.NAME.equals(t.task())) {
			if (files) throw new ParameterException("data_targets", "the network was trained on the built-in task '" + t.task() +
				"', which takes no data files");
			return Tasks.create(t.task(), dt);
		}
		if (data.targetsFile().isEmpty() && given.targets() == null) {
			if (files) throw new ParameterException(data.inputsFile().isEmpty() && given.inputs() == null ? "data_factors" : "data_inputs",
				"goes with --targets (new data to test on); without --targets the data kept in the network file are used");
			if (t.data() == null) throw new ParameterException("data_targets", NO_DATA);
			return t.data().task(dt);
		}
		// the task the network was trained on (null in files that keep no data): new data are laid out in trials like it
		final DataTask trained = t.data() == null ? null : t.data().task(dt);
		final DataOptions options = trained == null ? data : data.with("trial_layout",
			trained.continuous() ? "continuous" : "separate").with("go_cue", trained.spec().options().goCue());
		final DataTask task = DataTaskFiles.task(options.validate(), given, dt);
		checkShape(t, trained, task);
		return task;
	}

	/** New data must have the channels, inputs and conditions the network was trained on ({@code trained}, or null). */
	private static void checkShape(final RateTargets t, final DataTask trained, final DataTask task) {
		if (task.outputs() != t.outputs()) throw new ParameterException("data_targets", task.spec().targets().source() + " has " +
			task.outputs() + " channels but the network was trained on " + t.outputs() + " target channels");
		final DataSpec kept = t.data();
		final boolean wasCued = trained != null ? trained.cued() : t.inputs() == 3 && task.cued();
		if (task.inputs() != t.inputs() || wasCued != task.cued()) throw new ParameterException("data_inputs", (task.cued()
			? "without --inputs the conditions are cued (3 inputs)" : task.spec().inputs().source() + " has " + task.inputs() + " channels") +
			" but the network was trained " + (wasCued ? "with cued conditions (3 inputs)" : "on " + t.inputs() + " input channels"));
		if (task.cued() && kept != null && task.conditions() != kept.targets().conditionCount())
			throw new ParameterException("data_targets", task.spec().targets().source() + " has " + task.conditions() + " conditions but the " +
				"network was trained to a cue for each of " + kept.targets().conditionCount() + "; cued networks test on as many conditions");
		TrainingStage.checkTask(t, task);
	}
}
