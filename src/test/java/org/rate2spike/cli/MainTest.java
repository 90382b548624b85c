package org.rate2spike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class MainTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

	private int run(final String... args) {
		final PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
		return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), e, new ConsoleProgress(e, false));
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	/** A run builds only the subcommand it names, with every option the full command line gives it. */
	@Test
	void eachSubcommandIsBuiltAloneWithItsFullOptions() {
		final Console console = new Console(System.out, System.err, new ConsoleProgress(System.err, false));
		final picocli.CommandLine all = Main.commandLine(console);
		int named = 0;
		for (final String name : all.getSubcommands().keySet()) {
			if (name.equals("help")) continue;
			assertEquals(name, Main.subcommand(new String[] { name, "--help" }));
			final picocli.CommandLine alone = Main.commandLine(console, name);
			assertEquals(java.util.Set.of(name, "help"), alone.getSubcommands().keySet());
			assertEquals(all.getSubcommands().get(name).getCommandSpec().options().stream().map(o -> o.longestName()).toList(),
				alone.getSubcommands().get(name).getCommandSpec().options().stream().map(o -> o.longestName()).toList(), name);
			named++;
		}
		assertEquals(11, named);
		assertEquals(null, Main.subcommand(new String[] { "--version" }), "anything else builds them all");
		assertEquals(null, Main.subcommand(new String[] { "trian" }));
	}

	@Test
	void trainWritesTheRunFolderAndEndsWithTheMedianNmse(@TempDir final Path dir) throws Exception {
		assertEquals(0, run("train", "--task", "oscillation", "--seed", "3", "--neurons", "60", "--rate-units=40",
			"--trials", "2,3,3,3,2", "--out", dir.toString()), err());
		final String[] lines = out().strip().split("\n");
		assertTrue(lines[lines.length - 1].startsWith("median test nMSE: "), out());
		for (final String f : new String[] { "summary.json", "network.npz", "targets.npz", "output_vs_target.png", "raster.png",
			"training_nmse.png", "rate_histogram.png" })
			assertTrue(Files.size(dir.resolve(f)) > 100, f);
		final JsonObject s = JsonParser.parseString(Files.readString(dir.resolve("summary.json"))).getAsJsonObject();
		assertEquals(60, s.get("neurons").getAsInt());
		assertEquals(3, s.get("seed").getAsLong());
		assertEquals(2, s.getAsJsonArray("test_nmse").size());
		assertTrue(s.get("pcs").getAsInt() >= 1);
		final double median = s.get("median_test_nmse").getAsDouble();
		assertTrue(lines[lines.length - 1].contains(String.format("%.5f", median)));
		assertTrue(s.get("mean_rate_hz").getAsDouble() >= 0);
		for (final String phase : new String[] { "pca", "demean", "rls", "test", "total" })
			assertTrue(s.getAsJsonObject("wall_s").get(phase).getAsDouble() > 0, phase);
		assertTrue(err().contains("rls    [##############################] 5/5 trials"), err());

		out.reset();
		final Path again = dir.resolve("again");
		assertEquals(0, run("test", "--network", dir.resolve("network.npz").toString(), "--out", again.toString(), "--trials-test", "2"));
		final JsonObject t = JsonParser.parseString(Files.readString(again.resolve("summary.json"))).getAsJsonObject();
		assertEquals(median, t.get("median_test_nmse").getAsDouble(), 0.0, "a saved network tests exactly as trained");
		assertTrue(Double.isNaN(t.get("median_test_nmse_first_quarter").getAsDouble()), "fewer than 8 trials: no quarters");

		out.reset();
		final Path eight = dir.resolve("eight");
		assertEquals(0, run("test", "--network", dir.resolve("network.npz").toString(), "--out", eight.toString(), "--trials-test", "8"));
		final JsonObject q = JsonParser.parseString(Files.readString(eight.resolve("summary.json"))).getAsJsonObject();
		final double[] trials = new double[8];
		for (int i = 0; i < 8; i++) trials[i] = q.getAsJsonArray("test_nmse").get(i).getAsDouble();
		assertEquals((trials[0] + trials[1]) / 2, q.get("median_test_nmse_first_quarter").getAsDouble(), 1e-15, "trials 1-2");
		assertEquals((trials[6] + trials[7]) / 2, q.get("median_test_nmse_last_quarter").getAsDouble(), 1e-15, "trials 7-8");
		assertEquals(q.has("drift_warning"), out().contains("warning: the output drifts off the target"), out());

		out.reset();
		final Path ro = dir.resolve("readout");
		assertEquals(0, run("readout", "--network", dir.resolve("network.npz").toString(), "--out", ro.toString(),
			"--signals", "derivative", "--name", "velocity", "--trials-fit", "2", "--trials-heldout", "1", "--folds", "2"), err());
		final JsonObject r = JsonParser.parseString(Files.readString(ro.resolve("readout.json"))).getAsJsonObject();
		assertTrue(r.get("penalty").getAsDouble() > 0);
		assertEquals(1, r.getAsJsonArray("heldout_nmse").size());
		assertEquals(1, r.getAsJsonArray("heldout_r2").size());
		assertTrue(Files.size(ro.resolve("readout_vs_target.png")) > 100 && Files.size(ro.resolve("cv_error.png")) > 100);
		assertTrue(out().contains("median held-out nMSE"), out());
		err.reset();
		assertEquals(2, run("readout", "--network", dir.resolve("network.npz").toString(), "--out", dir.resolve("ro2").toString(),
			"--name", "velocity", "--trials-fit", "2", "--trials-heldout", "1", "--folds", "2"));
		assertTrue(err().contains("'velocity' already exists"), err());
		err.reset();
		assertEquals(2, run("readout", "--network", dir.resolve("network.npz").toString(), "--out", ro.toString(),
			"--name", "other", "--trials-fit", "2", "--trials-heldout", "1", "--folds", "2"));
		assertTrue(err().contains("already holds readout.json from an earlier run; choose another folder or add --overwrite"), err());

		err.reset();
		final long before = Files.getLastModifiedTime(dir.resolve("network.npz")).toMillis();
		final byte[] saved = Files.readAllBytes(dir.resolve("network.npz"));
		assertEquals(2, run("train", "--neurons", "60", "--rate-units", "40", "--trials", "2,3,3,3,2", "--out", dir.toString()));
		assertTrue(err().contains("already holds summary.json, network.npz, targets.npz from an earlier run"), err());
		assertEquals(before, Files.getLastModifiedTime(dir.resolve("network.npz")).toMillis());
		org.junit.jupiter.api.Assertions.assertArrayEquals(saved, Files.readAllBytes(dir.resolve("network.npz")), "nothing overwritten");
		out.reset();
		assertEquals(0, run("test", "--network", dir.resolve("network.npz").toString(), "--out", dir.resolve("t2").toString(),
			"--readout", "velocity", "--trials-test", "1"), err());

		out.reset();
		assertEquals(0, run("info", dir.resolve("network.npz").toString()));
		assertTrue(out().contains("\"format\": \"rate2spike-network\"") && out().contains("feedback_weights"), out());
		assertTrue(out().contains("\"velocity\"") && out().contains("readout_velocity"), "info lists named readouts");
	}

	@Test
	void checkpointsCanBeResumedFromTheCommandLine(@TempDir final Path dir) throws Exception {
		final String[] small = { "--neurons", "60", "--rate-units", "40", "--trials", "2,3,3,5,2", "--seed", "9" };
		final java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of("train", "--out", dir.resolve("a").toString(),
			"--checkpoint-every", "2"));
		a.addAll(java.util.List.of(small));
		assertEquals(0, run(a.toArray(new String[0])), err());
		final Path checkpoint = dir.resolve("a").resolve("checkpoint.npz");
		assertTrue(Files.exists(checkpoint), "the last checkpoint (after 4 of 5 RLS trials) stays");
		final String whole = out().strip().substring(out().strip().lastIndexOf('\n') + 1);
		out.reset();
		assertEquals(0, run("train", "--resume", checkpoint.toString(), "--out", dir.resolve("b").toString()), err());
		assertTrue(err().contains("resuming 'oscillation' after 4 of 5 RLS trials"), err());
		assertEquals(whole, out().strip().substring(out().strip().lastIndexOf('\n') + 1), "same final line as the uninterrupted run");
		err.reset();
		assertEquals(2, run("train", "--resume", checkpoint.toString(), "--out", dir.resolve("c").toString(), "--neurons", "70"));
		assertTrue(err().contains("neurons: cannot be changed when resuming"), err());
	}

	@Test
	void badInputEndsWithAMessageAndStatusTwo(@TempDir final Path dir) {
		assertEquals(2, run("train", "--neurons", "-5", "--out", dir.toString()));
		assertEquals("error: neurons: must be at least 1 (got -5)", err().strip());
		err.reset();
		assertEquals(2, run("train", "--task", "juggling", "--out", dir.toString()));
		assertTrue(err().startsWith("error: task: unknown task 'juggling'; choose one of [oscillation"), err());
		err.reset();
		assertEquals(2, run("train", "--dt", "0.05", "--out", dir.toString()));
		assertTrue(err().contains("dt = 0.05"), err());
		err.reset();
		assertEquals(2, run("train", "--task", "oscillation"));
		assertTrue(err().contains("out: is required"), err());
		err.reset();
		assertEquals(2, run("test", "--network", dir.resolve("none.npz").toString(), "--out", dir.toString()));
		assertTrue(err().contains("none.npz: does not exist"), err());
		err.reset();
		assertEquals(2, run("fly"));
		assertTrue(err().contains("unknown command 'fly'"), err());
	}
}
