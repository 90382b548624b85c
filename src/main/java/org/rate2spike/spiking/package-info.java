/**
 * The spiking network: its parameters, populations, fixed connectivity, state and per-step update; the neuron models
 * (the membrane part of the step) are in {@code spiking.neuron}. Part of the model.
 */
package org.rate2spike.spiking;
