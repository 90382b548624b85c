/**
 * Tasks: the inputs and desired outputs of each trial (built-in oscillation, integration, context and reach tasks,
 * and the data task over a {@link org.rate2spike.format.Dataset}). Part of the model: no files, ImageJ or charts.
 */
package org.rate2spike.task;
