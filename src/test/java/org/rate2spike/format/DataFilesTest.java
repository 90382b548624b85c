package org.rate2spike.format;

import org.rate2spike.format.FileFormatException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.cli.MakeTestData;
import org.rate2spike.task.DataOptions;
import org.rate2spike.format.Dataset;
import org.rate2spike.task.SyntheticEmg;
import org.rate2spike.util.ParameterException;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ColorProcessor;

/** Tables and images as data: the shipped examples, both formats alike, and a clear message for every malformed file. */
class DataFilesTest {

	private static final Path TEST_DATA = Path.of("test-data");

	private static void assertSameData(final Dataset a, final Dataset b) {
		assertArrayEquals(a.conditions(), b.conditions());
		assertEquals(a.conditionCount(), b.conditionCount());
		for (int c = 0; c < a.conditionCount(); c++) {
			assertArrayEquals(a.times()[c], b.times()[c], 0.0, "times of condition " + c);
			for (int k = 0; k < a.channelCount(); k++) assertArrayEquals(a.values()[c][k], b.values()[c][k], 0.0);
		}
	}

	@Test
	void theShippedCsvAndTiffHoldExactlyTheGeneratorsNumbers() throws Exception {
		final Dataset emg = SyntheticEmg.generate(8, 4);
		final Dataset csv = DataFiles.read(TEST_DATA.resolve(MakeTestData.EMG_CSV), 0);
		final Dataset tif = DataFiles.read(TEST_DATA.resolve(MakeTestData.EMG_TIF), 0);
		assertEquals(8, csv.conditionCount());
		assertEquals(4, csv.channelCount());
		assertArrayEquals(new String[] { "muscle1", "muscle2", "muscle3", "muscle4" }, csv.channels());
		assertEquals(61, csv.samples(0));
		assertSameData(emg, csv);
		assertSameData(emg, tif);
		assertArrayEquals(csv.resample(0.001)[3][2], tif.resample(0.001)[3][2], 0.0);
		final Dataset population = DataFiles.read(TEST_DATA.resolve(MakeTestData.POPULATION_CSV), 0);
		assertSameData(SyntheticEmg.population(emg, MakeTestData.POPULATION_UNITS, MakeTestData.POPULATION_SEED), population);
	}

	@Test
	void tsvWithoutTimeColumnUsesTheSampleIntervalAndResamplesLinearly(@TempDir final Path dir) throws Exception {
		final Path f = dir.resolve("d.tsv");
		Files.writeString(f, "a\tb\n0\t1\n1\t3\n\n");
		assertThrows(ParameterException.class, () -> DataFiles.read(f, 0));
		final Dataset d = DataFiles.read(f, 0.01);
		assertArrayEquals(new String[] { "1" }, d.conditions());
		final double[][] r = d.resample(0.001)[0];
		assertEquals(11, r[0].length);
		assertEquals(0.3, r[0][3], 1e-12);
		assertEquals(1.6, r[1][3], 1e-12);
		assertEquals(3, r[1][10], 0.0);
	}

	@Test
	void nonUniformTimesAreInterpolated(@TempDir final Path dir) throws Exception {
		final Path f = dir.resolve("d.csv");
		Files.writeString(f, "time,x,condition\n1.0,0,a\n1.002,2,a\n1.006,4,a\n0,1,b\n0.003,1,b\n");
		final Dataset d = DataFiles.read(f, 0);
		assertArrayEquals(new String[] { "a", "b" }, d.conditions());
		final double[][][] r = d.resample(0.001);
		assertArrayEquals(new double[] { 0, 1, 2, 2.5, 3, 3.5, 4 }, r[0][0], 1e-9);
		assertEquals(4, r[1][0].length);
	}

	private static String problem(final Path dir, final String name, final String content) throws Exception {
		final Path f = dir.resolve(name);
		Files.writeString(f, content);
		final FileFormatException e = assertThrows(FileFormatException.class, () -> DataFiles.read(f, 0.01));
		assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
		return e.getMessage();
	}

	@Test
	void malformedTablesAreNamedByFileRowAndProblem(@TempDir final Path dir) throws Exception {
		assertTrue(problem(dir, "ragged.csv", "condition,x,y\na,1,2\na,1\n").contains("row 3 has 2 cells but the header has 3"));
		assertTrue(problem(dir, "nan.csv", "x,y\n1,2\n1,NaN\n").contains("row 3, column 'y': NaN is not allowed"));
		assertTrue(problem(dir, "text.csv", "x,y\n1,2\n1,abc\n").contains("row 3, column 'y': 'abc' is not a number"));
		assertTrue(problem(dir, "empty_cell.csv", "x,y\n1,2\n1,\n").contains("row 3, column 'y': the cell is empty"));
		assertTrue(problem(dir, "one_row.csv", "condition,x\na,1\na,2\nb,3\n").contains("condition 'b' has only one row (row 4)"));
		assertTrue(problem(dir, "no_label.csv", "condition,x\na,1\n,2\n").contains("row 3: the condition cell is empty"));
		assertTrue(problem(dir, "header_only.csv", "x,y\n").contains("no data rows"));
		assertTrue(problem(dir, "empty.csv", "\n").contains("is empty"));
		assertTrue(problem(dir, "time.csv", "time,x\n0,1\n0.01,1\n0.01,2\n").contains("row 4: time 0.01 does not come after"));
		assertTrue(problem(dir, "twice.csv", "x,x\n1,2\n").contains("column name 'x' appears twice"));
		assertTrue(problem(dir, "channels.csv", "condition,time\na,0\n").contains("no channel columns"));
	}

	@Test
	void mismatchedInputsAndTargetsAreNamed(@TempDir final Path dir) throws Exception {
		final Path targets = dir.resolve("targets.csv"), inputs = dir.resolve("inputs.csv"), other = dir.resolve("other.csv");
		Files.writeString(targets, "condition,time,y\na,0,0\na,0.01,1\na,0.02,0\nb,0,0\nb,0.01,1\nb,0.02,0\n");
		Files.writeString(inputs, "condition,time,u\na,0,1\na,0.01,1\nb,0,0\nb,0.01,1\nb,0.02,0\n");
		Files.writeString(other, "condition,time,u\na,0,1\na,0.01,1\na,0.02,0\nc,0,0\nc,0.01,1\nc,0.02,0\n");
		final DataOptions o = DataOptions.NONE.with("data_targets", targets.toString());
		FileFormatException e = assertThrows(FileFormatException.class, () -> org.rate2spike.io.DataTaskFiles.task(o.with("data_inputs", inputs.toString()), 0.001));
		assertTrue(e.getMessage().contains(inputs + ": condition 'a' lasts 0.01 s (2 samples) but " + targets +
			" has it lasting 0.02 s (3 samples)"), e.getMessage());
		e = assertThrows(FileFormatException.class, () -> org.rate2spike.io.DataTaskFiles.task(o.with("data_factors", other.toString()), 0.001));
		assertTrue(e.getMessage().contains(other + ": has no condition 'b'"), e.getMessage());
		assertEquals(2, org.rate2spike.io.DataTaskFiles.task(o, 0.001).conditions());
		assertTrue(assertThrows(ParameterException.class, () -> org.rate2spike.io.DataTaskFiles.task(DataOptions.NONE, 0.001)).getMessage()
			.startsWith("data_targets: the data task needs"));
		assertTrue(assertThrows(FileFormatException.class, () -> org.rate2spike.io.DataTaskFiles.task(o.with("data_inputs", dir.resolve("nope.csv").toString()), 0.001))
			.getMessage().contains("nope.csv: does not exist"));
	}

	@Test
	void imagesNeedGrayscaleAndFiniteValues(@TempDir final Path dir) throws Exception {
		final Path rgb = dir.resolve("rgb.tif");
		new FileSaver(new ImagePlus("rgb", new ColorProcessor(10, 2))).saveAsTiff(rgb.toString());
		FileFormatException e = assertThrows(FileFormatException.class, () -> DataFiles.read(rgb, 0.01));
		assertTrue(e.getMessage().contains(rgb + ": is a colour (RGB) image; the data task needs a grayscale image"), e.getMessage());

		final Dataset d = Dataset.uniform("x", new String[] { "a", "b" }, new String[] { "c1" },
			new double[][][] { { { 0, 1, 2 } }, { { 0, Double.NaN, 2 } } }, 0.005);
		final Path nan = dir.resolve("nan.tif");
		DataFiles.writeImage(d, nan);
		e = assertThrows(FileFormatException.class, () -> DataFiles.read(nan, 0));
		assertTrue(e.getMessage().contains(nan + ": slice 2 (condition 'b'), row y = 0 (channel 1), sample x = 1: NaN is not allowed"),
			e.getMessage());

		final Path notImage = dir.resolve("table.dat");
		Files.writeString(notImage, "x,y\n1,2\n");
		assertTrue(assertThrows(FileFormatException.class, () -> DataFiles.read(notImage, 0.01)).getMessage()
			.contains("cannot be opened as an image"));
	}

	@Test
	void uncalibratedImagesNeedTheSampleInterval(@TempDir final Path dir) throws Exception {
		final Path f = dir.resolve("plain.tif");
		new FileSaver(new ImagePlus("plain", new ij.process.FloatProcessor(5, 2))).saveAsTiff(f.toString());
		assertTrue(assertThrows(ParameterException.class, () -> DataFiles.read(f, 0)).getMessage().startsWith("sample_interval: "));
		final Dataset d = DataFiles.read(f, 0.002);
		assertEquals(0.008, d.duration(0), 1e-15);
		final ImagePlus ms = new ImagePlus("ms", new ij.process.FloatProcessor(5, 2));
		ms.getCalibration().pixelWidth = 2;
		ms.getCalibration().setXUnit("ms");
		final Path g = dir.resolve("ms.tif");
		new FileSaver(ms).saveAsTiff(g.toString());
		assertEquals(0.008, DataFiles.read(g, 0).duration(0), 1e-15);
	}
}
