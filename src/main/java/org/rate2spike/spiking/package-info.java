/**
 * The leaky integrate-and-fire network: its parameters, fixed connectivity, state and per-step update. Part of the
 * model.
 */
package org.rate2spike.spiking;
