package org.rate2spike.format;

import java.util.Arrays;

/**
 * One array of a {@code .npz} archive: its shape and its values in C (row-major) order, held as doubles or as ints.
 * Exactly one of {@code doubles} and {@code ints} is non-null.
 */
public record NpyArray(int[] shape, double[] doubles, int[] ints) {

	public static NpyArray of(final double[] v) {
		return new NpyArray(new int[] { v.length }, v, null);
	}

	public static NpyArray of(final int[] v) {
		return new NpyArray(new int[] { v.length }, null, v);
	}

	/** A matrix from rows: m[i] is row i. */
	public static NpyArray ofRows(final double[][] m, final int cols) {
		final double[] d = new double[m.length * cols];
		for (int i = 0; i < m.length; i++) System.arraycopy(m[i], 0, d, i * cols, cols);
		return new NpyArray(new int[] { m.length, cols }, d, null);
	}

	/** A matrix from columns: c[j] is column j, each of length {@code rows}. */
	public static NpyArray ofColumns(final double[][] c, final int rows) {
		final double[] d = new double[rows * c.length];
		for (int j = 0; j < c.length; j++)
			for (int i = 0; i < rows; i++) d[i * c.length + j] = c[j][i];
		return new NpyArray(new int[] { rows, c.length }, d, null);
	}

	public long size() {
		long s = 1;
		for (final int d : shape) s *= d;
		return s;
	}

	public double[][] rows() {
		final int r = shape.length == 2 ? shape[0] : 1, c = shape.length == 2 ? shape[1] : (int) size();
		final double[][] m = new double[r][];
		for (int i = 0; i < r; i++) m[i] = Arrays.copyOfRange(doubles, i * c, (i + 1) * c);
		return m;
	}

	public double[][] columns() {
		final int r = shape[0], c = shape[1];
		final double[][] m = new double[c][r];
		for (int i = 0; i < r; i++)
			for (int j = 0; j < c; j++) m[j][i] = doubles[i * c + j];
		return m;
	}
}
