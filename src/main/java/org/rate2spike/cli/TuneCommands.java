package org.rate2spike.cli;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.rate2spike.app.Output;
import org.rate2spike.app.TuneRun;
import org.rate2spike.pipeline.TaskSettings;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.sweep.SlurmExecutor;
import org.rate2spike.tune.Evaluation;
import org.rate2spike.tune.SearchSpace;
import org.rate2spike.tune.TuneSpec;
import org.rate2spike.tune.TuneTable;
import org.rate2spike.tune.Tuner;
import org.rate2spike.util.ParameterException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tune}: the settings search. */
final class TuneCommands {

	private TuneCommands() {}

	@Command(name = "tune", sortOptions = false, description = {
		"Searches settings for a task or your data (successive halving over seeded random proposals, scored on validation " +
			"trials) on local threads or as SLURM job arrays, resumable in --out; writes tune.csv, tune.json and tune_<name>.png, then trains and tests the winner in --out/best.",
		"Every training option not searched is fixed as given; see docs/tune.md for the space syntax." })
	static final class Tune extends Commands.Writing {

		@Option(names = "--space", paramLabel = "NAME=LOW:HIGH[:log|lin][:int|real],…", description = "change the searched " +
			"ranges, add parameters or drop them (NAME=off). Default: " + "rate_gain, gz, neurons, gs, gf, trained_fraction, " +
			"rls_alpha, trials_rls, dt_rls (see docs/tune.md).")
		String space;

		@Option(names = "--axes", paramLabel = "NAME,…", description = "search only these parameters (with their default or --space ranges)")
		String axes;

		@Option(names = "--budget", paramLabel = "N", description = "trainings the search may run (one more trains the winner)")
		int budget;

		@Option(names = "--budget-time", paramLabel = "TIME", description = "instead of --budget: wall time, e.g. 30m, 2h, 1h30m, 600s")
		String budgetTime;

		@Option(names = "--eta", paramLabel = "K", description = "each rung keeps the best 1/K and trains them K times longer. Default 3.")
		int eta = 3;

		@Option(names = "--rungs", paramLabel = "R", description = "at most this many protocol lengths. Default 3.")
		int rungs = 3;

		@Option(names = "--trials-validation", paramLabel = "N", description = "validation trials each training is scored on " +
			"(median nMSE; never the test trials). Default 20.")
		int validation = 20;

		@Option(names = "--threads", paramLabel = "K", description = "trainings run at once (local executor; slurm with " +
			"--budget-time: first-rung trainings per job array). Default: the number of cores.")
		int threads = Runtime.getRuntime().availableProcessors();

		@Mixin
		SlurmOptions slurm = new SlurmOptions();

		Tune(final Console console) {
			super(console);
		}

		@Override
		public Integer call() throws IOException {
			final var out = console.out();
			final var err = console.err();
			final TrainingConfig base = config().validate();
			final Set<String> fixed = new LinkedHashSet<>();
			for (final String k : given().keySet()) {
				if (k.equals(TrainingConfig.TRIALS))
					fixed.addAll(java.util.List.of("trials_init", "trials_pca", "trials_demean", "trials_rls", "trials_test"));
				else fixed.add(k);
			}
			final SearchSpace s = SearchSpace.resolve(space, axes, fixed, base);
			final SlurmExecutor.Options onSlurm = slurm.slurm() ? slurm.options() : null;
			final TuneSpec spec = new TuneSpec(base, s, budget, budgetTime == null ? 0 : TuneSpec.seconds(budgetTime), eta, rungs, validation);
			TuneRun.check(spec);
			final Output o = output();
			final String where = onSlurm != null ? "one SLURM job array per rung" : threads + " threads";
			if (spec.timed()) err.printf("Tune on '%s': %s for %s, %s%n", base.task(), s.names(), budgetTime, where);
			else {
				final TuneSpec.Plan p = spec.plan();
				err.printf("Tune on '%s': %s; %d trainings in %d rungs (%s configurations), %s%n", base.task(), s.names(),
					p.trainings(), p.rungs(), java.util.Arrays.toString(p.sizes()), where);
			}
			final TuneRun.Result r = TuneRun.run(new TuneRun.Request(spec, TaskSettings.given(given().keySet()), o, threads, onSlurm), new Tuner.Listener() {
				@Override
				public void rungStarted(final int rung, final int configurations, final int already, final int trialsRls) {
					err.printf("rung %d: %s configurations, %s%n", rung, configurations < 0 ? "as many as time allows" : configurations,
						(already > 0 ? already + " already finished, " : "") + trialsRls + " RLS trials (of the searched or given trials_rls)");
				}

				@Override
				public void finished(final Evaluation e, final int done, final int planned) {
					err.printf(Locale.ROOT, "[%d/%d] config %d, rung %d (%d RLS trials): %s (%.0f s)%n", done, planned, e.config(),
						e.rung(), e.trialsRls(), e.status().equals(Evaluation.DONE) ? String.format(Locale.ROOT,
							"median validation nMSE %.5g", e.score()) : e.status().toUpperCase(Locale.ROOT) + " " + e.message(), e.wallSeconds());
				}

				@Override
				public void note(final String message) {
					err.println(message);
				}

				@Override
				public boolean cancelled() {
					return console.progress().cancelled();
				}
			}, console.progress());
			out.printf("%d trainings recorded; wrote %s and %s%n", r.search().rows().size(), r.dir().resolve(TuneTable.FILE),
				r.dir().resolve(org.rate2spike.tune.TuneResult.FILE));
			if (r.search().winner() == null) {
				out.println(r.search().complete() ? "no configuration trained without diverging; widen or move the space"
					: "the search stopped before its end; run the same command again to continue");
				return 1;
			}
			final Evaluation w = r.search().winner();
			out.printf(Locale.ROOT, "winner: config %d, %s (median validation nMSE %.5g on rung %d)%n", w.config(),
				String.join(", ", w.values().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()), w.score(), w.rung());
			if (!r.search().complete()) {
				out.println("the search stopped before its end; run the same command again to continue");
				return 1;
			}
			if (Double.isNaN(r.bestTestNmse())) {
				out.println("the winner's full training did not finish; run the same command again");
				return 1;
			}
			out.printf(Locale.ROOT, "best settings trained and tested in %s: median test nMSE %.5f%n", r.dir().resolve(TuneRun.BEST),
				r.bestTestNmse());
			out.println("reproduce with: " + r.command());
			return 0;
		}

		@Override
		Output output() {
			if (out == null || out.toString().isBlank()) throw new ParameterException("out", "is required: the folder for the search, e.g. --out tune");
			return Output.cli(out, true); // a search folder is resumed, never refused
		}
	}
}
