package org.rate2spike.task;

/**
 * One trial of a task: input f_in (channels × steps) and desired output f_out (channels × steps), sampled at dt.
 * Arrays are shared, not copied: treat them as read-only.
 *
 * @param input f_in, [inputs][steps]
 * @param output f_out, [outputs][steps]
 * @param condition the condition index (0 for tasks with a single condition)
 * @param activity recorded population activity, [units][steps], whose PCs are the factor targets of tasks that
 *        {@linkplain Task#hasActivity() have it}; null otherwise
 * @param window where a data task placed the condition's data in this trial (what aligns anything else given per
 *        condition with it); null for other tasks
 */
public record Trial(double[][] input, double[][] output, int condition, double[][] activity, DataWindow window) {

	public Trial(final double[][] input, final double[][] output, final int condition) {
		this(input, output, condition, null, null);
	}

	public Trial(final double[][] input, final double[][] output, final int condition, final double[][] activity) {
		this(input, output, condition, activity, null);
	}

	public Trial {
		if (output.length == 0) throw new IllegalArgumentException("a trial needs at least one output channel");
		final int steps = output[0].length;
		for (final double[] c : output)
			if (c.length != steps) throw new IllegalArgumentException("output channels differ in length");
		for (final double[] c : input)
			if (c.length != steps) throw new IllegalArgumentException("input and output lengths differ");
		if (activity != null) for (final double[] c : activity)
			if (c.length != steps) throw new IllegalArgumentException("activity and output lengths differ");
		if (window != null && window.steps() != steps) throw new IllegalArgumentException("the data window and the trial differ in length");
	}

	public int steps() {
		return output[0].length;
	}

	public int inputs() {
		return input.length;
	}

	public int outputs() {
		return output.length;
	}
}
