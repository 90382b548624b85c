/**
 * The driven rate network, its PCA and the rate targets (the factors) it supplies. Part of the model.
 */
package org.rate2spike.rate;
