/**
 * Grids of trainings: the sweep specification, the local runner, SLURM job arrays, the table of points and the
 * summary.
 */
package org.rate2spike.sweep;
