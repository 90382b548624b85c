package org.rate2spike.tune;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.rate2spike.params.ParamDef;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.util.ParameterException;

/**
 * One searched parameter: a range, a scale and whether its values are whole numbers; or, for a parameter with named
 * values (e.g. {@code neuron_model}), the values to choose from.
 *
 * @param name the parameter's name in {@link TrainingConfig#TABLE}
 * @param low the smallest value proposed
 * @param high the largest value proposed
 * @param log proposals are uniform in log(value) (else uniform in value)
 * @param integer values are rounded to whole numbers
 * @param choices the values of a choice axis, each proposed with the same probability (empty for a numeric axis)
 */
public record Axis(String name, double low, double high, boolean log, boolean integer, List<String> choices) {

	public Axis {
		choices = List.copyOf(choices);
	}

	/** A numeric axis. */
	public Axis(final String name, final double low, final double high, final boolean log, final boolean integer) {
		this(name, low, high, log, integer, List.of());
	}

	/** A choice axis over {@code choices}. */
	public static Axis choice(final String name, final List<String> choices) {
		return new Axis(name, 0, choices.size() - 1, false, true, choices);
	}

	public boolean isChoice() {
		return !choices.isEmpty();
	}

	/** "neurons=300:1000:log:int" or "neuron_model=lif|theta", the syntax {@link SearchSpace#parse} reads. */
	@Override
	public String toString() {
		if (isChoice()) return name + "=" + String.join("|", choices);
		return name + "=" + format(low) + ":" + format(high) + ":" + (log ? "log" : "lin") + ":" + (integer ? "int" : "real");
	}

	/**
	 * A value drawn from {@code rng} (one draw), as text: one of the choices, whole numbers, or reals with four
	 * significant digits.
	 */
	public String sample(final Random rng) {
		if (isChoice()) return choices.get(rng.nextInt(choices.size()));
		final double u = rng.nextDouble();
		final double x = log ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low))) : low + u * (high - low);
		return text(x);
	}

	/** {@code x} as this axis writes values, kept inside the range. */
	public String text(final double x) {
		final double v = Math.min(high, Math.max(low, x));
		if (integer) return Long.toString(Math.round(v));
		return format(Double.parseDouble(String.format(Locale.ROOT, "%.4g", v)));
	}

	/** Whether {@code x} lies in the range. */
	public boolean contains(final double x) {
		return x >= low && x <= high;
	}

	/** {@code value}, the starting point's value of a choice axis, or its first choice when it is not one of them. */
	public String choiceOrFirst(final String value) {
		return choices.contains(value) ? value : choices.get(0);
	}

	/** Checks the range against the parameter's own type and limits; messages name the axis. */
	public Axis validate(final TrainingConfig base) {
		final ParamDef d = TrainingConfig.TABLE.find(name);
		if (d == null) throw bad("is not a training parameter" + didYouMean(name));
		if (isChoice()) return validateChoices(d, base);
		if (!d.numeric()) throw bad("is not numeric" + (d.spec().choices().length > 0 ? ": give its values as " + name + "=" +
			String.join("|", d.spec().choices()) : " and cannot be searched; fix it with --" + name.replace('_', '-')));
		if (name.equals("seed")) throw bad("cannot be searched: the seed fixes the search (--seed)");
		if (name.equals("trials_test")) throw bad("cannot be searched: the search never sees the test trials");
		if (!Double.isFinite(low) || !Double.isFinite(high)) throw bad("needs a finite range (got " + format(low) + ":" + format(high) + ")");
		if (!(low < high)) throw bad("its low end " + format(low) + " must be below its high end " + format(high));
		if (log && low <= 0) throw bad("a log scale needs a positive low end (got " + format(low) + "); use lin for a range from 0");
		final boolean wholeType = d.type() == int.class || d.type() == long.class;
		if (wholeType && !integer) throw bad("takes whole numbers: use int, not real");
		if (integer && Math.round(high) < Math.ceil(low)) throw bad("holds no whole number between " + format(low) + " and " + format(high));
		for (final double v : new double[] { low, high })
			try {
				base.with(name, integer ? Long.toString(Math.round(v)) : format(v)).validate();
			}
			catch (final ParameterException e) {
				throw bad("the value " + format(v) + " is not allowed (" + e.getMessage() + ")");
			}
		return this;
	}

	private Axis validateChoices(final ParamDef d, final TrainingConfig base) {
		if (d.spec().choices().length == 0) throw bad("takes a range LOW:HIGH, not a list of values");
		if (choices.size() < 2) throw bad("needs at least two values to choose from (got " + String.join("|", choices) +
			"); fix a single value with --" + name.replace('_', '-'));
		if (choices.stream().distinct().count() != choices.size()) throw bad("lists a value twice: " + String.join("|", choices));
		for (final String c : choices)
			try {
				base.with(name, c).validate();
			}
			catch (final ParameterException e) {
				throw bad("the value " + c + " is not allowed (" + e.getMessage() + ")");
			}
		return this;
	}

	private ParameterException bad(final String why) {
		return new ParameterException(SearchSpace.PARAM, "axis " + name + " " + why);
	}

	static String didYouMean(final String name) {
		final java.util.List<String> names = new java.util.ArrayList<>();
		for (final ParamDef p : TrainingConfig.TABLE.params()) names.add(p.name());
		final String hint = org.rate2spike.params.ParamTable.didYouMean(name, names);
		return hint;
	}

	/** Shortest text of a number: 300, 1.5, 0.001. */
	static String format(final double v) {
		if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
		return Double.toString(v);
	}
}
