/**
 * Learning rules: recursive least squares with a shared P, ridge regression, the learned decoders. Part of the model.
 */
package org.rate2spike.learn;
