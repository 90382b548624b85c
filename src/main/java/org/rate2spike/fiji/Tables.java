package org.rate2spike.fiji;

import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.lang.reflect.Field;
import java.util.Vector;

import ij.WindowManager;
import ij.measure.ResultsTable;
import ij.text.TextPanel;
import ij.text.TextWindow;

/**
 * Makes a command's results table reachable from macros and scripts under its title ({@code Table.size("Rate2Spike
 * test trials")}, {@code Table.getColumn("nMSE", "Rate2Spike test trials")}, {@code ResultsTable.getResultsTable(title)}).
 * <p>
 * ImageJ 1.x finds a table by title only through its window ({@code WindowManager.getFrame(title)}); with a screen,
 * in the GUI and in batch-mode macros alike, {@link ResultsTable#show} opens that window. Without a screen
 * ({@code java.awt.headless=true}) ImageJ 1.x cannot make windows, and {@code show} does nothing, so a macro would
 * meet "table not found". There this class registers a window-less stand-in under the title: a {@link TextWindow}
 * object allocated without running its (screen-needing) constructor, carrying the table, in ImageJ's list of
 * non-image windows, which is all that the macro functions {@code Table.*} and {@code getResult} consult. Publishing
 * again under the same title replaces the table. Where the stand-in cannot be made (a Java without
 * {@code sun.misc.Unsafe}), the table becomes ImageJ's system table "Results" instead, so that {@code getResult},
 * {@code nResults} and {@code Table.getColumn(name)} still read it.
 */
public final class Tables {

	private Tables() {}

	/** Shows {@code table} under {@code title} (a window with a screen, the stand-in without). */
	public static void publish(final ResultsTable table, final String title) {
		if (!GraphicsEnvironment.isHeadless()) {
			table.show(title);
			return;
		}
		synchronized (Tables.class) {
			try {
				final Frame old = WindowManager.getFrame(title);
				if (old instanceof TextWindow w && w.getTextPanel() != null) {
					RT.set(w.getTextPanel(), table);
					return;
				}
				final TextWindow w = (TextWindow) UNSAFE.allocateInstance(TextWindow.class);
				final TextPanel p = (TextPanel) UNSAFE.allocateInstance(TextPanel.class);
				RT.set(p, table);
				PANEL.set(w, p);
				UNSAFE.putObject(w, UNSAFE.objectFieldOffset(Frame.class.getDeclaredField("title")), title);
				// Component's lock, so that getName()/toString() of the stand-in work like a window's
				UNSAFE.putObject(w, UNSAFE.objectFieldOffset(java.awt.Component.class.getDeclaredField("objectLock")), new Object());
				@SuppressWarnings("unchecked")
				final Vector<Object> windows = (Vector<Object>) NON_IMAGE.get(null);
				windows.add(w);
			}
			catch (final ReflectiveOperationException | RuntimeException | LinkageError e) {
				ij.plugin.filter.Analyzer.setResultsTable(table);
			}
		}
	}

	/** The table published under {@code title}, or null. */
	public static ResultsTable get(final String title) {
		return ResultsTable.getResultsTable(title);
	}

	/** Forgets a headless stand-in (with a screen, closes the window). */
	public static void close(final String title) {
		final Frame f = WindowManager.getFrame(title);
		if (f == null) return;
		if (!GraphicsEnvironment.isHeadless()) {
			f.dispose();
			return;
		}
		try {
			((Vector<?>) NON_IMAGE.get(null)).remove(f);
		}
		catch (final IllegalAccessException e) {
			throw new IllegalStateException(e);
		}
	}

	private static final sun.misc.Unsafe UNSAFE;
	private static final Field RT, PANEL, NON_IMAGE;

	static {
		sun.misc.Unsafe u = null;
		Field rt = null, panel = null, nonImage = null;
		try {
			final Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
			f.setAccessible(true);
			u = (sun.misc.Unsafe) f.get(null);
			rt = TextPanel.class.getDeclaredField("rt");
			rt.setAccessible(true);
			panel = TextWindow.class.getDeclaredField("textPanel");
			panel.setAccessible(true);
			nonImage = WindowManager.class.getDeclaredField("nonImageList");
			nonImage.setAccessible(true);
		}
		catch (final ReflectiveOperationException | RuntimeException | LinkageError e) {
			u = null; // publish falls back to the Results table
		}
		UNSAFE = u;
		RT = rt;
		PANEL = panel;
		NON_IMAGE = nonImage;
	}
}
