package org.rate2spike.params;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one user-facing parameter on the record component that holds it: its snake_case name (the command line's
 * {@code --name}, the Fiji field and macro key, the summary.json key), default, limits, unit and meaning. The
 * {@link ParamTable} of a configuration record is read from these, so a parameter is declared exactly once.
 * <p>
 * Limits are inclusive unless marked open; an empty limit means none. Numeric values must always be finite.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {

	/** snake_case name. */
	String name();

	/** The default, as the user would type it. */
	String value();

	String description();

	String unit() default "";

	String min() default "";

	boolean minOpen() default false;

	String max() default "";

	boolean maxOpen() default false;

	/** The allowed values of a text parameter (empty: any text). */
	String[] choices() default {};

	/** Other accepted spellings, e.g. {@code targets} for {@code data_targets}. */
	String[] aliases() default {};
}
