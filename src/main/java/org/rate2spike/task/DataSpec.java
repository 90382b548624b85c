package org.rate2spike.task;

import org.rate2spike.format.Dataset;

/**
 * What a {@code data} task is made of, as kept in the rate-targets and network files so that a network can be tested,
 * read out, exported and resumed without the original files: the data sets as read and the options. Given the same
 * dt, {@link #task} makes the same trials from the same seeds as the task the network was trained on.
 *
 * @param targets the desired outputs
 * @param inputs the input channels, or null (cued conditions)
 * @param factors the population activity, or null
 * @param options the options; of these only {@code normalize} shapes the task (the data are already read), the file
 *        names and the sample interval are a record of where the data came from
 */
public record DataSpec(Dataset targets, Dataset inputs, Dataset factors, DataOptions options) {

	/** The task these data make at time step dt. */
	public DataTask task(final double dt) {
		return new DataTask(DataTask.NAME, this, dt);
	}

	/**
	 * What a task needs stored to be made again: the data of a {@code data} task; null for a task that
	 * {@link Tasks#create(String, double)} makes from its name alone (the built-in ones, {@code reach} included).
	 */
	public static DataSpec stored(final Task task) {
		return task instanceof DataTask d && !Tasks.builtIn().contains(d.name()) ? d.spec() : null;
	}
}
