/**
 * Linear readouts of a trained network's synaptic traces: options, features, the signals to read out and the fitted
 * readout. Part of the model.
 */
package org.rate2spike.readout;
