package org.rate2spike.spiking;

import java.util.Arrays;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.rate2spike.rate.RateTargets;

/**
 * The fixed connectivity of the spiking network. The projection U = g_z·Q is folded with the PCA basis and the
 * input weights once, so that each step needs only N×ñ and N×inputs work.
 *
 * @param feedback U·uPC as columns, [ñ][N]: the current each neuron receives per unit of each factor
 * @param input U·ũ_in as columns, [inputs][N]
 * @param trained indices of the n neurons whose traces form s, ascending
 * @param slowRandom random slow synapses ({@link FixedSynapses#NONE} when gs = 0)
 * @param fastRandom random fast synapses ({@link FixedSynapses#NONE} when gf = 0)
 * @param factorOffset z̄, ñ values subtracted from the teacher's factors: the network learns f_PC − z̄. Zero except with
 *        sign_constrained, where the demean phase measures it as the running mean of f_PC (filled in place, as Ī is),
 *        so that a network whose feedback W starts at 0 receives the mean feedback it was demeaned with
 */
public record SpikingConnectivity(double[][] feedback, double[][] input, int[] trained, FixedSynapses slowRandom,
	FixedSynapses fastRandom, double[] factorOffset) {

	/** Without a factor offset (all zero). */
	public SpikingConnectivity(final double[][] feedback, final double[][] input, final int[] trained,
		final FixedSynapses slowRandom, final FixedSynapses fastRandom)
	{
		this(feedback, input, trained, slowRandom, fastRandom, new double[feedback.length]);
	}

	public int neurons() {
		return feedback.length > 0 ? feedback[0].length : input[0].length;
	}

	public static SpikingConnectivity random(final SpikingParams p, final RateTargets targets, final Random rng) {
		final int n = p.neurons();
		final int units = targets.units();
		final DMatrixRMaj u = orthonormalProjection(n, units, rng);
		CommonOps_DDRM.scale(p.feedbackGain(), u);

		final double[][] pcs = targets.basis().components();
		final DMatrixRMaj feedback = new DMatrixRMaj(n, pcs.length);
		CommonOps_DDRM.mult(u, columnsToMatrix(pcs, units), feedback);
		// sign-constrained training: with F = U·uPC ≥ 0 entrywise, a sign-constrained W makes every column of the
		// effective weights F·W keep its presynaptic neuron's sign (see Decoders#projectSigns)
		if (p.signConstrained()) for (int i = 0; i < feedback.data.length; i++) feedback.data[i] = Math.abs(feedback.data[i]);
		final double[][] inDrive = targets.connectivity().inputDrive();
		final DMatrixRMaj input = new DMatrixRMaj(n, inDrive.length);
		CommonOps_DDRM.mult(u, columnsToMatrix(inDrive, units), input);

		final int[] perm = new int[n];
		for (int i = 0; i < n; i++) perm[i] = i;
		for (int i = n - 1; i > 0; i--) {
			final int j = rng.nextInt(i + 1);
			final int t = perm[i];
			perm[i] = perm[j];
			perm[j] = t;
		}
		final int[] trained = Arrays.copyOf(perm, p.trained());
		Arrays.sort(trained);

		final Populations pops = Populations.of(p);
		final FixedSynapses slow = RandomSynapses.draw(p.slowGain(), p.tauS(), pops, p.connectionP(), rng);
		final FixedSynapses fast = RandomSynapses.draw(p.fastGain(), p.tauF(), pops, p.connectionP(), rng);
		return new SpikingConnectivity(matrixToColumns(feedback), matrixToColumns(input), trained, slow, fast);
	}

	/** Q (N × Ñ) with orthonormal columns from a uniform random matrix; orthonormal rows when N < Ñ. */
	static DMatrixRMaj orthonormalProjection(final int n, final int units, final Random rng) {
		final boolean tall = n >= units;
		final int rows = tall ? n : units, cols = tall ? units : n;
		final DMatrixRMaj a = new DMatrixRMaj(rows, cols);
		for (int i = 0; i < a.data.length; i++) a.data[i] = 2 * rng.nextDouble() - 1;
		final QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(rows, cols);
		if (!qr.decompose(a)) throw new IllegalStateException("QR decomposition of the random projection failed");
		final DMatrixRMaj q = qr.getQ(null, true);
		return tall ? q : CommonOps_DDRM.transpose(q, null);
	}

	/** Bytes of the fixed random synapses (slow and fast). */
	public long fixedSynapseBytes() {
		return slowRandom.bytes() + fastRandom.bytes();
	}

	static DMatrixRMaj columnsToMatrix(final double[][] cols, final int rows) {
		final DMatrixRMaj m = new DMatrixRMaj(rows, cols.length);
		for (int j = 0; j < cols.length; j++)
			for (int i = 0; i < rows; i++) m.unsafe_set(i, j, cols[j][i]);
		return m;
	}

	static double[][] matrixToColumns(final DMatrixRMaj m) {
		final double[][] c = new double[m.numCols][m.numRows];
		for (int j = 0; j < m.numCols; j++)
			for (int i = 0; i < m.numRows; i++) c[j][i] = m.unsafe_get(i, j);
		return c;
	}
}
