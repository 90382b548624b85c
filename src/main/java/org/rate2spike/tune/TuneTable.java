package org.rate2spike.tune;

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
 * {@code tune.csv}: one row per trained configuration and rung, rewritten atomically after each, so that a killed
 * search keeps what it finished and continues from there. Columns: {@code config}, {@code rung}, {@code status},
 * {@code score} (median validation nMSE), {@code trials_rls}, the searched parameters, {@code wall_s}, {@code message}.
 * Numbers are written exactly (shortest round-trip form).
 */
public final class TuneTable {

	public static final String FILE = "tune.csv";

	private final List<String> axes;
	private final Map<String, Evaluation> rows = new LinkedHashMap<>();

	public TuneTable(final List<String> axes) {
		this.axes = List.copyOf(axes);
	}

	public List<String> header() {
		final List<String> h = new ArrayList<>(List.of("config", "rung", "status", "score", "trials_rls_used"));
		h.addAll(axes);
		h.addAll(List.of("wall_s", "message"));
		return h;
	}

	public synchronized void put(final Evaluation e) {
		rows.put(e.key(), e);
	}

	public synchronized Evaluation get(final int config, final int rung) {
		return rows.get(Evaluation.key(config, rung));
	}

	public synchronized List<Evaluation> rows() {
		final List<Evaluation> l = new ArrayList<>(rows.values());
		l.sort((a, b) -> a.rung() != b.rung() ? Integer.compare(a.rung(), b.rung()) : Integer.compare(a.config(), b.config()));
		return l;
	}

	public synchronized List<Evaluation> rung(final int rung) {
		return rows().stream().filter(e -> e.rung() == rung).toList();
	}

	public static TuneTable read(final Path file, final List<String> axes) throws IOException {
		final TuneTable t = new TuneTable(axes);
		if (!Files.exists(file)) return t;
		final List<String> lines = Files.readAllLines(file);
		if (lines.isEmpty()) return t;
		final String expected = String.join(",", t.header());
		if (!lines.get(0).equals(expected)) throw new FileFormatException(file, "was written by a different search (columns " +
			lines.get(0) + "; this search needs " + expected + "); choose another output folder");
		for (int i = 1; i < lines.size(); i++) {
			if (lines.get(i).isBlank()) continue;
			final String[] f = lines.get(i).split(",", -1);
			if (f.length != t.header().size()) throw new FileFormatException(file, "row " + (i + 1) + " has " + f.length +
				" columns where " + t.header().size() + " were expected");
			try {
				final Map<String, String> values = new LinkedHashMap<>();
				for (int a = 0; a < axes.size(); a++) values.put(axes.get(a), f[5 + a]);
				final int m = 5 + axes.size();
				t.put(new Evaluation(Integer.parseInt(f[0]), Integer.parseInt(f[1]), values, Integer.parseInt(f[4]), f[2],
					Double.parseDouble(f[3]), Double.parseDouble(f[m]), f[m + 1]));
			}
			catch (final NumberFormatException e) {
				throw new FileFormatException(file, "row " + (i + 1) + " has a non-numeric cell (" + e.getMessage() + ")");
			}
		}
		return t;
	}

	public synchronized void write(final Path file) throws IOException {
		final StringBuilder b = new StringBuilder(String.join(",", header())).append('\n');
		for (final Evaluation e : rows()) {
			final List<String> f = new ArrayList<>(List.of(Integer.toString(e.config()), Integer.toString(e.rung()), e.status(),
				Double.toString(e.score()), Integer.toString(e.trialsRls())));
			for (final String a : axes) f.add(e.values().getOrDefault(a, ""));
			f.add(Double.toString(e.wallSeconds()));
			f.add(e.message().replace(',', ';').replace('\n', ' '));
			b.append(String.join(",", f)).append('\n');
		}
		Json.writeAtomically(file, b.toString());
	}
}
