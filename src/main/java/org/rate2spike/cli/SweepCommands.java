package org.rate2spike.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.rate2spike.app.Output;
import org.rate2spike.app.SweepRun;
import org.rate2spike.pipeline.TaskSettings;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.sweep.SlurmExecutor;
import org.rate2spike.sweep.SweepResult;
import org.rate2spike.sweep.SweepRunner;
import org.rate2spike.sweep.SweepSpec;
import org.rate2spike.sweep.SweepTable;
import org.rate2spike.util.ParameterException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sweep} (local or SLURM, and {@code --collect}) and {@code sweep-task}, the body of one SLURM array task. */
final class SweepCommands {

	private SweepCommands() {}

	@Command(name = "sweep", sortOptions = false, description = {
		"Trains and tests every grid point (resumable), with the rate baseline; writes sweep.csv/json/png to --out.",
		"Any training parameter given as a comma-separated list becomes an axis, e.g. --neurons 250,500,1000 --seeds 1,2,3." })
	static final class Sweep extends Commands.Writing {

		@Option(names = { "--seeds", "--seed" }, split = ",", paramLabel = "S[,…]", description = "seeds of every point. Default 1.")
		List<Long> seeds = new ArrayList<>(List.of(1L));

		@Option(names = "--threads", paramLabel = "K", description = "points trained at once (local executor). Default: the number of cores.")
		int threads = Runtime.getRuntime().availableProcessors();

		@Option(names = "--tolerance", paramLabel = "X", description = "a size matches the baseline when its median nMSE is within this factor of it. Default 1.5.")
		double tolerance = 1.5;

		@Option(names = "--baseline", arity = "0..1", paramLabel = "true|false", description = "also train the rate baseline. Default true.")
		boolean baseline = true;

		@Mixin
		SlurmOptions slurm = new SlurmOptions();

		@Option(names = "--wait", arity = "0..1", paramLabel = "true|false", description = "slurm: wait for the array, then collect")
		boolean wait;

		@Option(names = "--collect", paramLabel = "DIR", description = "merge the finished SLURM tasks of a sweep folder into sweep.csv/json/png and list the missing ones")
		Path collect;

		@Option(names = "--resubmit", arity = "0..1", paramLabel = "true|false", description = "with --collect: resubmit the missing tasks")
		boolean resubmit;

		Sweep(final Console console) {
			super(console);
		}

		@Override
		public Integer call() throws IOException {
			final var out = console.out();
			final var err = console.err();
			if (collect != null) {
				final SweepRun.Collected c = SweepRun.collect(collect, wait, console.progress());
				for (final SlurmExecutor.Missing m : c.missing()) err.printf("missing %d (%s): %s%n", m.index(), m.key(), m.reason());
				report(collect, c.result());
				if (resubmit && !c.missing().isEmpty())
					out.printf("resubmitted %d tasks as job array %s%n", c.missing().size(), SlurmExecutor.resubmit(collect, slurm.options()));
				return c.missing().isEmpty() ? 0 : 1;
			}
			final boolean onSlurm = slurm.slurm();
			TrainingConfig base = TrainingConfig.DEFAULTS;
			final Map<String, List<String>> axes = new LinkedHashMap<>();
			for (final Map.Entry<String, String> e : given().entrySet()) {
				if (e.getValue().contains(",") && !e.getKey().equals(TrainingConfig.TRIALS)) axes.put(e.getKey(), List.of(e.getValue().split(",")));
				else base = base.with(e.getKey(), e.getValue());
			}
			final SweepSpec spec = new SweepSpec(base, axes, seeds, tolerance, baseline).validate();
			final Output o = output();
			if (onSlurm) {
				final String id = SweepRun.submit(spec, TaskSettings.given(given().keySet()), o, slurm.options(), err::println);
				if (id.isEmpty()) out.println("every point of this sweep is already finished in " + o.dir());
				else out.printf("submitted job array %s (%d tasks); collect with: sweep --collect %s%n", id, spec.jobs().size(), o.dir());
				if (!wait) return 0;
				final SweepRun.Collected c = SweepRun.collect(o.dir(), true, console.progress());
				report(o.dir(), c.result());
				return c.missing().isEmpty() ? 0 : 1;
			}
			err.printf("Sweep on '%s': %d points (%s × seeds %s), %d threads%n", base.task(), spec.points().size(), axes.keySet(),
				seeds, threads);
			final SweepResult r = SweepRun.run(new SweepRun.Request(spec, TaskSettings.given(given().keySet()), o, threads),
				new SweepRunner.Listener() {
				@Override
				public void note(final String message) {
					err.println(message);
				}

				@Override
				public void started(final int total, final int already) {
					if (already > 0) err.printf("%d of %d already finished in %s; running the rest%n", already, total, o.dir());
				}

				@Override
				public void finished(final SweepTable.Row row, final int done, final int total) {
					err.printf("[%d/%d] %s: %s%n", done, total, row.key(), row.done() ? String.format(
						"median test nMSE %.5g (%.0f s)", row.medianNmse(), row.wallSeconds()) : "FAILED " + row.message());
				}

				@Override
				public boolean cancelled() {
					return console.progress().cancelled();
				}
			});
			console.progress().kept(r.done() + r.failed() == 0 ? "no point had finished; all " + r.points() + " are pending (the same " +
				"sweep command runs them)" : "the finished points are kept in " + o.dir().resolve(SweepTable.FILE) + "; the others are " +
				"pending (the same sweep command runs them)");
			report(o.dir(), r);
			return console.progress().cancelled() || r.failed() > 0 ? 1 : 0;
		}

		@Override
		Output output() {
			if (out == null || out.toString().isBlank()) throw new ParameterException("out", "is required: the folder for the sweep, e.g. --out sweep");
			return Output.cli(out, true); // a sweep folder is resumed, never refused
		}

		private void report(final Path dir, final SweepResult r) {
			final int pending = r.points() - r.done() - r.failed();
			final Path csv = dir.resolve(SweepTable.FILE);
			console.out().printf("%d of %d points done, %d failed%s; wrote %s%n", r.done(), r.points(), r.failed(), pending <= 0 ? ""
				: String.format(", %d pending (%sthe same sweep command runs them)", pending, console.progress().cancelled() ? "cancelled; " : ""),
				java.nio.file.Files.exists(csv) ? csv : dir.resolve("sweep.json"));
			r.summaryLines().forEach(console.out()::println);
		}
	}

	@Command(name = "sweep-task", description = "The body of one SLURM array task of a sweep (run by the job script).")
	static final class Task implements Callable<Integer> {

		@Option(names = "--dir", required = true, paramLabel = "DIR", description = "the sweep folder")
		Path dir;

		@Option(names = "--index", required = true, paramLabel = "I", description = "the task's index in the array")
		int index;

		@Option(names = "--threads", paramLabel = "K", description = "cores of this task (the job script sets them with -Drate2spike.threads)")
		int threads;

		final Console console;

		Task(final Console console) {
			this.console = console;
		}

		@Override
		public Integer call() throws Exception {
			return org.rate2spike.app.SweepTask.run(dir, index, console.out()) ? 0 : 1;
		}
	}
}
