/**
 * Neuron models: the membrane part of a spiking step (drive V∞ → state update → threshold and reset) for one
 * population's index range, with its own state and a plain reference version for tests. Part of the model.
 */
package org.rate2spike.spiking.neuron;
