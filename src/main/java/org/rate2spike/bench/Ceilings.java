package org.rate2spike.bench;

/**
 * The machine's own ceilings, measured with the same JIT as the kernels: an FMA-shaped loop on L1-resident data
 * (eight dependent multiply-adds per element, independent across elements: vectorised, throughput-bound) and a
 * streaming copy of arrays far larger than the caches. One thread each, like the kernels they are compared with,
 * timed by that thread's CPU time; the best of several repetitions.
 */
final class Ceilings {

	private Ceilings() {}

	static volatile double sink;

	/** GFLOP/s of y = y·a + b repeated (2 flops each) over a 2 KiB array: the best plain Java loop can do. */
	static double fmaGflops(final boolean smoke) {
		final int n = 256, inner = 8;
		final double[] y = new double[n];
		for (int i = 0; i < n; i++) y[i] = 1 + i * 1e-3;
		final double a = 0.999999, b = 1e-7;
		final int reps = smoke ? 2_000 : 20_000;
		double best = 0;
		for (int trial = 0; trial < (smoke ? 3 : 9); trial++) {
			final long t0 = Benchmark.threadCpuNanos();
			for (int r = 0; r < reps; r++) {
				for (int i = 0; i < n; i++) {
					double v = y[i];
					v = v * a + b; v = v * a + b; v = v * a + b; v = v * a + b;
					v = v * a + b; v = v * a + b; v = v * a + b; v = v * a + b;
					y[i] = v;
				}
			}
			final double ns = Benchmark.threadCpuNanos() - t0;
			best = Math.max(best, 2.0 * inner * n * reps / ns);
		}
		sink = y[7];
		return best;
	}

	/** GB/s of b[i] = a[i] over two 128 MiB arrays (16 bytes moved per element: one read, one write). */
	static double copyGBps(final boolean smoke) {
		final int n = smoke ? 1 << 21 : 1 << 24;
		final double[] a = new double[n], b = new double[n];
		for (int i = 0; i < n; i++) a[i] = i;
		double best = 0;
		for (int trial = 0; trial < (smoke ? 3 : 7); trial++) {
			final long t0 = Benchmark.threadCpuNanos();
			for (int i = 0; i < n; i++) b[i] = a[i];
			final double ns = Benchmark.threadCpuNanos() - t0;
			best = Math.max(best, 16.0 * n / ns);
		}
		sink = b[n - 1];
		return best;
	}
}
