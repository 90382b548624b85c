package org.rate2spike.app;

import java.io.IOException;
import java.nio.file.Path;

import org.rate2spike.io.ExportFiles;
import org.rate2spike.io.NetworkFile;
import org.rate2spike.io.ReadoutFile;
import org.rate2spike.app.RunFolder;
import org.rate2spike.protocol.ErrorDecomposition;
import org.rate2spike.protocol.Export;
import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.ReadoutStage;
import org.rate2spike.protocol.TestResult;
import org.rate2spike.protocol.TestStage;
import org.rate2spike.protocol.TrainedNetwork;
import org.rate2spike.readout.Readout;
import org.rate2spike.readout.ReadoutOptions;
import org.rate2spike.readout.Signals;
import org.rate2spike.task.DataOptions;
import org.rate2spike.task.DataValues;
import org.rate2spike.task.Task;
import org.rate2spike.util.Check;
import org.rate2spike.util.ParameterException;

/**
 * Use cases on a saved network: test it, fit a named readout, export its activity. Each runs on the task the network
 * was trained on (for a data network the data its file keeps, or new data of the same shape given as to train).
 */
public final class NetworkRuns {

	/**
	 * Which saved network, and the data options that replace the data it keeps (NONE: keep them); {@code given}: new
	 * data handed over as values (an open image) in place of the files of the same roles.
	 */
	public record Source(Path network, DataOptions data, DataValues given) {

		public Source {
			if (network == null || network.toString().isBlank()) throw new ParameterException("network",
				"is required: a network file saved by train, e.g. results/network.npz");
			data = data == null ? DataOptions.NONE : data.validate();
			given = given == null ? DataValues.NONE : given;
		}

		public Source(final Path network, final DataOptions data) {
			this(network, data, DataValues.NONE);
		}
	}

	/** @param trials test trials (0: as many as the network was tested with after training) */
	public record TestRequest(Source source, Output out, int trials, String readout) {}

	public record TestOutcome(TrainedNetwork network, Readout readout, TestResult test, Path dir) {

		/** Where the test's error comes from. */
		public ErrorDecomposition decomposition() {
			return ErrorDecomposition.of(test);
		}
	}

	/**
	 * {@code signals}: the signals as data in memory (an open image), named {@code image:TITLE} in the options, made for
	 * the network's time step (the seconds between samples of data without a time calibration, as for
	 * {@code file:PATH}); else null.
	 */
	public record ReadoutRequest(Source source, Output out, ReadoutOptions options,
		java.util.function.DoubleFunction<org.rate2spike.format.Dataset> signals)
	{
		public ReadoutRequest(final Source source, final Output out, final ReadoutOptions options) {
			this(source, out, options, null);
		}
	}

	public record ReadoutOutcome(TrainedNetwork network, ReadoutStage.Result fit, Path dir) {}

	/**
	 * @param voltages neurons whose membrane potentials are recorded
	 * @param format what to write (null: csv)
	 */
	public record ExportRequest(Source source, Output out, int trials, int[] voltages, String readout, ExportFiles.Format format) {

		public ExportRequest {
			format = format == null ? ExportFiles.Format.CSV : format;
		}

		/** The CSV files and export.npz. */
		public ExportRequest(final Source source, final Output out, final int trials, final int[] voltages, final String readout) {
			this(source, out, trials, voltages, readout, ExportFiles.Format.CSV);
		}
	}

	public record ExportOutcome(TrainedNetwork network, Export.Data data, Path dir) {}

	/** The files {@code test} writes into its folder. */
	public static final String[] TEST_RESULTS = { RunFolder.SUMMARY };

	/** The files {@code export} owns (a new export replaces all of them); which it writes depends on the format. */
	public static final String[] EXPORT_RESULTS = ExportFiles.Format.ALL.files().toArray(new String[0]);

	public static final String READOUT_SUMMARY = "readout.json";

	private NetworkRuns() {}

	public static TestOutcome test(final TestRequest r, final Progress progress, final String... extraResults)
		throws IOException
	{
		try (RunTransaction tx = r.out().open(RunFolder.TEST_FILES, concat(TEST_RESULTS, extraResults))) {
			final TrainedNetwork net = NetworkFile.load(r.source().network());
			final int trials = r.trials() == 0 ? net.counts().test() : Check.atLeast("trials_test", r.trials(), 1);
			final Task task = task(net, r.source());
			final Readout readout = readout(r.source(), r.readout());
			final TestResult t = TestStage.run(net, task, trials, progress, readout);
			if (tx.dir() != null) {
				RunFolder.writeTest(tx.staging(), net, t);
				tx.commit();
			}
			return new TestOutcome(net, readout, t, tx.dir());
		}
	}

	/** Fits a readout and stores it in the network file under its name (replacing one of that name only with overwrite). */
	public static ReadoutOutcome readout(final ReadoutRequest r, final Progress progress) throws IOException {
		return readout(r, progress, channels -> new String[0]);
	}

	/**
	 * As above; {@code extraResults} names the further files the door will write for a readout of so many channels, refused
	 * like the others before the fit.
	 */
	public static ReadoutOutcome readout(final ReadoutRequest r, final Progress progress,
		final java.util.function.IntFunction<String[]> extraResults) throws IOException
	{
		final ReadoutOptions opt = r.options().validate();
		final Path file = r.source().network();
		final TrainedNetwork net = NetworkFile.load(file);
		final Task task = task(net, r.source());
		final Signals signals = r.signals() == null ? Signals.parse(opt.signals(), task) : Signals.of(opt.signals(),
			r.signals().apply(task.dt()), task);
		final int channels = signals.channels();
		final String[] results = concat(new String[] { READOUT_SUMMARY }, extraResults.apply(channels));
		try (RunTransaction tx = r.out().open(RunFolder.READOUT_FILES, results)) {
			if (!r.out().overwrite() && ReadoutFile.list(file).containsKey(opt.name())) throw new ParameterException("readout_name",
				"'" + opt.name() + "' already exists in " + file + "; choose another name or " + r.out().overwriteHint() +
					(r.out().overwriteHint().endsWith("replace") ? " it" : ""));
			final ReadoutStage.Result fit = ReadoutStage.fit(net, task, opt, signals, progress);
			ReadoutFile.add(file, fit.readout(), r.out().overwrite());
			if (tx.dir() != null) {
				RunFolder.writeReadout(tx.staging(), file, fit);
				tx.commit();
			}
			return new ReadoutOutcome(net, fit, tx.dir());
		}
	}

	public static ExportOutcome export(final ExportRequest r, final Progress progress) throws IOException {
		Check.atLeast("trials_test", r.trials(), 1);
		try (RunTransaction tx = r.out().open(java.util.List.of(EXPORT_RESULTS), r.format().files().toArray(new String[0]))) {
			final TrainedNetwork net = NetworkFile.load(r.source().network());
			final int[] voltages = r.voltages() == null ? new int[0] : r.voltages();
			final Export.Data d = Export.run(net, task(net, r.source()), r.trials(), voltages, readout(r.source(), r.readout()),
				progress);
			if (d.result().isDiverged()) throw new org.rate2spike.protocol.TrainingFailedException("export stopped: the network " +
				"diverged in its test trials (" + d.result().diverged() + "); nothing was written");
			if (tx.dir() != null) {
				ExportFiles.write(tx.staging(), d, r.format(), NetworkFile.metaJson(net), String.format(java.util.Locale.ROOT,
					"%d test trials of a spiking network (%d neurons, task %s) from %s", d.result().trials(), net.neurons(),
					net.targets().task(), r.source().network().getFileName()));
				tx.commit();
			}
			return new ExportOutcome(net, d, tx.dir());
		}
	}

	private static Task task(final TrainedNetwork net, final Source s) {
		return Pipeline.taskOf(net.targets(), s.data(), s.given());
	}

	private static Readout readout(final Source s, final String name) throws IOException {
		return name == null || name.isBlank() ? null : ReadoutFile.get(s.network(), name.trim());
	}

	private static String[] concat(final String[] a, final String[] b) {
		final String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}
}
