package org.rate2spike.util;

/** One-line validation helpers; each throws a {@link ParameterException} naming the parameter. */
public final class Check {

	private Check() {}

	public static int atLeast(final String name, final int value, final int min) {
		if (value < min) throw new ParameterException(name, "must be at least " + min + " (got " + value + ")");
		return value;
	}

	public static double positive(final String name, final double value) {
		finite(name, value);
		if (value <= 0) throw new ParameterException(name, "must be greater than 0 (got " + value + ")");
		return value;
	}

	public static double nonNegative(final String name, final double value) {
		finite(name, value);
		if (value < 0) throw new ParameterException(name, "must be 0 or more (got " + value + ")");
		return value;
	}

	public static double finite(final String name, final double value) {
		if (!Double.isFinite(value)) throw new ParameterException(name, "must be a finite number (got " + value + ")");
		return value;
	}

	/** A fraction in (0, 1]. */
	public static double fraction(final String name, final double value) {
		finite(name, value);
		if (value <= 0 || value > 1) throw new ParameterException(name, "must be in (0, 1] (got " + value + ")");
		return value;
	}

	/** Exact exponential integration is stable for any dt, but dt ≥ τ no longer resolves the time constant. */
	public static void resolves(final String tauName, final double tau, final double dt) {
		if (!(dt < tau)) throw new ParameterException(tauName, "must be larger than the time step dt = " + dt +
			" s (got " + tau + " s); use a smaller dt or a slower time constant");
	}
}
