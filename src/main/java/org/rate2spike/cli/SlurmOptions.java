package org.rate2spike.cli;

import java.util.List;

import org.rate2spike.sweep.SlurmExecutor;
import org.rate2spike.util.ParameterException;

import picocli.CommandLine.Option;

/** The executor and SLURM options of {@code sweep} and {@code tune}, declared once (a picocli mixin). */
final class SlurmOptions {

	@Option(names = "--executor", paramLabel = "local|slurm", description = "local threads, or SLURM job arrays (one task per " +
		"training, submitted with sbatch). Default local.")
	String executor = "local";

	@Option(names = "--partition", paramLabel = "P", description = "slurm: partition. Default: the cluster's default.")
	String partition = SlurmExecutor.Options.DEFAULTS.partition();

	@Option(names = "--time", paramLabel = "D-HH:MM:SS", description = "slurm: time limit per task. Default 02:00:00.")
	String time = SlurmExecutor.Options.DEFAULTS.time();

	@Option(names = "--cpus-per-task", paramLabel = "K", description = "slurm: cores per task. Default 1.")
	int cpus = SlurmExecutor.Options.DEFAULTS.cpus();

	@Option(names = "--mem-per-task", paramLabel = "MB", description = "slurm: memory per task (0: 1.5 × the largest " +
		"network's state plus 512 MB). Default 0.")
	int memMb = SlurmExecutor.Options.DEFAULTS.memMb();

	@Option(names = "--sbatch", paramLabel = "LINE;LINE", description = "slurm: extra #SBATCH lines, separated by ';'")
	String sbatch;

	/** Whether the SLURM executor was chosen; refuses an executor that is neither. */
	boolean slurm() {
		if (!executor.equals("local") && !executor.equals("slurm"))
			throw new ParameterException("executor", "must be local or slurm (got '" + executor + "')");
		return executor.equals("slurm");
	}

	/** The job settings, validated. */
	SlurmExecutor.Options options() {
		return new SlurmExecutor.Options(partition, time, cpus, memMb, sbatch == null ? List.of() : List.of(sbatch.split(";")))
			.validate();
	}
}
