package org.rate2spike.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rate2spike.format.FileFormatException;
import org.rate2spike.format.Json;

/**
 * The results table of a sweep, {@code sweep.csv}: one row per finished point or rate baseline, written atomically
 * after every point so that an interrupted sweep keeps what it finished. Columns: {@code kind} (spiking, baseline
 * or failed), {@code key}, the axes, {@code seed}, {@code median_test_nmse}, {@code mean_test_nmse},
 * {@code mean_rate_hz}, {@code pcs}, {@code wall_s}, {@code message}. Numbers are written exactly (shortest
 * round-trip form), so that two sweeps of the same grid give identical tables.
 */
public final class SweepTable {

	public static final String FILE = "sweep.csv";
	static final List<String> METRICS = List.of("seed", "median_test_nmse", "mean_test_nmse", "mean_rate_hz", "pcs", "wall_s",
		"message");

	/** One row. {@code values} holds the axis values (the baseline's: only its rate-network axes). */
	public record Row(String kind, String key, Map<String, String> values, long seed, double medianNmse, double meanNmse,
		double rateHz, int pcs, double wallSeconds, String message) {

		public boolean done() {
			return !kind.equals("failed");
		}
	}

	private final List<String> axes;
	private final Map<String, Row> rows = new LinkedHashMap<>();

	public SweepTable(final List<String> axes) {
		this.axes = List.copyOf(axes);
	}

	public List<String> header() {
		final List<String> h = new ArrayList<>(List.of("kind", "key"));
		h.addAll(axes);
		h.addAll(METRICS);
		return h;
	}

	public synchronized void put(final Row r) {
		rows.put(r.key(), r);
	}

	public synchronized Row get(final String key) {
		return rows.get(key);
	}

	public synchronized List<Row> rows() {
		return new ArrayList<>(rows.values());
	}

	/** Reads an existing table; its columns must be this sweep's. */
	public static SweepTable read(final Path file, final List<String> axes) throws IOException {
		final SweepTable t = new SweepTable(axes);
		if (!Files.exists(file)) return t;
		final List<String> lines = Files.readAllLines(file);
		if (lines.isEmpty()) return t;
		final String expected = String.join(",", t.header());
		if (!lines.get(0).equals(expected)) throw new FileFormatException(file, "was written by a different sweep (columns " +
			lines.get(0) + "; this sweep needs " + expected + "); choose another output folder");
		for (int i = 1; i < lines.size(); i++) {
			final String line = lines.get(i);
			if (line.isBlank()) continue;
			final String[] f = line.split(",", -1);
			if (f.length != t.header().size()) throw new FileFormatException(file, "row " + (i + 1) + " has " + f.length +
				" columns where " + t.header().size() + " were expected");
			try {
				final Map<String, String> values = new LinkedHashMap<>();
				for (int a = 0; a < axes.size(); a++) if (!f[2 + a].isEmpty()) values.put(axes.get(a), f[2 + a]);
				final int m = 2 + axes.size();
				t.put(new Row(f[0], f[1], values, Long.parseLong(f[m]), Double.parseDouble(f[m + 1]), Double.parseDouble(f[m + 2]),
					Double.parseDouble(f[m + 3]), Integer.parseInt(f[m + 4]), Double.parseDouble(f[m + 5]), f[m + 6]));
			}
			catch (final NumberFormatException e) {
				throw new FileFormatException(file, "row " + (i + 1) + " has a non-numeric cell (" + e.getMessage() + ")");
			}
		}
		return t;
	}

	public synchronized void write(final Path file, final List<String> order) throws IOException {
		final StringBuilder b = new StringBuilder(String.join(",", header())).append('\n');
		final List<Row> sorted = new ArrayList<>(rows.values());
		sorted.sort((x, y) -> Integer.compare(rank(order, x.key()), rank(order, y.key())));
		for (final Row r : sorted) {
			final List<String> f = new ArrayList<>(List.of(r.kind(), r.key()));
			for (final String a : axes) f.add(r.values().getOrDefault(a, ""));
			f.add(Long.toString(r.seed()));
			f.add(Double.toString(r.medianNmse()));
			f.add(Double.toString(r.meanNmse()));
			f.add(Double.toString(r.rateHz()));
			f.add(Integer.toString(r.pcs()));
			f.add(Double.toString(r.wallSeconds()));
			f.add(r.message().replace(',', ';').replace('\n', ' '));
			b.append(String.join(",", f)).append('\n');
		}
		Json.writeAtomically(file, b.toString());
	}

	private static int rank(final List<String> order, final String key) {
		final int i = order.indexOf(key);
		return i < 0 ? Integer.MAX_VALUE : i;
	}
}
