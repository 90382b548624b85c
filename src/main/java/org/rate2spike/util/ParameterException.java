package org.rate2spike.util;

/**
 * Bad user input: names the parameter (as the user spells it, snake_case) and says how to fix it.
 * The command line, the Fiji dialogs and macros all show {@link #getMessage()} as it is.
 */
public class ParameterException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;
	private final String parameter;

	public ParameterException(final String parameter, final String message) {
		super(parameter + ": " + message);
		this.parameter = parameter;
	}

	/** The snake_case name of the offending parameter, or a file's role ("network", "targets"). */
	public String parameter() {
		return parameter;
	}
}
