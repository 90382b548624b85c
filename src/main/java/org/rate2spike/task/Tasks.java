package org.rate2spike.task;

import java.util.List;

import org.rate2spike.util.ParameterException;

/** The built-in tasks, by the name a user types. */
public final class Tasks {

	private Tasks() {}

	public static List<String> names() {
		return List.of(OscillationTask.NAME);
	}

	public static Task create(final String name, final double dt) {
		if (name == null || name.isBlank()) throw new ParameterException("task", "is required; choose one of " + names());
		switch (name) {
			case OscillationTask.NAME:
				return new OscillationTask(dt);
			default:
				throw new ParameterException("task", "unknown task '" + name + "'; choose one of " + names());
		}
	}
}
