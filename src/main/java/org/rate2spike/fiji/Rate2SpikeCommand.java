package org.rate2spike.fiji;

import org.rate2spike.format.FileFormatException;

import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;

import org.rate2spike.task.DataValues;

import org.jfree.chart.ChartFrame;
import org.jfree.chart.JFreeChart;
import org.rate2spike.protocol.CancelledException;
import org.rate2spike.protocol.Phase;
import org.rate2spike.protocol.Progress;
import org.rate2spike.pipeline.TaskSettings;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.task.Task;
import org.rate2spike.protocol.TrainingFailedException;
import org.rate2spike.util.ParameterException;
import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.util.ClassUtils;

/**
 * What the Rate2Spike commands share: inputs named like {@link TrainingConfig}'s parameters become one validated
 * config; bad input stops the command with the core's one-line message (logged, on the status bar, and as the
 * cancel reason) instead of a stack trace; progress goes to the status bar; Esc, an interrupt or {@link #cancel}
 * stop a run at the end of the current trial.
 * <p>
 * A {@code ContextCommand}, not a {@code DynamicCommand}: {@code CommandService.run} (used by SciJava's
 * {@code --headless --run}) returns null for modules that are not {@code CommandModule}s.
 */
public abstract class Rate2SpikeCommand extends ContextCommand {

	static final String MENU = "Plugins>Rate2Spike>";

	/** The field {@code task_settings} of the commands that train (a dialog cannot tell a value typed from one left alone). */
	static final String TASK_SETTINGS_DESCRIPTION = "apply: every field left at its default takes the value the task " +
		"was measured to train best with (the log lists them); advise: the fields are used as they are";

	/** The overwrite checkbox every command that writes files has (not persisted: each run starts unticked). */
	static final String OVERWRITE_LABEL = "Overwrite existing files",
		OVERWRITE_DESCRIPTION = "replace result files that already exist (and a readout of the same name); unticked, the command refuses and names them";

	@Parameter
	private LogService log;

	@Parameter
	private StatusService status;

	@Override
	public final void run() {
		IJ.resetEscape();
		try {
			execute();
		}
		catch (final ParameterException | CancelledException | TrainingFailedException e) { // FileFormatException is a ParameterException
			fail(e.getMessage());
		}
		catch (final IOException e) {
			fail("could not read or write a file: " + e.getMessage());
		}
		catch (final java.nio.file.InvalidPathException e) { // a file field this Java cannot encode (LANG=C)
			fail(org.rate2spike.util.PathNames.unusable("path", e).getMessage());
		}
		catch (final OutOfMemoryError e) {
			fail("out of memory: give Fiji more memory (Edit > Options > Memory & Threads) or use fewer neurons");
		}
	}

	/** Parses, runs the core, sets the outputs. */
	protected abstract void execute() throws IOException;

	/** Stops the command with a message for the user. */
	protected final void fail(final String message) {
		log.error(title() + ": " + message);
		status.showStatus(0, 0, message, true);
		cancel(message);
	}

	/** A status-bar line for the user, also logged. */
	protected final void report(final String message) {
		log.info(title() + ": " + message);
		status.showStatus(message);
	}

	/** A warning about a result (not an error: the outputs are made), logged and on the status bar. */
	protected final void warn(final String message) {
		if (message == null) return;
		log.warn(title() + ": " + message);
		status.showStatus(message);
	}

	/** The menu leaf, e.g. "Train Spiking Network". */
	final String title() {
		final String path = getClass().getAnnotation(Plugin.class).menuPath();
		return path.substring(path.lastIndexOf('>') + 1);
	}

	/**
	 * {@code base} with every input whose field name is a {@link TrainingConfig} parameter applied, then validated:
	 * the same parsing and messages as the command line.
	 */
	protected final TrainingConfig config(final TrainingConfig base) {
		TrainingConfig c = base;
		for (final Field f : ClassUtils.getAnnotatedFields(getClass(), Parameter.class)) {
			if (!TrainingConfig.DESCRIPTIONS.containsKey(f.getName())) continue;
			final Object value = ClassUtils.getValue(f, this);
			if (value == null && f.getType() == java.io.File.class) continue; // an optional file left empty
			if (value == null) throw new ParameterException(f.getName(), "is required");
			c = c.with(f.getName(), String.valueOf(value));
		}
		return c.validate();
	}

	/**
	 * {@code c} with the task's own settings in every field left at its default (unless {@code task_settings} is
	 * advise), the choice reported; {@code fixed} names further parameters that count as set (e.g. those a file fixes).
	 */
	protected final TrainingConfig withTaskSettings(final TrainingConfig c, final Task task, final String... fixed) {
		final Set<String> given = TaskSettings.differingFromDefaults(c);
		given.addAll(List.of(fixed));
		final TaskSettings.Chosen chosen = TaskSettings.choose(c, task, given);
		if (chosen.note() != null) report(chosen.note());
		return chosen.config();
	}

	/** Opens an interactive chart window (zoom, pan, save from its menu) when there is a screen; else nothing. */
	protected static void showChart(final JFreeChart chart, final String title) {
		if (GraphicsEnvironment.isHeadless()) return;
		EventQueue.invokeLater(() -> {
			final ChartFrame frame = new ChartFrame(title, chart);
			frame.pack();
			frame.setVisible(true);
		});
	}

	/** A required file input as a path, with the promised message when it is missing. */
	protected static Path required(final String name, final File file) {
		if (file == null || file.getPath().isBlank()) throw new ParameterException(name, "is required: choose a file");
		return org.rate2spike.util.PathNames.of(name, file.getPath());
	}

	/**
	 * The data handed over as open images: each image field counts only when the file field of its role is empty;
	 * an inputs or activity image that is the targets image is ignored (Fiji may fill every image field with the
	 * active image). With {@code activeByDefault}, targets fall back to the active image when neither a file nor an
	 * image is given.
	 */
	protected final DataValues images(final File targetsFile, final ImagePlus targets, final File inputsFile,
		final ImagePlus inputs, final File factorsFile, final ImagePlus factors, final double sampleInterval,
		final boolean activeByDefault)
	{
		ImagePlus t = blank(targetsFile) ? targets : null;
		if (t == null && blank(targetsFile) && activeByDefault) t = WindowManager.getCurrentImage();
		final ImagePlus i = blank(inputsFile) && inputs != null && inputs != t ? inputs : null;
		final ImagePlus f = blank(factorsFile) && factors != null && factors != t ? factors : null;
		for (final ImagePlus imp : new ImagePlus[] { t, i, f })
			if (imp != null) report("data from the open image '" + imp.getTitle() + "'");
		return new DataValues(t == null ? null : ImageData.of(t, "targets_image", sampleInterval),
			i == null ? null : ImageData.of(i, "inputs_image", sampleInterval),
			f == null ? null : ImageData.of(f, "factors_image", sampleInterval));
	}

	private static boolean blank(final File f) {
		return f == null || f.getPath().isBlank();
	}

	/** An optional folder input: null when not given. */
	protected static Path optionalFolder(final String name, final File folder) {
		if (folder == null || folder.getPath().isBlank()) return null;
		if (folder.exists() && !folder.isDirectory()) throw new ParameterException(name, folder + " exists and is not a folder");
		return org.rate2spike.util.PathNames.of(name, folder.getPath());
	}

	/** How a refusal to overwrite tells the user what to do; {@code overwrite} is the field every writing command has. */
	static final String OVERWRITE_HINT = "tick 'Overwrite existing files' (overwrite=true) to replace it";

	/**
	 * Refuses, before any work, to replace a file that exists unless the user ticked <em>Overwrite existing files</em>:
	 * the dialog's counterpart of the command line's {@code --overwrite}.
	 */
	protected static void refuseToOverwrite(final boolean overwrite, final String field, final Path file) {
		if (!overwrite && file != null && Files.exists(file))
			throw new ParameterException(field, file + " already exists; choose another file or " + OVERWRITE_HINT);
	}

	/** As above for result files inside a folder (null: no folder, nothing to check). */
	protected static void refuseToOverwrite(final boolean overwrite, final String field, final Path folder, final String... names) {
		if (overwrite || folder == null) return;
		final List<String> there = new ArrayList<>();
		for (final String n : names) if (Files.exists(folder.resolve(n))) there.add(n);
		if (!there.isEmpty()) throw new ParameterException(field, folder + " already holds " + String.join(", ", there) +
			" from an earlier run; choose another folder or tick 'Overwrite existing files' (overwrite=true) to replace " +
			(there.size() == 1 ? "it" : "them"));
	}

	/** A comma-separated list of whole numbers, e.g. "0, 5,9"; empty text is an empty list. */
	protected static int[] intList(final String name, final String text) {
		if (text == null || text.isBlank()) return new int[0];
		return java.util.Arrays.stream(text.split(",")).mapToInt(x -> TrainingConfig.parseInt(name, x.trim())).toArray();
	}

	/** Progress on the status bar; cancelled by this command's cancel(), Esc in ImageJ, or an interrupt. */
	protected final Progress progress() {
		return new Progress() {

			@Override
			public void phaseStarted(final Phase phase, final int trials) {
				status.showStatus(0, trials, "Rate2Spike " + phase.key() + ": starting");
			}

			@Override
			public void trialDone(final Phase phase, final int trial, final int trials, final double nmse) {
				final String err = Double.isNaN(nmse) ? "" : String.format(Locale.ROOT, ", nMSE %.4f", nmse);
				status.showStatus(trial, trials, "Rate2Spike " + phase.key() + ": trial " + trial + "/" + trials + err);
			}

			@Override
			public void note(final String message) {
				report(message);
			}

			@Override
			public boolean cancelled() {
				return isCanceled() || IJ.escapePressed() || Thread.currentThread().isInterrupted();
			}
		};
	}
}
