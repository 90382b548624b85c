/**
 * Parameters declared once: the {@link org.rate2spike.params.Param} annotation on a configuration record's components
 * and the {@link org.rate2spike.params.ParamTable} read from it (names, defaults, limits, descriptions, parsing and
 * validation). The bottom layer: knows nothing of the method, files or user interfaces.
 */
package org.rate2spike.params;
