package org.rate2spike.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rate2spike.util.ParameterException;

/** The benchmark's smoke mode runs and prints every row it promises. It checks no timing. */
class BenchmarkTest {

	@Test
	void smokeModePrintsCeilingsKernelsAndPhaseRows() {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Benchmark.run(Benchmark.parse(List.of("--smoke")), new PrintStream(bytes, true, StandardCharsets.UTF_8));
		final String out = bytes.toString(StandardCharsets.UTF_8);
		for (final String row : new String[] { "ceiling  fma loop", "ceiling  streaming copy", "rate step", "spiking step",
			"RLS update", "phase timings", "pca  demean     rls    test", "peak heap" })
			assertTrue(out.contains(row), "missing '" + row + "' in:\n" + out);
		final String[] rows = out.lines().filter(l -> l.startsWith("   120 ")).toArray(String[]::new);
		assertEquals(2, rows.length, out); // the wall-time row and the CPU-time row
		final String[] wall = rows[0].trim().split("\\s+"), cpu = rows[1].trim().split("\\s+");
		// a replayed phase can take under half a millisecond in smoke mode, printed as 0.000: each figure is a number,
		// and together they show that the phases ran
		double sum = 0;
		for (int i = 2; i < 7; i++) {
			final double v = Double.parseDouble(wall[i]);
			assertTrue(v >= 0, "phase figure " + i + " in " + rows[0]);
			sum += v;
		}
		assertTrue(sum > 0, "the phases' wall times in " + rows[0]);
		for (int i = 2; i < 6; i++) assertTrue(Double.parseDouble(cpu[i]) >= 0, "cpu figure " + i + " in " + rows[1]); // 10-ms ticks: may be 0
		assertTrue(out.contains("process CPU seconds"), out);
	}

	@Test
	void badOptionsAreParameterErrors() {
		assertThrows(ParameterException.class, () -> Benchmark.parse(List.of("--nope")));
		assertThrows(ParameterException.class, () -> Benchmark.parse(List.of("--neurons", "x")));
		assertEquals(3, Benchmark.parse(List.of("--neurons", "500,2000,3")).neurons().length);
	}
}
