package org.rate2spike.fiji;

import java.awt.Component;
import java.awt.EventQueue;
import java.awt.Frame;
import java.awt.MenuItem;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;

import org.scijava.Context;

/**
 * Runs in its own JVM with a screen (see {@link ImageJWindowTest}): starts ImageJ 1.x's real window, installs the
 * Rate2Spike menu, opens <em>Generate Rate Targets</em> from its menu item, fills and confirms the dialog, runs
 * {@code macros/calcium.ijm} (movie, ROIs, traces, training, the test table read by a macro), captures the windows
 * with {@link Robot} and writes {@code windows.tsv}: one line per menu item, window and screenshot.
 * Arguments: the output folder, the repository folder.
 */
public final class WindowDriver {

	private final Path out;
	private final List<String> report = new ArrayList<>();
	private final Robot robot;

	private WindowDriver(final Path out) throws Exception {
		this.out = out;
		this.robot = new Robot();
	}

	public static void main(final String[] args) {
		try {
			new WindowDriver(Path.of(args[0]).toAbsolutePath()).run(Path.of(args[1]).toAbsolutePath());
			System.exit(0);
		}
		catch (final Throwable t) {
			t.printStackTrace();
			System.exit(1);
		}
	}

	private void run(final Path repo) throws Exception {
		Files.createDirectories(out);
		final ImageJ ij = new ImageJ();
		waitFor("the ImageJ window", () -> ij.isShowing() ? ij : null);
		try (Context context = new Context()) {
			ImageJ1Menu.install(context);
			for (final String label : ImageJ1Menu.items()) report.add("menu\t" + label);

			// the dialog, opened as a click on the menu item opens it
			final MenuItem item = ImageJ1Menu.item(GenerateRateTargets.TITLE);
			EventQueue.invokeLater(() -> ij.actionPerformed(new ActionEvent(item, ActionEvent.ACTION_PERFORMED, item.getActionCommand())));
			final GenericDialog gd = waitFor("the dialog", () -> GenericDialog.getInstance() != null &&
				GenericDialog.getInstance().isShowing() ? GenericDialog.getInstance() : null);
			report.add("dialog\t" + gd.getTitle());
			final Path targets = out.resolve("targets.npz");
			Files.deleteIfExists(targets);
			EventQueue.invokeAndWait(() -> {
				set(gd, "targets_file", Path.of("").toAbsolutePath().relativize(targets).toString()); // relative to the working folder
				set(gd, "rate_units", "30");
				set(gd, "trials_init", "2");
				set(gd, "trials_pca", "5");
				gd.setLocation(0, 120);
			});
			shot(gd, "imagej_dialog.png");
			EventQueue.invokeAndWait(() -> gd.actionPerformed(new ActionEvent(gd.getButtons()[0], ActionEvent.ACTION_PERFORMED, "OK")));
			waitFor("Generate Rate Targets' image", () -> WindowManager.getImage("Rate network activity (oscillation)"));
			report.add("file\t" + targets.getFileName() + "\t" + Files.exists(targets));

			// the calcium macro: movie and ROIs, traces, training on them, the test table read with Table.getColumn
			final Path calcium = out.resolve("calcium");
			deleteTree(calcium);
			final String result = IJ.runMacro(Files.readString(repo.resolve("macros/calcium.ijm")), calcium.toString());
			report.add("macro\t" + ("[aborted]".equals(result) ? "aborted" : "ran"));
			final Path nmse = calcium.resolve("calcium_nmse.txt");
			if (Files.exists(nmse)) report.add("nmse\t" + Files.readString(nmse).trim());

			for (final int id : WindowManager.getIDList()) {
				final ImagePlus imp = WindowManager.getImage(id);
				report.add("image\t" + imp.getTitle() + "\t" + imp.getWidth() + "\t" + imp.getHeight() + "\t" + imp.getStackSize() +
					"\t" + (imp.getWindow() != null && imp.getWindow().isShowing()));
			}
			for (final Frame f : WindowManager.getNonImageWindows()) report.add("frame\t" + f.getTitle() + "\t" + f.isShowing());

			// screenshots of the real windows, each moved into view and raised
			menuShot(ij, "imagej_menu.png");
			final ImagePlus raster = WindowManager.getImage("Spike raster (data)");
			if (raster != null) EventQueue.invokeAndWait(() -> { // a closer look: 0.5 s from 1.5 s on, at 200 %
				final ij.gui.ImageCanvas ic = raster.getCanvas();
				ic.setMagnification(2);
				ic.setSourceRect(new Rectangle(1500, 0, 500, raster.getHeight()));
				ic.setSize(1000, 2 * raster.getHeight());
				raster.getWindow().pack();
				raster.getWindow().setSize(raster.getWindow().getPreferredSize());
			});
			shot(window("Spike raster (data)"), "imagej_raster.png");
			shot(window("Output vs target (data)"), "imagej_plot.png");
			shot(WindowManager.getFrame(TestSpikingNetwork.TABLE), "imagej_table.png");
			final ImagePlus movie = WindowManager.getImage("calcium_movie.tif");
			if (movie != null) { // the movie at 400 %, its ROIs (the RoiSet the macro used) as an overlay
				final ij.plugin.frame.RoiManager rois = new ij.plugin.frame.RoiManager(true);
				rois.open(repo.resolve("test-data/calcium_rois.zip").toString());
				rois.moveRoisToOverlay(movie);
				IJ.run(movie, "Set... ", "zoom=400");
			}
			shot(window("calcium_movie.tif"), "imagej_movie.png");
		}
		finally {
			Files.writeString(out.resolve("windows.tsv"), String.join("\n", report) + "\n", StandardCharsets.UTF_8);
		}
	}

	/**
	 * Opens Plugins › Rate2Spike as a user would (a click on Plugins in ImageJ's menu bar, Up to its last item, Right
	 * into the submenu) and captures ImageJ's window with the open menus below it.
	 */
	private void menuShot(final ImageJ ij, final String name) throws Exception {
		EventQueue.invokeAndWait(() -> {
			ij.setLocation(0, 0);
			ij.toFront();
		});
		robot.waitForIdle();
		Thread.sleep(500);
		final Point p = ij.getLocationOnScreen();
		final java.awt.Insets in = ij.getInsets();
		robot.mouseMove(p.x + in.left + 322, p.y + in.top - 12); // "Plugins", the sixth menu
		robot.mousePress(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
		robot.mouseRelease(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
		Thread.sleep(700);
		key(java.awt.event.KeyEvent.VK_UP);
		key(java.awt.event.KeyEvent.VK_RIGHT);
		Thread.sleep(900);
		robot.waitForIdle();
		final BufferedImage img = robot.createScreenCapture(new Rectangle(p.x, p.y, Math.max(ij.getWidth(), 760), ij.getHeight() + 330));
		ImageIO.write(img, "png", out.resolve(name).toFile());
		report.add("screenshot\t" + name + "\t" + ij.getTitle());
		key(java.awt.event.KeyEvent.VK_ESCAPE);
		key(java.awt.event.KeyEvent.VK_ESCAPE);
		Thread.sleep(300);
	}

	private void key(final int code) throws InterruptedException {
		robot.keyPress(code);
		robot.keyRelease(code);
		Thread.sleep(250);
	}

	/** The window of the open image titled so. */
	private static Window window(final String title) {
		final ImagePlus imp = WindowManager.getImage(title);
		if (imp == null || imp.getWindow() == null) throw new IllegalStateException("no image window '" + title + "'; open: " +
			String.join(", ", WindowManager.getImageTitles()));
		return imp.getWindow();
	}

	/** Raises {@code w} at a place below ImageJ's bar, waits for it to be drawn, and saves what the screen shows of it. */
	private void shot(final Window w, final String name) throws Exception {
		if (w == null) throw new IllegalStateException("no window for " + name);
		if (!(w instanceof ImageJ)) EventQueue.invokeAndWait(() -> w.setLocation(0, 120));
		EventQueue.invokeAndWait(() -> {
			w.toFront();
			w.repaint();
		});
		robot.waitForIdle();
		Thread.sleep(800);
		robot.waitForIdle();
		final Point p = w.getLocationOnScreen();
		final Rectangle r = new Rectangle(p.x, p.y, w.getWidth(), w.getHeight())
			.intersection(new Rectangle(java.awt.Toolkit.getDefaultToolkit().getScreenSize()));
		final BufferedImage img = robot.createScreenCapture(r);
		ImageIO.write(img, "png", out.resolve(name).toFile());
		report.add("screenshot\t" + name + "\t" + title(w));
	}

	private static String title(final Window w) {
		return w instanceof Frame f ? f.getTitle() : w instanceof java.awt.Dialog d ? d.getTitle() : w.getName();
	}

	private static void set(final GenericDialog gd, final String field, final String text) {
		final Component c = DialogBridge.named(gd, field);
		if (!(c instanceof TextField t)) throw new IllegalStateException("the dialog has no text field " + field);
		t.setText(text);
	}

	private static <T> T waitFor(final String what, final Supplier<T> probe) throws InterruptedException {
		final long end = System.nanoTime() + 120_000_000_000L;
		while (System.nanoTime() < end) {
			final T t = probe.get();
			if (t != null) return t;
			Thread.sleep(100);
		}
		throw new IllegalStateException("timed out waiting for " + what);
	}

	private static void deleteTree(final Path dir) throws java.io.IOException {
		if (!Files.exists(dir)) return;
		try (var s = Files.walk(dir)) {
			for (final Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
		}
	}
}
