package org.rate2spike.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rate2spike.params.ParamDef;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.util.ParameterException;

/**
 * The parameters a settings search varies, each an {@link Axis}. {@link #DEFAULTS} is the declared space; the user
 * changes it with {@code --space} and restricts it with {@code --axes}, and every parameter given as an ordinary option
 * ({@code --neurons 800}) is fixed instead of searched.
 *
 * <p>Syntax of {@code --space}: comma-separated {@code name=LOW:HIGH[:FLAG…]} with flags {@code log} or {@code lin}
 * (the scale) and {@code int} or {@code real}; a flag left out keeps the default axis's (or, for a parameter not in the
 * defaults, {@code lin} and the parameter's own type). {@code name=off} drops an axis. Example:
 * {@code gz=2:12,neurons=300:1000:int,rate_gain=1.0:1.6,gs=off}. A parameter with named values is searched over the
 * values listed with {@code |}: {@code neuron_model=lif|alif|theta}.
 */
public record SearchSpace(List<Axis> axes) {

	/** The parameter its messages name: the command line's {@code --space}, the Fiji field {@code space}. */
	public static final String PARAM = "space";

	/** The declared space: what is searched when nothing else is said. */
	public static final SearchSpace DEFAULTS = new SearchSpace(List.of(
		new Axis("rate_gain", 1.0, 1.6, false, false),
		new Axis("gz", 2, 12, true, false),
		new Axis("neurons", 300, 1000, true, true),
		new Axis("gs", 0, 0.5, false, false),
		new Axis("gf", 0, 0.5, false, false),
		new Axis("trained_fraction", 0.2, 1, false, false),
		new Axis("rls_alpha", 0.1, 10, true, false),
		new Axis("trials_rls", 200, 1000, true, true),
		new Axis("dt_rls", 2, 30, true, false)));

	public SearchSpace {
		axes = List.copyOf(axes);
	}

	public List<String> names() {
		return axes.stream().map(Axis::name).toList();
	}

	public Axis axis(final String name) {
		for (final Axis a : axes) if (a.name().equals(name)) return a;
		return null;
	}

	/** The space as {@code --space} would write it. */
	@Override
	public String toString() {
		return String.join(",", axes.stream().map(Axis::toString).toList());
	}

	/**
	 * The space a search runs over: {@link #DEFAULTS} changed by {@code space} (may be null or blank), restricted to
	 * {@code only} (comma-separated names; null or blank: all), less the parameters in {@code fixed} that the user set
	 * as options and did not name in {@code space} or {@code only}. Every axis is checked against {@code base}.
	 */
	public static SearchSpace resolve(final String space, final String only, final Set<String> fixed, final TrainingConfig base) {
		final Map<String, Axis> axes = new LinkedHashMap<>();
		for (final Axis a : DEFAULTS.axes()) axes.put(a.name(), a);
		final Set<String> named = new java.util.HashSet<>();
		if (space != null && !space.isBlank()) {
			for (final String entry : space.split(",")) {
				final String e = entry.trim();
				if (e.isEmpty()) continue;
				final int eq = e.indexOf('=');
				if (eq <= 0) throw new ParameterException(PARAM, "'" + e + "' is not name=LOW:HIGH[:log|lin][:int|real], name=A|B|… or name=off");
				final String name = org.rate2spike.params.ParamTable.normalize(e.substring(0, eq).trim());
				if (!named.add(name)) throw new ParameterException(PARAM, "axis " + name + " is given twice");
				final String value = e.substring(eq + 1).trim();
				if (value.equalsIgnoreCase("off")) {
					if (axes.remove(name) == null) throw new ParameterException(PARAM, "axis " + name + " is not in the space, so it cannot be turned off" +
						org.rate2spike.params.ParamTable.didYouMean(name, axes.keySet()));
					continue;
				}
				axes.put(name, parse(name, value, axes.get(name)));
			}
		}
		if (only != null && !only.isBlank()) {
			final Map<String, Axis> kept = new LinkedHashMap<>();
			for (final String n : only.split(",")) {
				final String name = org.rate2spike.params.ParamTable.normalize(n.trim());
				if (name.isEmpty()) continue;
				final Axis a = axes.get(name);
				if (a == null) throw new ParameterException("axes", "axis " + name + " is not in the space (" + String.join(", ", axes.keySet()) +
					"); give its range with --space " + name + "=LOW:HIGH" + Axis.didYouMean(name));
				kept.put(name, a);
				named.add(name);
			}
			axes.clear();
			axes.putAll(kept);
		}
		for (final String f : fixed) if (!named.contains(f)) axes.remove(f);
		for (final String f : fixed)
			if (named.contains(f) && axes.containsKey(f)) throw new ParameterException(PARAM, "axis " + f + " is both searched and fixed (--" +
				f.replace('_', '-') + "); drop one of them");
		if (axes.isEmpty()) throw new ParameterException(PARAM, "nothing is left to search: every axis is fixed or off; " +
			"name at least one, e.g. --space gz=2:12");
		final SearchSpace s = new SearchSpace(new ArrayList<>(axes.values()));
		for (final Axis a : s.axes()) a.validate(base);
		return s;
	}

	/** The default space less the parameters set as options. */
	public static SearchSpace resolve(final Set<String> fixed, final TrainingConfig base) {
		return resolve(null, null, fixed, base);
	}

	/** "LOW:HIGH[:flags]" of axis {@code name}; flags not given come from {@code like} (may be null). */
	static Axis parse(final String name, final String value, final Axis like) {
		final ParamDef d = TrainingConfig.TABLE.find(name);
		if (d == null) throw new ParameterException(PARAM, "axis " + name + " is not a training parameter" + Axis.didYouMean(name));
		if (d.spec().choices().length > 0) {
			final List<String> values = new ArrayList<>();
			for (final String v : value.split("\\|", -1)) values.add(String.valueOf(d.parse(v)));
			return Axis.choice(name, values);
		}
		final String[] f = value.split(":", -1);
		if (f.length < 2) throw new ParameterException(PARAM, "axis " + name + " needs a range LOW:HIGH (got '" + value + "')");
		final double low = number(name, f[0]), high = number(name, f[1]);
		Boolean log = like == null ? null : like.log(), integer = like == null ? null : like.integer();
		if (integer == null) integer = d.type() == int.class || d.type() == long.class;
		if (log == null) log = false;
		boolean scaleSet = false, typeSet = false;
		for (int i = 2; i < f.length; i++) {
			final String flag = f[i].trim().toLowerCase(java.util.Locale.ROOT);
			switch (flag) {
				case "log", "lin", "linear" -> {
					if (scaleSet) throw new ParameterException(PARAM, "axis " + name + " has two scales; give log or lin once");
					scaleSet = true;
					log = flag.equals("log");
				}
				case "int", "real" -> {
					if (typeSet) throw new ParameterException(PARAM, "axis " + name + " has two types; give int or real once");
					typeSet = true;
					integer = flag.equals("int");
				}
				default -> throw new ParameterException(PARAM, "axis " + name + ": '" + f[i] + "' is not a flag (log, lin, int or real)");
			}
		}
		return new Axis(name, low, high, log, integer);
	}

	private static double number(final String name, final String text) {
		try {
			return Double.parseDouble(text.trim());
		}
		catch (final NumberFormatException e) {
			throw new ParameterException(PARAM, "axis " + name + ": '" + text.trim() + "' is not a number");
		}
	}
}
