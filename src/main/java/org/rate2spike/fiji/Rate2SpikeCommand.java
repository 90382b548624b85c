package org.rate2spike.fiji;

import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.Locale;

import ij.IJ;

import org.jfree.chart.ChartFrame;
import org.jfree.chart.JFreeChart;
import org.rate2spike.protocol.CancelledException;
import org.rate2spike.protocol.Phase;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.TrainingConfig;
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
			if (value == null) throw new ParameterException(f.getName(), "is required");
			c = c.with(f.getName(), String.valueOf(value));
		}
		return c.validate();
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
		return file.toPath();
	}

	/** An optional folder input: null when not given. */
	protected static Path optionalFolder(final String name, final File folder) {
		if (folder == null || folder.getPath().isBlank()) return null;
		if (folder.exists() && !folder.isDirectory()) throw new ParameterException(name, folder + " exists and is not a folder");
		return folder.toPath();
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
			public boolean cancelled() {
				return isCanceled() || IJ.escapePressed() || Thread.currentThread().isInterrupted();
			}
		};
	}
}
