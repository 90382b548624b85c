/**
 * Pure file formats at the bottom: .npz/.npy arrays, JSON, and tables (CSV/TSV) and images (TIFF) of time series read
 * into {@link org.rate2spike.format.Dataset}. Knows nothing of networks or tasks.
 */
package org.rate2spike.format;
