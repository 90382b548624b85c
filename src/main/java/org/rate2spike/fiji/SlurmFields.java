package org.rate2spike.fiji;

import java.util.List;
import java.util.Map;

import org.rate2spike.sweep.SlurmExecutor;
import org.rate2spike.util.ParameterException;

/**
 * The executor and SLURM fields of the commands that can submit to SLURM (Sweep Network Size, Tune Settings): their
 * labels and descriptions, declared once, and the core's job settings made from them, with messages that name the
 * dialog's fields ({@code slurm_time}, not the command line's {@code time}).
 */
final class SlurmFields {

	static final String EXECUTOR_LABEL = "Executor", EXECUTOR_LOCAL = "local", EXECUTOR_SLURM = "slurm",
		EXECUTOR_DESCRIPTION = "local: run here on several threads; slurm: submit SLURM job arrays (one task per training) with sbatch";
	static final String PARTITION_LABEL = "SLURM partition", PARTITION_DESCRIPTION = "partition to submit to (empty: the cluster's default)";
	static final String TIME_LABEL = "SLURM time limit", TIME_DESCRIPTION = "time limit per task, e.g. 02:00:00 or 1-00:00:00";
	static final String CPUS_LABEL = "SLURM CPUs per task", CPUS_DESCRIPTION = "CPUs per array task";
	static final String MEM_LABEL = "SLURM memory per task (MB)",
		MEM_DESCRIPTION = "memory per array task in MB; 0: derived from the largest network's state";

	private SlurmFields() {}

	/** Whether {@code executor} is slurm; refuses one that is neither local nor slurm. */
	static boolean slurm(final String executor) {
		if (!EXECUTOR_LOCAL.equals(executor) && !EXECUTOR_SLURM.equals(executor))
			throw new ParameterException("executor", "must be local or slurm (got '" + executor + "')");
		return EXECUTOR_SLURM.equals(executor);
	}

	/** The core's SLURM settings from the fields; its messages name the fields. */
	static SlurmExecutor.Options options(final String partition, final String time, final int cpus, final int memMb) {
		try {
			return new SlurmExecutor.Options(partition == null ? "" : partition.trim(), time == null ? "" : time.trim(), cpus, memMb,
				List.of()).validate();
		}
		catch (final ParameterException e) {
			final String field = Map.of("partition", "slurm_partition", "time", "slurm_time", "cpus_per_task", "slurm_cpus",
				"mem_per_task", "slurm_mem_mb").getOrDefault(e.parameter(), e.parameter());
			throw new ParameterException(field, e.getMessage().substring(e.parameter().length() + 2));
		}
	}
}
