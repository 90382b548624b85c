package org.rate2spike.util;

/** The {@code -Drate2spike.*} JVM options that tune or switch off an optimisation, for checks and comparisons. */
public final class Tuning {

	private Tuning() {}

	/** The option's value when it is a number ≥ 0; {@code otherwise} when it is absent, negative or not a number. */
	public static double nonNegative(final String name, final double otherwise) {
		final String p = System.getProperty(name);
		if (p == null) return otherwise;
		try {
			final double v = Double.parseDouble(p.trim());
			return v >= 0 ? v : otherwise;
		}
		catch (final NumberFormatException e) {
			return otherwise;
		}
	}
}
