package org.rate2spike.util;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * File names given as text. Java encodes file names with the encoding the locale had when it started
 * ({@code sun.jnu.encoding}); under a POSIX locale ({@code LANG=C}) that is ASCII, and a path with other characters
 * (or characters the launcher already could not decode from the command line) cannot be used at all. Such a path is
 * refused with a one-line message naming the parameter, the path and the fix, instead of an
 * {@link InvalidPathException}.
 */
public final class PathNames {

	private PathNames() {}

	/** {@code text} as a path; a path this Java cannot encode is a {@link ParameterException} of {@code parameter}. */
	public static Path of(final String parameter, final String text) {
		try {
			return Path.of(text);
		}
		catch (final InvalidPathException e) {
			throw unusable(parameter, e);
		}
	}

	/** The refusal of a path Java could not encode, as {@code parameter}'s one-line message. */
	public static ParameterException unusable(final String parameter, final InvalidPathException e) {
		return new ParameterException(parameter, message(e.getInput(), e.getReason()));
	}

	/** Why {@code path} cannot be used and what to do (without the parameter's name). */
	public static String message(final String path, final String reason) {
		final String encoding = System.getProperty("sun.jnu.encoding", "");
		final boolean utf8 = encoding.equalsIgnoreCase("UTF-8") || encoding.equalsIgnoreCase("UTF8");
		if (utf8 || reason == null || !reason.contains("unmappable") && !reason.contains("Malformed"))
			return "'" + path + "' is not a valid path (" + reason + "); choose another name";
		final String lang = locale();
		return "the path '" + path + "' has characters this Java cannot use in file names: it started under the locale " +
			lang + ", which encodes file names as " + encoding + ". Run it under a UTF-8 locale (e.g. LC_ALL=C.UTF-8 java " +
			"-jar rate2spike-cli.jar ...; in Fiji, start Fiji from a UTF-8 session) or use a path of ASCII characters only";
	}

	private static String locale() {
		for (final String v : new String[] { "LC_ALL", "LC_CTYPE", "LANG" }) {
			final String value = System.getenv(v);
			if (value != null && !value.isEmpty()) return v + "=" + value;
		}
		return "POSIX (no LANG set)";
	}
}
