package org.rate2spike.cli;

import java.io.PrintStream;

import org.rate2spike.protocol.Phase;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.TrainingConfig;

/**
 * A progress bar per phase on standard error: redrawn in place on a terminal, a line per 10 % otherwise (logs).
 * Cancellation comes from Ctrl-C through {@link #cancel()}.
 */
final class ConsoleProgress implements Progress {

	private final PrintStream out;
	private final boolean terminal;
	private volatile boolean cancelled;
	private volatile String kept = "what was finished is kept (the files named above, marked partial and cancelled)";
	private long phaseStart;
	private int lastDecile;
	private double lastNmse = Double.NaN;

	ConsoleProgress(final PrintStream out, final boolean terminal) {
		this.out = out;
		this.terminal = terminal;
	}

	void cancel() {
		cancelled = true;
	}

	/** What a cancelled run kept, for the last line after a signal (set by the command that knows). */
	void kept(final String what) {
		kept = what;
	}

	String kept() {
		return kept;
	}

	@Override
	public boolean cancelled() {
		return cancelled;
	}

	@Override
	public void trainingStarts(final TrainingConfig c) {
		out.printf("Training on '%s': N = %d, Ñ = %d, trials %s, seed %d%n", c.task(), c.spiking().neurons(), c.rate().units(),
			c.trials(), c.seed());
	}

	@Override
	public void note(final String message) {
		out.println("note: " + message);
	}

	@Override
	public void phaseStarted(final Phase phase, final int trials) {
		phaseStart = System.nanoTime();
		lastDecile = -1;
		lastNmse = Double.NaN;
	}

	@Override
	public void trialDone(final Phase phase, final int trial, final int trials, final double nmse) {
		if (!Double.isNaN(nmse)) lastNmse = nmse;
		final int decile = trial * 10 / trials;
		if (!terminal && decile == lastDecile && trial != trials) return;
		lastDecile = decile;
		final int width = 30, filled = trial * width / trials;
		final double seconds = (System.nanoTime() - phaseStart) * 1e-9;
		final String bar = "#".repeat(filled) + "-".repeat(width - filled);
		final String err = Double.isNaN(lastNmse) ? "" : String.format("  nMSE %.4f", lastNmse);
		final String line = String.format("%-6s [%s] %d/%d trials  %.1f s%s", phase.key(), bar, trial, trials, seconds, err);
		if (terminal) out.print("\r" + line + (trial == trials ? "\n" : ""));
		else out.println(line);
		out.flush();
	}
}
