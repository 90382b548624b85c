package org.rate2spike.robust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.rate2spike.format.FileFormatException;
import org.rate2spike.io.NetworkFile;
import org.rate2spike.io.TargetsFile;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Checks on a run folder the battery and the stress tests share: does it mix two runs, what did dead runs leave. */
final class RunFolders {

	private RunFolders() {}

	/** Staging folders ({@code .rate2spike-run-*}) and temporary files ({@code *.part}) in {@code dir}. */
	static List<String> leftovers(final Path dir) throws IOException {
		final List<String> l = new ArrayList<>();
		if (!Files.isDirectory(dir)) return l;
		try (Stream<Path> s = Files.list(dir)) {
			for (final Path p : s.toList()) {
				final String n = p.getFileName().toString();
				if (n.startsWith(".rate2spike-run-") || n.endsWith(".part")) l.add(n);
			}
		}
		return l;
	}

	/** A staging folder whose list of files was written ({@code .committed}): a run killed while moving its files in. */
	static boolean committedButUnfinished(final Path dir) throws IOException {
		if (!Files.isDirectory(dir)) return false;
		try (Stream<Path> s = Files.list(dir)) {
			return s.anyMatch(p -> p.getFileName().toString().startsWith(".rate2spike-run-") && Files.exists(p.resolve(".committed")));
		}
	}

	/**
	 * Null when the folder holds (at most) one run, else what is mixed: summary.json, network.npz and targets.npz (when
	 * present) must come from one run — the same seed, RLS trials and targets. A folder without summary.json (a run
	 * killed while its files moved in) must still not hold a network of other targets.
	 */
	static String mixed(final Path dir) throws IOException {
		final Path summary = dir.resolve("summary.json"), network = dir.resolve("network.npz"), targets = dir.resolve("targets.npz");
		try {
			final var net = Files.exists(network) ? NetworkFile.load(network) : null;
			final var tg = Files.exists(targets) ? TargetsFile.load(targets) : null;
			if (net != null && tg != null && (net.targets().seed() != tg.seed() || net.targets().units() != tg.units()))
				return "network.npz was trained on other targets than targets.npz (rate seed " + net.targets().seed() + " vs " + tg.seed() + ")";
			if (!Files.exists(summary)) return null;
			final JsonObject s = JsonParser.parseString(Files.readString(summary)).getAsJsonObject();
			if (!s.has("network_file")) return null; // the summary of a test run, not of a training
			if (net == null || tg == null) return "summary.json without " + (net == null ? "network.npz" : "targets.npz");
			if (s.get("seed").getAsLong() != net.seed()) return "summary.json of seed " + s.get("seed") + " beside network.npz of seed " + net.seed();
			if (s.get("rls_trials_done").getAsInt() != net.log().rlsTrialsDone())
				return "summary.json of " + s.get("rls_trials_done") + " RLS trials beside network.npz of " + net.log().rlsTrialsDone();
			if (s.get("neurons").getAsInt() != net.neurons()) return "summary.json of N = " + s.get("neurons") + " beside network.npz of N = " + net.neurons();
			return null;
		}
		catch (final FileFormatException e) {
			return "a corrupt file: " + e.getMessage();
		}
	}
}
