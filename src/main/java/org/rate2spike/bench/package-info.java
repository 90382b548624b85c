/**
 * The benchmark: the machine's ceilings, the kernels' speed and each phase's time per simulated second. Travels in
 * the CLI jar only.
 */
package org.rate2spike.bench;
