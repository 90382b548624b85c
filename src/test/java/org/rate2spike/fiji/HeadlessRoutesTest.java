package org.rate2spike.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import com.google.gson.JsonParser;
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

	/** The sweep's key=value options, with a sweep of a rate baseline and two tiny points. */
	private static String sweepOptions(final Path out, final String executor) {
		return "output_folder='" + out + "',task='oscillation',neuron_counts='20,30',seeds='1',rate_units=20,trials_init=1," +
			"trials_pca=2,trials_demean=2,trials_rls=2,trials_test=2,tolerance=1.5,baseline=true,threads=2,executor='" + executor +
			"',slurm_time='00:10:00',slurm_cpus=1,slurm_mem_mb=0,wait_for_jobs=true";
	}

	private static List<String> withoutWallTime(final Path csv) throws Exception {
		return Files.readAllLines(csv).stream().map(l -> l.replaceAll(",[^,]*,([^,]*)$", ",_,$1")).toList();
	}

	@Test
	void sciJavaHeadlessRunRunsTheSweepLocally(@TempDir final Path dir) throws Exception {
		// ImageJ-linux64 --headless --run "Sweep Network Size" "output_folder='/scratch/sweep',neuron_counts='20,30',..."
		final Path out = dir.resolve("sweep");
		new SciJava().launch("--headless", "--run", SweepNetworkSize.TITLE, sweepOptions(out, "local"));
		final List<String> rows = Files.readAllLines(out.resolve("sweep.csv"));
		assertEquals(4, rows.size(), rows.toString());
		assertTrue(rows.get(1).startsWith("baseline,") && rows.get(2).startsWith("spiking,neurons=20;seed=1,20,1,"), rows.toString());
		assertTrue(Files.size(out.resolve("sweep.png")) > 1000);
		assertEquals(3, JsonParser.parseString(Files.readString(out.resolve("sweep.json"))).getAsJsonObject().get("done").getAsInt());
	}

	@Test
	void sciJavaHeadlessRunSubmitsTheSweepToSlurmAndCollectsTheSameTable(@TempDir final Path dir) throws Exception {
		// What README's "Running on a cluster" gives for Fiji's launcher: executor='slurm', here waiting for the array.
		org.rate2spike.sweep.SlurmCluster.assume("HeadlessRoutesTest SLURM route");
		final Path local = dir.resolve("local"), slurm = dir.resolve("slurm");
		new SciJava().launch("--headless", "--run", SweepNetworkSize.TITLE, sweepOptions(local, "local"));
		new SciJava().launch("--headless", "--run", SweepNetworkSize.TITLE, sweepOptions(slurm, "slurm"));
		assertTrue(Files.readString(slurm.resolve("slurm/sweep.sbatch")).contains("org.rate2spike.app.SweepTask --dir"));
		assertFalse(Files.readString(slurm.resolve("slurm/jobs.txt")).isBlank(), "a job id was recorded");
		assertEquals(withoutWallTime(local.resolve("sweep.csv")), withoutWallTime(slurm.resolve("sweep.csv")),
			"the same table from SLURM as from the local executor");
		assertTrue(Files.size(slurm.resolve("sweep.png")) > 1000);
	}

	@Test
	void sciJavaHeadlessRunSearchesOnSlurmAsTheCoreDoesLocally(@TempDir final Path dir) throws Exception {
		// ImageJ-linux64 --headless --run "Tune Settings" "output_folder='/scratch/tune1',...,executor='slurm',..."
		org.rate2spike.sweep.SlurmCluster.assume("HeadlessRoutesTest SLURM tune route");
		final Path slurm = dir.resolve("slurm"), local = dir.resolve("local");
		new SciJava().launch("--headless", "--run", TuneSettings.TITLE, "output_folder='" + slurm + "',task='oscillation',seed=2," +
			"rate_units=30,neurons=40,trials_init=1,trials_pca=3,trials_demean=3,trials_rls=4,trials_test=2,trials_validation=2," +
			"budget=4,axes='gz,rls_alpha',space='',budget_time='',threads=2,executor='slurm',slurm_partition='',slurm_time='00:10:00'," +
			"slurm_cpus=1,slurm_mem_mb=0");
		assertTrue(Files.readString(slurm.resolve("slurm/tune-rung0.sbatch")).contains("org.rate2spike.app.TuneTask --dir"));
		final org.rate2spike.protocol.TrainingConfig base = org.rate2spike.protocol.TrainingConfig.DEFAULTS.with("seed", "2")
			.with("rate_units", "30").with("neurons", "40").with("trials", "1,3,3,4,2");
		final org.rate2spike.tune.TuneSpec spec = new org.rate2spike.tune.TuneSpec(base, org.rate2spike.tune.SearchSpace.resolve(null,
			"gz,rls_alpha", java.util.Set.of(), base), 4, 0, 3, 3, 2);
		final org.rate2spike.app.TuneRun.Result core = org.rate2spike.app.TuneRun.run(new org.rate2spike.app.TuneRun.Request(spec,
			org.rate2spike.pipeline.TaskSettings.differingFromDefaults(base), org.rate2spike.app.Output.cli(local, true), 2), new org.rate2spike.tune.Tuner.Listener() {}, org.rate2spike.protocol.Progress.NONE);
		assertEquals(withoutWallTime(local.resolve("tune.csv")), withoutWallTime(slurm.resolve("tune.csv")),
			"the same table from SLURM as from the local search");
		final JsonObject best = JsonParser.parseString(Files.readString(slurm.resolve("tune.json"))).getAsJsonObject().getAsJsonObject("best");
		assertEquals(core.bestTestNmse(), best.get("median_test_nmse").getAsDouble(), "the winner trained and tested on SLURM");
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
