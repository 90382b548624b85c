/**
 * The rate baseline: full-FORCE training of a rate network on the same targets, to judge what the spiking network
 * could reach.
 */
package org.rate2spike.baseline;
