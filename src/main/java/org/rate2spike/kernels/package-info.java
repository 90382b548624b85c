/**
 * The per-time-step hot loops (matrix-vector products, the RLS rank-1 update, tanh) with plain reference versions to
 * test and benchmark against, and the worker threads that run them. Knows nothing of the method.
 */
package org.rate2spike.kernels;
