/**
 * The method's protocol over the model: training configuration, settle, PCA, demean, RLS and test stages,
 * checkpoints, progress and cancel hooks, and the values they pass on (trained network, test result). Knows nothing
 * of files or user interfaces.
 */
package org.rate2spike.protocol;
