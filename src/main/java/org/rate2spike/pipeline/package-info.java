/**
 * The three stages in sequence (rate targets, spiking training, test) and the task a configuration or a saved network
 * names, data files included.
 */
package org.rate2spike.pipeline;
