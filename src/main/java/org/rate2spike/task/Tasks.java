package org.rate2spike.task;

import java.util.List;

import org.rate2spike.util.ParameterException;

/** The built-in tasks, by the name a user types. */
public final class Tasks {

	/** The multi-condition motor task: the {@code data} task on the synthetic EMG set ({@link SyntheticEmg}). */
	public static final String REACH = "reach";

	private Tasks() {}

	public static List<String> names() {
		return List.of(OscillationTask.NAME, IntegrationTask.NAME, ContextTask.NAME, REACH, DataTask.NAME);
	}

	/** The tasks that need no files (every name but {@code data}): the Fiji dialogs' choices. */
	public static List<String> builtIn() {
		return List.of(OscillationTask.NAME, IntegrationTask.NAME, ContextTask.NAME, REACH);
	}

	public static Task create(final String name, final double dt) {
		if (name == null || name.isBlank()) throw new ParameterException("task", "is required; choose one of " + names());
		switch (name) {
			case OscillationTask.NAME:
				return new OscillationTask(dt);
			case IntegrationTask.NAME:
				return new IntegrationTask(dt);
			case ContextTask.NAME:
				return new ContextTask(dt);
			case REACH:
				return new DataTask(REACH, SyntheticEmg.generate(SyntheticEmg.CONDITIONS, SyntheticEmg.MUSCLES), null, null, dt, "none");
			case DataTask.NAME:
				throw new ParameterException("data_targets", "the data task needs a table or image of targets: --targets FILE");
			default:
				throw new ParameterException("task", "unknown task '" + name + "'; choose one of " + names());
		}
	}
}
