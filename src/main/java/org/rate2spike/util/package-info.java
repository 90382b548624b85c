/**
 * Validation helpers, the user-facing {@link org.rate2spike.util.ParameterException} and seeded random streams. The
 * bottom layer.
 */
package org.rate2spike.util;
