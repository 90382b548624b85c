package org.rate2spike.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jfree.chart.JFreeChart;
import org.rate2spike.kernels.Workers;
import org.rate2spike.render.Charts;

/**
 * The files of one run, written together on the worker threads once the numbers are done: each picture and file is
 * independent of the others (and written atomically), so drawing them side by side changes nothing but the time.
 * Add the slowest first: the first picture also loads the drawing code.
 */
final class FileBatch {

	/** Writes one file. */
	interface Write {
		void run() throws IOException;
	}

	private final List<Write> writes = new ArrayList<>();

	FileBatch add(final Write w) {
		writes.add(w);
		return this;
	}

	/** A chart drawn (when the batch runs) and saved as PNG. */
	FileBatch png(final Supplier<JFreeChart> chart, final Path file) {
		return add(() -> Charts.savePng(chart.get(), file));
	}

	/**
	 * Writes everything. Every write runs even when another fails (each is atomic, so a failed one leaves nothing), and
	 * the failure reported is that of the earliest write added: the same message whatever the timing.
	 */
	void run() throws IOException {
		final IOException[] failed = new IOException[writes.size()];
		Workers.each(writes.size(), i -> {
			try {
				writes.get(i).run();
			}
			catch (final IOException e) {
				failed[i] = e;
			}
		});
		for (final IOException e : failed) if (e != null) throw e;
	}
}
