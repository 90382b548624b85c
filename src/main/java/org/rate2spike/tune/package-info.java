/**
 * The settings search ({@code tune}): the search space and its syntax, seeded proposals, successive halving over
 * shorter and longer protocols, scored on validation trials, with a resumable results table. Above {@code sweep}
 * (whose pool and files it mirrors), below {@code render}.
 */
package org.rate2spike.tune;
