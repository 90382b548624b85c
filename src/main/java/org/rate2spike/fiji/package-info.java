/**
 * The SciJava commands under Plugins › Rate2Spike and the headless ImageJ macro runner: thin doors that read their
 * fields into a request of {@link org.rate2spike.app} and show the result.
 */
package org.rate2spike.fiji;
