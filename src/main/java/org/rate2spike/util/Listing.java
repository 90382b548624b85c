package org.rate2spike.util;

import java.util.List;

/** Lists in messages: "a", "a and b", "a, b and c". */
public final class Listing {

	private Listing() {}

	public static String and(final List<String> parts) {
		final int n = parts.size();
		if (n <= 2) return String.join(" and ", parts);
		return String.join(", ", parts.subList(0, n - 1)) + " and " + parts.get(n - 1);
	}
}
