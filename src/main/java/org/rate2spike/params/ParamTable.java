package org.rate2spike.params;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rate2spike.util.ParameterException;

/**
 * The parameters of a configuration record, read from the {@link Param} declarations on its components and on the
 * components of the records it holds, in declaration order. Everything that shows, parses, validates or stores
 * parameters (the option parser and {@code --help}, Fiji fields, summary.json) goes through a table, so adding a
 * parameter is one annotated record component.
 */
public final class ParamTable<R extends Record> {

	private final Class<R> root;
	private final List<ParamDef> rows;
	private final Map<String, ParamDef> byName = new LinkedHashMap<>();

	private ParamTable(final Class<R> root) {
		this.root = root;
		final List<ParamDef> r = new ArrayList<>();
		collect(root, new ArrayList<>(), "", r);
		rows = Collections.unmodifiableList(r);
		for (final ParamDef d : rows) {
			put(d.name(), d);
			for (final String a : d.spec().aliases()) put(a, d);
		}
	}

	public static <R extends Record> ParamTable<R> of(final Class<R> root) {
		return new ParamTable<>(root);
	}

	private void put(final String name, final ParamDef d) {
		if (byName.put(name, d) != null) throw new IllegalStateException("parameter " + name + " is declared twice in " + root);
	}

	private static void collect(final Class<?> type, final List<RecordComponent> prefix, final String group,
		final List<ParamDef> out)
	{
		for (final RecordComponent c : type.getRecordComponents()) {
			final List<RecordComponent> path = new ArrayList<>(prefix);
			path.add(c);
			final Param p = c.getAnnotation(Param.class);
			if (p != null) out.add(new ParamDef(p, List.copyOf(path), group));
			else if (c.getType().isRecord()) collect(c.getType(), path, prefix.isEmpty() ? c.getName() : group, out);
		}
	}

	/** Every parameter, in display order. */
	public List<ParamDef> params() {
		return rows;
	}

	/** The parameter a user-typed name means ({@code rate-units}, {@code Rate_Units}, an alias), or null. */
	public ParamDef find(final String name) {
		return byName.get(normalize(name));
	}

	/** As {@link #find}, but an unknown name is a {@link ParameterException} with a did-you-mean. */
	public ParamDef require(final String name) {
		final ParamDef d = find(name);
		if (d != null) return d;
		final String n = normalize(name);
		throw new ParameterException(n, "is not a parameter" + didYouMean(n, byName.keySet()) + "; known parameters: " +
			String.join(", ", names()));
	}

	public List<String> names() {
		return rows.stream().map(ParamDef::name).toList();
	}

	/** A user-typed option name in the table's spelling: lower case, '-' as '_'. */
	public static String normalize(final String name) {
		return name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
	}

	/** The record with every parameter at its declared default. */
	public R defaults() {
		return defaults(root);
	}

	/** A record of {@code type} with every declared component at its default, nested records likewise. */
	@SuppressWarnings("unchecked")
	public static <T extends Record> T defaults(final Class<T> type) {
		final RecordComponent[] all = type.getRecordComponents();
		final Object[] args = new Object[all.length];
		for (int i = 0; i < all.length; i++) {
			final Param p = all[i].getAnnotation(Param.class);
			if (p != null) args[i] = new ParamDef(p, List.of(all[i]), "").defaultValue();
			else if (all[i].getType().isRecord()) args[i] = defaults((Class<? extends Record>) all[i].getType());
			else throw new IllegalStateException(type.getSimpleName() + "." + all[i].getName() + " has no @Param");
		}
		return Records.construct(type, args);
	}

	/** {@code value} of parameter {@code name} in {@code r}. */
	public Object get(final R r, final ParamDef d) {
		Object o = r;
		for (final RecordComponent c : d.path()) o = Records.get((Record) o, c);
		return o;
	}

	/** A copy of {@code r} with one parameter set to a value (text is parsed, numbers are converted to its type). */
	public R with(final R r, final String name, final Object value) {
		final ParamDef d = require(name);
		return set(r, d.path(), 0, d.parse(String.valueOf(value)));
	}

	/** A copy of {@code r} with one parameter set to a typed value. */
	public R with(final R r, final ParamDef d, final Object value) {
		return set(r, d.path(), 0, value);
	}

	@SuppressWarnings("unchecked")
	private static <T extends Record> T set(final T r, final List<RecordComponent> path, final int i, final Object value) {
		final RecordComponent c = path.get(i);
		if (i == path.size() - 1) return Records.with(r, c, value);
		return Records.with(r, c, set((Record) Records.get(r, c), path, i + 1, value));
	}

	/** Every parameter by name with its value. */
	public Map<String, Object> toMap(final R r) {
		final Map<String, Object> m = new LinkedHashMap<>();
		for (final ParamDef d : rows) m.put(d.name(), get(r, d));
		return m;
	}

	/** Checks the limits of the {@link Param} components of {@code r} itself (not of the records it holds). */
	public static void check(final Record r) {
		for (final RecordComponent c : r.getClass().getRecordComponents()) {
			final Param p = c.getAnnotation(Param.class);
			if (p != null) new ParamDef(p, List.of(c), "").check(Records.get(r, c));
		}
	}

	/** ", did you mean 'neurons'?" when one known name is close to {@code name}; else "". */
	public static String didYouMean(final String name, final Iterable<String> known) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (final String k : known) {
			final int d = distance(name, k);
			if (d < bestDistance) {
				bestDistance = d;
				best = k;
			}
		}
		return best != null && bestDistance <= Math.max(2, name.length() / 3) ? ", did you mean '" + best + "'?" : "";
	}

	/** Optimal-string-alignment distance: a swap of neighbours ("nuerons") counts as one edit. */
	static int distance(final String a, final String b) {
		final int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) d[i][0] = i;
		for (int j = 0; j <= b.length(); j++) d[0][j] = j;
		for (int i = 1; i <= a.length(); i++)
			for (int j = 1; j <= b.length(); j++) {
				final int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1))
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
			}
		return d[a.length()][b.length()];
	}
}
