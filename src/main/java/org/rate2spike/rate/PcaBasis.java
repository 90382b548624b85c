package org.rate2spike.rate;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.rate2spike.kernels.Kernels;

/**
 * Leading principal components of the teacher signal, from the uncentred second-moment matrix Σ f_J f_Jᵀ
 * (as in the reference method), eigendecomposed with EJML.
 *
 * @param components uPC as columns, [ñ][Ñ], unit length, sign chosen so each component's largest entry is positive
 * @param eigenvalues all Ñ eigenvalues, descending
 */
public record PcaBasis(double[][] components, double[] eigenvalues) {

	public int count() {
		return components.length;
	}

	/** Fraction of Σ eigenvalues explained by the first k components. */
	public double explained(final int k) {
		double total = 0, part = 0;
		for (int i = 0; i < eigenvalues.length; i++) {
			total += eigenvalues[i];
			if (i < k) part += eigenvalues[i];
		}
		return total > 0 ? part / total : 0;
	}

	/**
	 * Accumulates Σ f fᵀ one step at a time (upper triangle only). Steps are buffered and added in blocks of
	 * {@link #BLOCK} with one sweep of the matrix per block instead of one per step; each entry still receives the
	 * products in time order, so the sum is the same to the bit.
	 */
	public static final class Accumulator {
		public static final int BLOCK = 64;
		private final double[][] sum;
		private final double[][] buffer;
		private int buffered;
		private long samples;

		public Accumulator(final int units) {
			sum = new double[units][units];
			buffer = new double[BLOCK][units];
		}

		public void add(final double[] f) {
			System.arraycopy(f, 0, buffer[buffered++], 0, f.length);
			samples++;
			if (buffered == BLOCK) flush();
		}

		/** Adds the first {@code count} rows of {@code f} in order: the same as {@code count} calls of {@link #add}. */
		public void addAll(final double[][] f, final int count) {
			int t = 0;
			while (t < count && buffered > 0) add(f[t++]);
			for (; t + BLOCK <= count; t += BLOCK) {
				final double[][] rows = java.util.Arrays.copyOfRange(f, t, t + BLOCK);
				Kernels.symmetricRankUpdateUpper(sum, rows, BLOCK);
				samples += BLOCK;
			}
			for (; t < count; t++) add(f[t]);
		}

		/**
		 * Adds the first {@code count} rows of {@code f} as if they occurred {@code times} times: one sweep per block of
		 * rows, each product weighted by {@code times} (equal to adding them {@code times} times up to round-off).
		 */
		public void addRepeated(final double[][] f, final int count, final int times) {
			if (times <= 0) return;
			flush();
			for (int t = 0; t < count; t += BLOCK) {
				final int k = Math.min(BLOCK, count - t);
				Kernels.symmetricRankUpdateUpper(sum, java.util.Arrays.copyOfRange(f, t, t + k), k, times);
			}
			samples += (long) count * times;
		}

		private void flush() {
			Kernels.symmetricRankUpdateUpper(sum, buffer, buffered);
			buffered = 0;
		}

		public long samples() {
			return samples;
		}

		/** The smallest ñ whose cumulative eigenvalue fraction exceeds fracPca, or exactly {@code fixedCount} if > 0. */
		public PcaBasis basis(final double fracPca, final int fixedCount) {
			flush();
			final int n = sum.length;
			Kernels.mirrorUpper(sum);
			final DMatrixRMaj m = new DMatrixRMaj(sum);
			final EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
			if (!eig.decompose(m)) throw new IllegalStateException("eigendecomposition of the teacher covariance failed");
			final Integer[] order = new Integer[n];
			final double[] values = new double[n];
			for (int i = 0; i < n; i++) {
				order[i] = i;
				values[i] = eig.getEigenvalue(i).getReal();
			}
			Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
			final double[] sorted = new double[n];
			double total = 0;
			for (int i = 0; i < n; i++) {
				sorted[i] = Math.max(0, values[order[i]]); // a PSD matrix; clip round-off below zero
				total += sorted[i];
			}
			int keep = fixedCount;
			if (keep <= 0) {
				keep = n;
				double cum = 0;
				for (int i = 0; i < n; i++) {
					cum += sorted[i];
					if (cum / total > fracPca) {
						keep = i + 1;
						break;
					}
				}
			}
			final double[][] comps = new double[keep][n];
			for (int k = 0; k < keep; k++) {
				final DMatrixRMaj v = eig.getEigenVector(order[k]);
				double norm = 0;
				int argMax = 0;
				for (int i = 0; i < n; i++) {
					norm += v.get(i) * v.get(i);
					if (Math.abs(v.get(i)) > Math.abs(v.get(argMax))) argMax = i;
				}
				final double scale = (v.get(argMax) < 0 ? -1 : 1) / Math.sqrt(norm);
				for (int i = 0; i < n; i++) comps[k][i] = scale * v.get(i);
			}
			return new PcaBasis(comps, sorted);
		}
	}
}
