package org.rate2spike.pipeline;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.rate2spike.params.ParamDef;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.task.Task;
import org.rate2spike.util.Listing;
import org.rate2spike.util.ParameterException;

/**
 * The settings a task chooses by itself: where a user left a parameter unset, the value the task was measured to
 * train best with ({@link Task#suggested}) replaces the default; an explicit value always wins, and
 * {@code task_settings = advise} turns the choice off. Every door resolves its configuration here, after making its
 * task and before any work, so that train, baseline, sweep and tune choose alike.
 *
 * <p>What counts as set: on the command line, the options given ({@link #given}); in Fiji dialogs and macros, which
 * cannot tell a value typed from one left alone, every value that differs from the parameter's default
 * ({@link #differingFromDefaults}); in a sweep or a search also every swept or searched parameter.
 */
public final class TaskSettings {

	/**
	 * What was resolved.
	 *
	 * @param config the configuration to run
	 * @param chosen the parameters the task set, name → value (sorted; empty when it set none)
	 * @param task the task's name
	 * @param suggested every parameter the task has a setting for (chosen or not)
	 */
	public record Chosen(TrainingConfig config, Map<String, Double> chosen, String task, Set<String> suggested) {

		/** A line for the log, or null when the task chose nothing. */
		public String note() {
			if (chosen.isEmpty()) return null;
			final List<String> parts = chosen.entrySet().stream()
				.map(e -> e.getKey() + " " + TrainingConfig.valueText(e.getKey(), e.getValue())).toList();
			return "the " + task + " task chose " + Listing.and(parts) + " (the values it was measured to train " +
				"best with; set a parameter to override it, or task_settings advise to keep the defaults)";
		}
	}

	private TaskSettings() {}

	/** Every parameter counts as set: nothing is chosen (a fully specified configuration, e.g. a search's winner). */
	public static Set<String> all() {
		return new LinkedHashSet<>(TrainingConfig.TABLE.names());
	}

	/**
	 * The training parameters among {@code names} (options a command line was given, by any of their names; the trials
	 * shorthand stands for the five trial counts), by their canonical names; other names are not training parameters.
	 */
	public static Set<String> given(final Collection<String> names) {
		final Set<String> s = new LinkedHashSet<>();
		for (final String n : names) {
			if (n.equals(TrainingConfig.TRIALS)) {
				for (final String t : TrainingConfig.TABLE.names()) if (t.startsWith("trials_")) s.add(t);
				continue;
			}
			final ParamDef d = TrainingConfig.TABLE.find(n);
			if (d != null) s.add(d.name());
		}
		return s;
	}

	/** The parameters whose value in {@code c} differs from their default: what a dialog or macro counts as set. */
	public static Set<String> differingFromDefaults(final TrainingConfig c) {
		final Map<String, Object> d = TrainingConfig.DEFAULTS.toMap(), v = c.toMap();
		final Set<String> s = new LinkedHashSet<>();
		for (final Map.Entry<String, Object> e : v.entrySet())
			if (!same(d.get(e.getKey()), e.getValue())) s.add(e.getKey());
		return s;
	}

	/**
	 * {@code config} with the task's settings in every parameter not in {@code given}, unless the configuration says
	 * {@code task_settings advise}. The task's settings may only concern parameters that do not make the task.
	 */
	public static Chosen choose(final TrainingConfig config, final Task task, final Set<String> given) {
		final Map<String, Double> chosen = new TreeMap<>();
		TrainingConfig c = config;
		if (config.appliesTaskSettings()) {
			final Map<String, Object> values = config.toMap();
			for (final Map.Entry<String, Double> e : new TreeMap<>(task.suggested()).entrySet()) {
				final ParamDef d = TrainingConfig.TABLE.require(e.getKey());
				if (given.contains(d.name()) || same(values.get(d.name()), e.getValue())) continue;
				if (makesTask(d.name())) throw new IllegalStateException("task " + task.name() + " may not choose " + d.name());
				c = c.with(d.name(), d.type() == int.class ? (Object) (int) Math.round(e.getValue()) : e.getValue());
				chosen.put(d.name(), e.getValue());
			}
			if (!chosen.isEmpty()) c = validated(c, chosen);
		}
		return new Chosen(c, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(chosen)), task.name(),
			java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(task.suggested().keySet())));
	}

	/** The resolved configuration must still be valid (e.g. an explicit N with a chosen fraction). */
	private static TrainingConfig validated(final TrainingConfig c, final Map<String, Double> chosen) {
		try {
			return c.validate();
		}
		catch (final ParameterException e) {
			final String why = e.getMessage().substring(e.parameter().length() + 2);
			throw new ParameterException(e.parameter(), why + " (with the task's own " + chosen + "; set them yourself " +
				"or give task_settings advise)");
		}
	}

	/** Parameters that make the task itself: a task cannot choose them, it is already made. */
	private static boolean makesTask(final String name) {
		return name.equals("task") || name.equals("dt") || name.equals("seed") || TrainingConfig.TABLE.require(name).group().equals("data");
	}

	private static boolean same(final Object a, final Object b) {
		if (a instanceof Number x && b instanceof Number y) return x.doubleValue() == y.doubleValue();
		return String.valueOf(a).equals(String.valueOf(b));
	}
}
