package org.rate2spike.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.protocol.TrialCounts;

/**
 * A real SLURM cluster (CI starts a one-node one with .ci/slurm-up.sh): submit, wait, collect, compare with the local
 * executor; then kill a task while it runs, see --collect report it, and resubmit it. Skipped, with the reason
 * printed, only where sbatch is absent and CI is not set.
 */
class SlurmSweepTest {

	/** Points of several seconds each, so that one can be caught running. */
	private static final SweepSpec SPEC = new SweepSpec(TrainingConfig.DEFAULTS.withTrials(new TrialCounts(2, 5, 5, 150, 3))
		.with("rate_units", "100"), Map.of("neurons", List.of("300", "600")), List.of(1L, 2L), 1.5, true);

	private static List<String> withoutWallTime(final Path csv) throws IOException {
		return Files.readAllLines(csv).stream().map(l -> l.replaceAll(",[^,]*,([^,]*)$", ",_,$1")).toList();
	}

	@Test
	void slurmSweepMatchesTheLocalOneAndRecoversAKilledTask(@TempDir final Path dir) throws Exception {
		SlurmCluster.assume("SlurmSweepTest");
		final Path local = dir.resolve("local"), slurm = dir.resolve("slurm");
		SweepRunner.run(SPEC, local, 2, new SweepRunner.Listener() {});

		final String id = SlurmExecutor.submit(SPEC, slurm, SlurmExecutor.Options.DEFAULTS);
		assertTrue(id.matches("\\d+"), id);
		assertTrue(Files.readString(slurm.resolve("slurm/sweep.sbatch")).contains("#SBATCH --mem="));

		// kill a task while it runs: one that squeue lists as running, whose log shows it started and that has no result yet
		String victim = null;
		for (int i = 0; i < 1200 && victim == null; i++) {
			final String running = SlurmExecutor.command("squeue", "-h", "-r", "-t", "RUNNING", "-o", "%K", "-j", id).trim();
			for (final String k : running.isEmpty() ? new String[0] : running.split("\n")) {
				final int index = Integer.parseInt(k.trim());
				final Path log = slurm.resolve("slurm/logs/" + id + "_" + index + ".out");
				if (Files.exists(log) && !Files.exists(SweepFiles.rowFile(slurm, index))) {
					victim = k.trim();
					break;
				}
			}
			if (victim == null) Thread.sleep(50);
		}
		assertTrue(victim != null, "a task ran");
		SlurmExecutor.command("scancel", id + "_" + victim);
		SlurmExecutor.await(slurm, Progress.NONE);
		final int killed = Integer.parseInt(victim);

		final List<SlurmExecutor.Missing> missing = SlurmExecutor.collect(slurm);
		assertEquals(1, missing.size(), "only the killed task is missing: " + missing);
		assertEquals(killed, missing.get(0).index());
		assertTrue(missing.get(0).reason().contains("CANCELLED"), missing.get(0).reason());

		final String again = SlurmExecutor.resubmit(slurm, SlurmExecutor.Options.DEFAULTS);
		assertTrue(again.matches("\\d+") && !again.equals(id));
		SlurmExecutor.await(slurm, Progress.NONE);
		assertEquals(List.of(), SlurmExecutor.collect(slurm));
		assertEquals(withoutWallTime(local.resolve(SweepTable.FILE)), withoutWallTime(slurm.resolve(SweepTable.FILE)),
			"local and SLURM sweeps of the same grid give identical tables");
		assertEquals(6, SlurmExecutor.result(slurm).done());
	}
}
