package org.rate2spike.learn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Batch ridge regression from sufficient statistics, solved with EJML. Features x (length F, the last one a
 * constant 1 that is not penalised) and targets y (length C) enter only through G = Σ x xᵀ, B = Σ x yᵀ and the
 * per-channel Σ y, Σ y², so that data of any length fit in F² memory and cross-validation folds just add up.
 */
public final class Ridge {

	/** Sufficient statistics of a set of samples. */
	public static final class Stats {
		final DMatrixRMaj g, b;
		final double[] sumY, sumY2;
		long count;

		public Stats(final int features, final int channels) {
			g = new DMatrixRMaj(features, features);
			b = new DMatrixRMaj(features, channels);
			sumY = new double[channels];
			sumY2 = new double[channels];
		}

		/** Adds one sample. Only the upper triangle of G is accumulated; {@link #finish} mirrors it. */
		public void add(final double[] x, final double[] y) {
			final int f = g.numRows, c = sumY.length;
			final double[] gd = g.data, bd = b.data;
			for (int i = 0; i < f; i++) {
				final double a = x[i];
				if (a == 0) continue;
				final int row = i * f;
				for (int j = i; j < f; j++) gd[row + j] += a * x[j];
				for (int k = 0; k < c; k++) bd[i * c + k] += a * y[k];
			}
			for (int k = 0; k < c; k++) {
				sumY[k] += y[k];
				sumY2[k] += y[k] * y[k];
			}
			count++;
		}

		void finish() {
			final int f = g.numRows;
			for (int i = 0; i < f; i++)
				for (int j = 0; j < i; j++) g.data[i * f + j] = g.data[j * f + i];
		}

		/** Adds another set (e.g. to pool folds); both finished, or both not yet. */
		public Stats plus(final Stats o) {
			final Stats s = new Stats(g.numRows, sumY.length);
			CommonOps_DDRM.add(g, o.g, s.g);
			CommonOps_DDRM.add(b, o.b, s.b);
			for (int k = 0; k < sumY.length; k++) {
				s.sumY[k] = sumY[k] + o.sumY[k];
				s.sumY2[k] = sumY2[k] + o.sumY2[k];
			}
			s.count = count + o.count;
			return s;
		}

		public long count() {
			return count;
		}
	}

	/** Per-channel squared error and total sum of squares of weights w (F × C) on a set. */
	public record Score(double[] sse, double[] sst, double[] sumSquares) {

		public double nmse(final int k) {
			return sse[k] / sumSquares[k];
		}

		public double r2(final int k) {
			return 1 - sse[k] / sst[k];
		}
	}

	private Ridge() {}

	public static void finish(final Stats... sets) {
		for (final Stats s : sets) s.finish();
	}

	/** Pools finished statistics. */
	public static Stats pool(final Stats[] sets, final int skip) {
		Stats total = null;
		for (int i = 0; i < sets.length; i++) {
			if (i == skip) continue;
			total = total == null ? sets[i] : total.plus(sets[i]);
		}
		return total;
	}

	/** Solves (G + λ·D)·W = B with D = I except 0 for the constant feature; returns W (F × C). */
	public static DMatrixRMaj fit(final Stats s, final double lambda) {
		final int f = s.g.numRows;
		final DMatrixRMaj a = s.g.copy();
		for (int i = 0; i < f - 1; i++) a.add(i, i, lambda);
		a.add(f - 1, f - 1, 1e-12 * Math.max(1, s.count)); // keeps the system definite if a fold's features are constant
		final LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(f);
		final DMatrixRMaj w = new DMatrixRMaj(f, s.b.numCols);
		if (!solver.setA(a)) {
			final LinearSolverDense<DMatrixRMaj> qr = LinearSolverFactory_DDRM.leastSquares(f, f);
			if (!qr.setA(a)) throw new IllegalStateException("the readout's normal equations are singular; use a larger penalty");
			qr.solve(s.b, w);
			return w;
		}
		solver.solve(s.b, w);
		return w;
	}

	/** Squared errors of W on a set, from its statistics: Σ(y − Wᵀx)² = Σy² − 2·wᵀb + wᵀGw per channel. */
	public static Score score(final Stats s, final DMatrixRMaj w) {
		final int c = w.numCols;
		final DMatrixRMaj gw = new DMatrixRMaj(w.numRows, c);
		CommonOps_DDRM.mult(s.g, w, gw);
		final double[] sse = new double[c], sst = new double[c], ss = new double[c];
		for (int k = 0; k < c; k++) {
			double wb = 0, wgw = 0;
			for (int i = 0; i < w.numRows; i++) {
				wb += w.get(i, k) * s.b.get(i, k);
				wgw += w.get(i, k) * gw.get(i, k);
			}
			sse[k] = Math.max(0, s.sumY2[k] - 2 * wb + wgw);
			ss[k] = s.sumY2[k];
			sst[k] = s.sumY2[k] - s.sumY[k] * s.sumY[k] / Math.max(1, s.count);
		}
		return new Score(sse, sst, ss);
	}

	/** Mean diagonal of G over the penalised features: the scale the penalty grid is relative to. */
	public static double scale(final Stats s) {
		final int f = s.g.numRows;
		double t = 0;
		for (int i = 0; i < f - 1; i++) t += s.g.get(i, i);
		return f > 1 ? Math.max(t / (f - 1), Double.MIN_NORMAL) : 1;
	}
}
