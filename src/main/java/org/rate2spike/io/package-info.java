/**
 * Stores of the model's values: network, targets, checkpoint, baseline, readout and export files (.npz with
 * meta.json), and the data task from the files its options name. Above the model, below the use cases.
 */
package org.rate2spike.io;
