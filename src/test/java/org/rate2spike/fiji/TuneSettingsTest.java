package org.rate2spike.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.app.Output;
import org.rate2spike.app.TuneRun;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.tune.SearchSpace;
import org.rate2spike.tune.TuneSpec;
import org.rate2spike.tune.Tuner;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;

/** Tune Settings runs headless through the CommandService, as the core's search; bad input gives the core's message. */
class TuneSettingsTest {

	private static Context context;
	private static CommandService commands;

	@BeforeAll
	static void start() {
		context = new Context();
		commands = context.service(CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	private static Module run(final Object... inputs) throws Exception {
		CommandsTest.forget(context);
		return commands.run(TuneSettings.class, true, inputs).get();
	}

	@Test
	void theCommandIsHeadlessAndRunsTheCoresSearch(@TempDir final Path dir) throws Exception {
		final CommandInfo info = commands.getCommand(TuneSettings.class);
		assertEquals("Plugins>Rate2Spike>Tune Settings", String.join(">", info.getMenuPath().stream().map(e -> e.getName()).toList()));
		assertTrue(info.canRunHeadless());
		final Path out = dir.resolve("tune");
		final Module m = run("task", "oscillation", "seed", 2L, "rate_units", 30, "neurons", 40, "trials_init", 1, "trials_pca", 3,
			"trials_demean", 3, "trials_rls", 4, "trials_test", 2, "trials_validation", 2, "budget", 4, "axes", "gz,rls_alpha",
			"threads", 2, "output_folder", out.toFile());
		CommandsTest.assertRan(m);
		final TuneSettings t = CommandsTest.command(m);
		for (final String f : List.of("tune.csv", "tune.json", "tune_gz.png", "tune_rls_alpha.png", "best/summary.json"))
			CommandsTest.assertFile(out.resolve(f));
		assertTrue(t.command().startsWith("java -jar rate2spike-cli.jar train --seed 2 "), t.command());
		assertTrue(t.winner().startsWith("config "), t.winner());

		// the same search from the core: the same table
		final TrainingConfig base = TrainingConfig.DEFAULTS.with("seed", "2").with("rate_units", "30").with("neurons", "40")
			.with("trials", "1,3,3,4,2");
		final TuneSpec spec = new TuneSpec(base, SearchSpace.resolve(null, "gz,rls_alpha", Set.of(), base), 4, 0, 3, 3, 2);
		final TuneRun.Result core = TuneRun.run(new TuneRun.Request(spec, org.rate2spike.pipeline.TaskSettings.differingFromDefaults(base),
			Output.cli(dir.resolve("core"), true), 1),
			new Tuner.Listener() {}, Progress.NONE);
		assertEquals(core.search().rows().stream().map(e -> e.key() + e.values() + e.score()).toList(),
			t.result().search().rows().stream().map(e -> e.key() + e.values() + e.score()).toList());
		assertEquals(core.command().replace(dir.resolve("core").toString(), out.toString()), t.command());
	}

	@Test
	void badInputGivesTheCoresMessage(@TempDir final Path dir) throws Exception {
		final Path out = dir.resolve("t");
		assertEquals("space: axis gz its low end 12 must be below its high end 2", CommandsTest.reason(run("output_folder", out.toFile(),
			"space", "gz=12:2")));
		assertEquals("budget_time: must be a time such as 30m, 2h, 1h30m or 600s (got 'soon')", CommandsTest.reason(run("output_folder",
			out.toFile(), "budget", 0, "budget_time", "soon")));
		assertEquals("budget: is required: a number of trainings (--budget 40) or a time (--budget-time 30m)", CommandsTest.reason(run(
			"output_folder", out.toFile(), "budget", 0)));
		assertTrue(CommandsTest.reason(run("output_folder", out.toFile(), "task", "data")).startsWith("data_targets: "));
		assertEquals("executor: must be local or slurm (got 'cloud')", CommandsTest.reason(run("output_folder", out.toFile(),
			"executor", "cloud")));
		assertEquals("slurm_time: must be a SLURM time such as 02:00:00 or 1-00:00:00 (got 'soon')", CommandsTest.reason(run(
			"output_folder", out.toFile(), "executor", "slurm", "slurm_time", "soon")));
		assertEquals("slurm_cpus: must be at least 1 (got 0)", CommandsTest.reason(run("output_folder", out.toFile(), "executor",
			"slurm", "slurm_cpus", 0)));
		assertFalse(Files.exists(out), "nothing written");
	}
}
