package org.rate2spike.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.io.NetworkFile;
import org.rate2spike.protocol.TrainedNetwork;
import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.SciJava;
import org.scijava.app.event.StatusEvent;
import org.scijava.command.CommandService;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

import com.google.gson.JsonObject;
import com.google.gson.JsonStreamParser;

/** SciJava's own headless route, cancellation, and the plugin index Fiji reads. */
class HeadlessRoutesTest {

	@Test
	void sciJavaHeadlessRunFindsTheCommandByTitleAndRunsIt(@TempDir final Path dir) throws Exception {
		// the same code path as: ImageJ-linux64 --headless --run "Train Spiking Network (all steps)" "neurons=30,..."
		final Path out = dir.resolve("run");
		new SciJava().launch("--headless", "--run", TrainAllSteps.TITLE, "output_folder='" + out + "',seed=6,rate_units=20," +
			"neurons=30,trials_init=1,trials_pca=2,trials_demean=2,trials_rls=2,trials_test=2");
		final TrainedNetwork net = NetworkFile.load(out.resolve("network.npz"));
		assertEquals(30, net.neurons());
		assertEquals(20, net.targets().units());
		assertEquals(6, net.seed());
		assertEquals(3, Files.readAllLines(out.resolve("test_trials.csv")).size());
		assertTrue(Files.size(out.resolve("output_vs_target.svg")) > 1000);
	}

	@Test
	void cancellingDuringTrainingKeepsAndSavesThePartialNetwork(@TempDir final Path dir) throws Exception {
		final Path targets = dir.resolve("t.npz"), network = dir.resolve("n.npz");
		try (Context context = new Context()) {
			final CommandService commands = context.service(CommandService.class);
			assertTrue(!((Cancelable) commands.run(GenerateRateTargets.class, true, "rate_units", 20, "trials_init", 1,
				"trials_pca", 2, "targets_file", targets.toFile()).get()).isCanceled());
			final ModuleService modules = context.service(ModuleService.class);
			final Module module = modules.createModule(commands.getCommand(TrainSpikingNetwork.class));
			final Object canceller = new Object() { // status events arrive asynchronously; training stops a few trials later

				@EventHandler
				void onStatus(final StatusEvent e) {
					if (e.getStatusMessage() != null && e.getStatusMessage().contains("rls: trial 3/"))
						((Cancelable) module).cancel("stop");
				}
			};
			context.service(EventService.class).subscribe(canceller);
			final Map<String, Object> inputs = new HashMap<>(Map.of("targets_file", targets.toFile(), "network_file",
				network.toFile(), "neurons", 20, "trials_init", 1, "trials_demean", 1, "trials_rls", 3000));
			modules.run(module, true, inputs).get();
			assertTrue(((Cancelable) module).isCanceled());
			final String reason = ((Cancelable) module).getCancelReason();
			assertTrue(reason.matches("cancelled after \\d+ of 3000 RLS trials; the partial network is saved to .*n\\.npz"), reason);
			final TrainedNetwork partial = NetworkFile.load(network);
			assertTrue(partial.log().partial());
			assertTrue(partial.log().rlsTrialsDone() >= 2 && partial.log().rlsTrialsDone() < 3000, "" + partial.log().rlsTrialsDone());
			assertTrue(reason.startsWith("cancelled after " + partial.log().rlsTrialsDone() + " of"), reason);
			assertTrue(canceller.hashCode() != 0); // keeps the subscriber reachable until here
		}
	}

	@Test
	void thePluginIndexListsEveryCommandWithItsMenuPath() throws Exception {
		final Map<String, String> menus = new HashMap<>();
		try (Reader r = Files.newBufferedReader(Path.of("target/classes/META-INF/json/org.scijava.plugin.Plugin"))) {
			final JsonStreamParser p = new JsonStreamParser(r);
			while (p.hasNext()) {
				final JsonObject o = p.next().getAsJsonObject();
				final JsonObject v = o.getAsJsonObject("values");
				if (v.has("menuPath")) menus.put(o.get("class").getAsString(), v.get("menuPath").getAsString());
			}
		}
		for (final Class<?> c : CommandsTest.COMMANDS)
			assertEquals("Plugins>Rate2Spike>" + c.getField("TITLE").get(null), menus.get(c.getName()), c.getName());
		assertEquals(CommandsTest.COMMANDS.size(), menus.size(), menus.toString());
	}
}
