package org.rate2spike.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.rate2spike.params.ParamDef;
import org.rate2spike.params.ParamTable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Options made from a {@link ParamTable}: one {@code --kebab-name} per parameter, its help line giving the meaning,
 * unit, default and limits from the table. Values stay text here; the table parses and checks them, so the command
 * line, Fiji and files share every message.
 */
final class TableOptions {

	private TableOptions() {}

	/** Adds the parameters of {@code table} that {@code which} accepts; with {@code lists}, "a,b,c" is allowed (sweeps). */
	static void add(final CommandSpec spec, final ParamTable<?> table, final Predicate<ParamDef> which, final boolean lists) {
		for (final ParamDef d : table.params()) {
			if (!which.test(d) || spec.findOption(option(d.name())) != null) continue;
			final String[] names = new String[1 + d.spec().aliases().length];
			names[0] = option(d.name());
			for (int i = 0; i < d.spec().aliases().length; i++) names[i + 1] = option(d.spec().aliases()[i]);
			spec.addOption(OptionSpec.builder(names).type(String.class).paramLabel(label(d, lists))
				.description(help(d, lists)).userObject(d).build());
		}
	}

	/** Every parameter of the table. */
	static void add(final CommandSpec spec, final ParamTable<?> table, final boolean lists) {
		add(spec, table, d -> true, lists);
	}

	/** The table parameters the user gave, by table name, as typed. */
	static Map<String, String> given(final ParseResult parsed) {
		final Map<String, String> m = new LinkedHashMap<>();
		for (final OptionSpec o : parsed.matchedOptions())
			if (o.userObject() instanceof ParamDef d) m.put(d.name(), o.getValue());
			else if (o.userObject() instanceof String shorthand) m.put(shorthand, o.getValue()); // --trials I,P,D,R,T
		return m;
	}

	static String option(final String name) {
		return "--" + name.replace('_', '-');
	}

	private static String label(final ParamDef d, final boolean lists) {
		final String one = d.type() == String.class ? (d.spec().choices().length > 0 ? String.join("|", d.spec().choices())
			: d.name().startsWith("data_") ? "FILE" : "TEXT")
			: d.type() == double.class ? "X" : d.type() == boolean.class ? "true|false" : "N";
		return lists ? one + "[,…]" : one;
	}

	/** "N, spiking neurons. Default 500; ≥ 1." */
	static String help(final ParamDef d, final boolean lists) {
		final StringBuilder b = new StringBuilder(d.description());
		if (!d.spec().unit().isEmpty()) b.append(" (").append(d.spec().unit()).append(')');
		b.append(". Default ").append(d.spec().value().isEmpty() ? "none" : d.spec().value());
		if (!d.limits().isEmpty() && d.spec().choices().length == 0) b.append("; ").append(d.limits());
		b.append('.');
		if (lists) b.append(" A list a,b,c makes it an axis.");
		return b.toString();
	}
}
