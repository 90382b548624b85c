package org.rate2spike.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.measure.Calibration;

/**
 * A screenshot-style picture of ImageJ images as Fiji shows them (title bar and the subtitle line with calibrated
 * size and type), stacked; made headless, for documentation. From a macro, of open images by title:
 * {@code call("org.rate2spike.render.FijiSnapshot.save", "out.png", "Spike raster (test)", "Output vs target (test)")};
 * or of image files: {@code java -cp rate2spike-cli.jar org.rate2spike.render.FijiSnapshot OUT.png IMAGE...}.
 */
public final class FijiSnapshot {

	private static final int BAR = 26, INFO = 20, GAP = 14, MARGIN = 12;

	private FijiSnapshot() {}

	public static BufferedImage of(final List<ImagePlus> images) {
		int width = 0, height = MARGIN;
		for (final ImagePlus imp : images) {
			width = Math.max(width, imp.getWidth());
			height += BAR + INFO + imp.getHeight() + GAP;
		}
		width += 2 * MARGIN;
		final BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(new Color(0xe8e8e8));
		g.fillRect(0, 0, width, height);
		int y = MARGIN;
		for (final ImagePlus imp : images) {
			final int w = imp.getWidth();
			g.setColor(new Color(0x3c3f41));
			g.fillRect(MARGIN, y, w, BAR);
			g.setColor(Color.WHITE);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
			g.drawString(imp.getTitle(), MARGIN + 8, y + 18);
			y += BAR;
			g.setColor(Color.WHITE);
			g.fillRect(MARGIN, y, w, INFO);
			g.setColor(Color.DARK_GRAY);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
			g.drawString(subtitle(imp), MARGIN + 4, y + 14);
			y += INFO;
			g.drawImage(imp.getBufferedImage(), MARGIN, y, null);
			y += imp.getHeight() + GAP;
		}
		g.dispose();
		return out;
	}

	/** Like Fiji's line under the title: slice, calibrated size, pixel size, type. */
	static String subtitle(final ImagePlus imp) {
		final Calibration c = imp.getCalibration();
		final String slice = imp.getStackSize() > 1 ? imp.getCurrentSlice() + "/" + imp.getStackSize() + " (" +
			imp.getStack().getSliceLabel(imp.getCurrentSlice()) + "); " : "";
		final String size = c.scaled() ? String.format(Locale.ROOT, "%.0fx%.0f %s x %s (%dx%d); ", imp.getWidth() * c.pixelWidth,
			imp.getHeight() * c.pixelHeight, c.getXUnit(), c.getYUnit(), imp.getWidth(), imp.getHeight())
			: imp.getWidth() + "x" + imp.getHeight() + " pixels; ";
		final String type = switch (imp.getType()) {
			case ImagePlus.GRAY8 -> "8-bit";
			case ImagePlus.GRAY16 -> "16-bit";
			case ImagePlus.GRAY32 -> "32-bit";
			default -> "RGB";
		};
		return slice + size + type;
	}

	/** For macros ({@code call}): writes a PNG of two open images, found by title; returns the path. */
	public static String save(final String path, final String first, final String second) throws IOException {
		final List<ImagePlus> images = new ArrayList<>();
		for (final String title : List.of(first, second)) {
			final ImagePlus imp = WindowManager.getImage(title);
			if (imp == null) throw new IOException("no open image titled '" + title + "'");
			images.add(imp);
		}
		ImageIO.write(of(images), "png", new File(path));
		return path;
	}

	public static void main(final String[] args) throws IOException {
		if (args.length < 2) {
			System.err.println("usage: FijiSnapshot OUT.png IMAGE...");
			System.exit(2);
		}
		final List<ImagePlus> images = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			final ImagePlus imp = IJ.openImage(args[i]);
			if (imp == null) throw new IOException("cannot open " + args[i]);
			images.add(imp);
		}
		ImageIO.write(of(images), "png", new File(args[0]));
	}
}
