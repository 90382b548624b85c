package org.rate2spike.params;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;

import org.rate2spike.util.ParameterException;

/**
 * One row of a {@link ParamTable}: a {@link Param} declaration and where its value lives (the path of record
 * components from the table's root record).
 *
 * @param group the root's component that holds it ("" for the root's own components), e.g. {@code spiking}
 */
public record ParamDef(Param spec, List<RecordComponent> path, String group) {

	public String name() {
		return spec.name();
	}

	public String description() {
		return spec.description();
	}

	public Class<?> type() {
		return path.get(path.size() - 1).getType();
	}

	/** The default value, typed. */
	public Object defaultValue() {
		return parse(spec.value());
	}

	public boolean numeric() {
		return type() == int.class || type() == long.class || type() == double.class;
	}

	/** "500", "(0, 1]", "≥ 1", "> 0" …: the limits for help texts ("" when there are none). */
	public String limits() {
		final String min = spec.min(), max = spec.max();
		if (spec.choices().length > 0) return String.join("|", spec.choices());
		if (!min.isEmpty() && !max.isEmpty())
			return (spec.minOpen() ? "(" : "[") + min + ", " + max + (spec.maxOpen() ? ")" : "]");
		if (!min.isEmpty()) return (spec.minOpen() ? "> " : "≥ ") + min;
		if (!max.isEmpty()) return (spec.maxOpen() ? "< " : "≤ ") + max;
		return "";
	}

	/** The value of this parameter written as text, e.g. {@code "1000"}, parsed to its type; names it when unparsable. */
	public Object parse(final String text) {
		final Class<?> t = type();
		if (t == String.class) {
			final String s = text == null ? "" : text.trim();
			return spec.choices().length > 0 ? s.toLowerCase(Locale.ROOT) : s;
		}
		if (text == null) throw new ParameterException(name(), "needs a value");
		if (t == int.class) return parseInt(name(), text);
		if (t == long.class) return parseLong(name(), text);
		if (t == double.class) return parseDouble(name(), text);
		if (t == boolean.class) {
			final String s = text.trim().toLowerCase(Locale.ROOT);
			if (!s.equals("true") && !s.equals("false")) throw new ParameterException(name(), "needs true or false (got '" + text + "')");
			return Boolean.parseBoolean(s);
		}
		throw new IllegalStateException(name() + " has unsupported type " + t);
	}

	/** Throws a {@link ParameterException} naming this parameter when {@code value} is outside its limits. */
	public void check(final Object value) {
		if (value instanceof String s) {
			final String[] choices = spec.choices();
			if (choices.length > 0 && !List.of(choices).contains(s)) throw new ParameterException(name(), "must be " +
				(choices.length == 2 ? choices[0] + " or " + choices[1] : "one of " + String.join(", ", choices)) + " (got '" + s + "')");
			return;
		}
		if (!(value instanceof Number n)) return;
		final double v = n.doubleValue();
		final String got = " (got " + value + ")";
		if (!Double.isFinite(v)) throw new ParameterException(name(), "must be a finite number" + got);
		final String min = spec.min(), max = spec.max();
		final boolean low = !min.isEmpty() && (spec.minOpen() ? v <= Double.parseDouble(min) : v < Double.parseDouble(min));
		final boolean high = !max.isEmpty() && (spec.maxOpen() ? v >= Double.parseDouble(max) : v > Double.parseDouble(max));
		if (!low && !high) return;
		if (!min.isEmpty() && !max.isEmpty()) throw new ParameterException(name(), "must be in " + limits() + got);
		if (low) throw new ParameterException(name(), spec.minOpen() ? "must be greater than " + min + got
			: min.equals("0") && type() == double.class ? "must be 0 or more" + got : "must be at least " + min + got);
		throw new ParameterException(name(), (spec.maxOpen() ? "must be less than " : "must be at most ") + max + got);
	}

	public static int parseInt(final String key, final String value) {
		try {
			final double d = Double.parseDouble(value.trim());
			if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) throw new NumberFormatException();
			return (int) d;
		}
		catch (final NumberFormatException e) {
			throw new ParameterException(key, "needs a whole number (got '" + value + "')");
		}
	}

	public static long parseLong(final String key, final String value) {
		try {
			return Long.parseLong(value.trim());
		}
		catch (final NumberFormatException e) {
			throw new ParameterException(key, "needs a whole number (got '" + value + "')");
		}
	}

	public static double parseDouble(final String key, final String value) {
		try {
			return Double.parseDouble(value.trim());
		}
		catch (final NumberFormatException e) {
			throw new ParameterException(key, "needs a number (got '" + value + "')");
		}
	}
}
