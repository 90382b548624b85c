/**
 * The use cases, one class each (train, test, readout, export, baseline, sweep): each takes one request value,
 * validates it, builds the task, runs the stages, owns the run folder it writes and returns one result value. The
 * doors above it (the command line, the Fiji commands and their macros, sweep points and SLURM array tasks) only
 * translate their inputs into a request and show the result.
 */
package org.rate2spike.app;
