package org.rate2spike.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jfree.chart.ChartFactory;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.kernels.Workers;
import org.rate2spike.render.Charts;

class FileBatchTest {

	@TempDir
	Path dir;

	private static org.jfree.chart.JFreeChart chart() {
		final XYSeries s = new XYSeries("s");
		for (int i = 0; i < 50; i++) s.add(i, Math.sin(i / 5.0));
		return ChartFactory.createXYLineChart("a chart", "x", "y", new XYSeriesCollection(s));
	}

	@Test
	void picturesDrawnTogetherAreThoseDrawnOneByOne() throws IOException {
		Charts.savePng(chart(), dir.resolve("alone.png"));
		final int before = Workers.threads();
		Workers.setThreads(2);
		try {
			final FileBatch files = new FileBatch();
			for (int k = 0; k < 4; k++) files.png(FileBatchTest::chart, dir.resolve("batch" + k + ".png"));
			files.add(() -> Files.writeString(dir.resolve("note.txt"), "written"));
			files.run();
		}
		finally {
			Workers.setThreads(before);
		}
		final byte[] alone = Files.readAllBytes(dir.resolve("alone.png"));
		for (int k = 0; k < 4; k++) assertArrayEquals(alone, Files.readAllBytes(dir.resolve("batch" + k + ".png")));
		assertTrue(Files.exists(dir.resolve("note.txt")));
	}

	@Test
	void theFailureReportedIsTheEarliestWriteAddedAndTheOthersStillRun() throws InterruptedException {
		final IOException first = new IOException("first file: disk full"), second = new IOException("second file");
		final java.util.concurrent.CountDownLatch secondFailed = new java.util.concurrent.CountDownLatch(1);
		final FileBatch files = new FileBatch().add(() -> {
			try { // fail only after the later write has failed, when the batch runs on two threads
				secondFailed.await(2, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			throw first;
		}).add(() -> {
			secondFailed.countDown();
			throw second;
		}).add(() -> Files.writeString(dir.resolve("other.txt"), "still written"));
		assertSame(first, assertThrows(IOException.class, files::run));
		assertTrue(Files.exists(dir.resolve("other.txt")));
	}
}
