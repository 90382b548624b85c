package org.rate2spike.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/**
 * ImageJ 1.x's real windows on an X display: a virtual one (Xvfb, started here on a free display number when the
 * binary is on the PATH), else the one in {@code DISPLAY}; skipped when there is neither. Surefire's JVM is headless,
 * so {@link WindowDriver} runs in a JVM of its own with the display. It leaves its screenshots in
 * {@code target/screenshots/} (the pictures in {@code docs/images/imagej_*.png} are copies of them).
 */
class ImageJWindowTest {

	static final Path OUT = Path.of("target", "screenshots");

	@Test
	void theCommandsRunFromThePluginsMenuAndAMacroInRealImageJWindows() throws Exception {
		final Path xvfb = onPath("Xvfb");
		final String env = System.getenv("DISPLAY");
		assumeTrue(xvfb != null || env != null && !env.isBlank(),
			"no X display: neither Xvfb on the PATH nor DISPLAY set (apt-get install xvfb to run the window test)");
		Process server = null, windowManager = null;
		try {
			final String display;
			if (xvfb != null) {
				server = new ProcessBuilder(xvfb.toString(), "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
					.redirectError(ProcessBuilder.Redirect.DISCARD).start();
				display = ":" + displayNumber(server);
				windowManager = startWindowManager(display);
			}
			else display = env;
			Files.createDirectories(OUT);
			final Path log = OUT.resolve("driver.log");
			final ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Djava.awt.headless=false", "-Xmx1500m", "-Djava.util.prefs.userRoot=" + Path.of("target", "prefs-window").toAbsolutePath(),
				"-cp", System.getProperty("java.class.path"), WindowDriver.class.getName(), OUT.toString(), ".")
				.redirectErrorStream(true).redirectOutput(log.toFile());
			pb.environment().put("DISPLAY", display);
			final Process driver = pb.start();
			if (!driver.waitFor(300, TimeUnit.SECONDS)) {
				driver.destroyForcibly();
				fail("the window driver did not finish in 300 s; its log:\n" + tail(log));
			}
			assertEquals(0, driver.exitValue(), () -> "the window driver failed; its log:\n" + tail(log));
			check(Files.readAllLines(OUT.resolve("windows.tsv"), StandardCharsets.UTF_8), log);
		}
		finally {
			if (windowManager != null) windowManager.destroy();
			if (server != null) server.destroy();
		}
	}

	private static void check(final List<String> lines, final Path log) throws IOException {
		final List<String> menu = new ArrayList<>(), images = new ArrayList<>(), frames = new ArrayList<>(), shots = new ArrayList<>();
		String dialog = null, macro = null, nmse = null, targets = null;
		int activityHeight = -1;
		for (final String line : lines) {
			final String[] f = line.split("\t");
			switch (f[0]) {
				case "menu" -> menu.add(f[1]);
				case "dialog" -> dialog = f[1];
				case "file" -> targets = f[2];
				case "macro" -> macro = f[1];
				case "nmse" -> nmse = f[1];
				case "image" -> {
					images.add(f[1]);
					if (f[1].equals("Rate network activity (oscillation)")) activityHeight = Integer.parseInt(f[3]);
					assertEquals("true", f[5], "a real window shows image " + f[1]);
				}
				case "frame" -> {
					frames.add(f[1]);
					if (f[1].startsWith("Rate2Spike")) assertEquals("true", f[2], "a real window shows table " + f[1]);
				}
				case "screenshot" -> shots.add(f[1]);
				default -> fail("unexpected report line " + line);
			}
		}
		final Set<String> titles = new HashSet<>();
		for (final Class<?> c : CommandsTest.COMMANDS) titles.add(title(c));
		assertEquals(titles, new HashSet<>(menu), "Plugins > Rate2Spike holds one item per command");
		assertEquals(CommandsTest.COMMANDS.size(), menu.size());
		assertEquals(GenerateRateTargets.TITLE, dialog);
		assertEquals("true", targets, "the dialog's OK wrote the targets file named in it");
		assertEquals(30, activityHeight, "the rate units typed into the dialog (30) reached the command: one row per unit");
		assertEquals("ran", macro, () -> "macros/calcium.ijm ran to its end; log:\n" + tail(log));
		final double[] values = Arrays.stream(nmse.split(",")).mapToDouble(Double::parseDouble).toArray();
		assertEquals(3, values.length, "the macro read one nMSE per test trial from the table");
		for (final double v : values) assertTrue(Double.isFinite(v) && v >= 0, nmse);
		for (final String t : List.of("calcium_movie.tif", "Traces (calcium_movie.tif)", "Spike raster (data)",
			"Output vs target (data)", "Firing rates (data)", "nMSE per training trial"))
			assertTrue(images.contains(t), t + " among " + images);
		for (final String t : List.of(TestSpikingNetwork.TABLE, TracesFromRois.TABLE))
			assertTrue(frames.contains(t), t + " among " + frames);
		assertEquals(List.of("imagej_dialog.png", "imagej_menu.png", "imagej_raster.png", "imagej_plot.png", "imagej_table.png",
			"imagej_movie.png"), shots);
		for (final String s : shots) {
			final BufferedImage img = ImageIO.read(OUT.resolve(s).toFile());
			assertTrue(img.getWidth() >= 100 && img.getHeight() >= 40, s + " is " + img.getWidth() + "x" + img.getHeight());
			assertTrue(spread(img) > 20, s + " is (nearly) blank: grey-level standard deviation " + spread(img));
		}
	}

	/** Standard deviation of the grey levels (0–255): a blank or single-colour capture has about 0. */
	static double spread(final BufferedImage img) {
		double s = 0, s2 = 0;
		final int n = img.getWidth() * img.getHeight();
		for (int y = 0; y < img.getHeight(); y++)
			for (int x = 0; x < img.getWidth(); x++) {
				final int rgb = img.getRGB(x, y);
				final double g = 0.299 * (rgb >> 16 & 255) + 0.587 * (rgb >> 8 & 255) + 0.114 * (rgb & 255);
				s += g;
				s2 += g * g;
			}
		final double m = s / n;
		return Math.sqrt(Math.max(0, s2 / n - m * m));
	}

	private static String title(final Class<?> c) {
		try {
			return (String) c.getField("TITLE").get(null);
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * On our own virtual display, Debian's small window manager {@code twm} when it is installed, so that the windows
	 * get title bars in the screenshots (placed where ImageJ puts them, without asking; X's built-in font "fixed", since
	 * a bare Xvfb has no other); else none.
	 */
	private static Process startWindowManager(final String display) throws IOException {
		final Path twm = onPath("twm");
		if (twm == null) return null;
		Files.createDirectories(OUT);
		final Path rc = OUT.resolve("twmrc");
		Files.writeString(rc, "RandomPlacement\nUsePPosition \"on\"\nNoGrabServer\nDecorateTransients\nBorderWidth 1\n" +
			"TitleFont \"fixed\"\nResizeFont \"fixed\"\nMenuFont \"fixed\"\nIconFont \"fixed\"\nIconManagerFont \"fixed\"\n");
		final ProcessBuilder pb = new ProcessBuilder(twm.toString(), "-f", rc.toString())
			.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
		pb.environment().put("DISPLAY", display);
		return pb.start();
	}

	/** Xvfb's {@code -displayfd 1}: the display number it chose, on its standard output. */
	private static String displayNumber(final Process server) throws IOException {
		final BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.US_ASCII));
		final String line = r.readLine();
		if (line == null || !line.trim().matches("\\d+")) throw new IOException("Xvfb did not report a display (got " + line + ")");
		return line.trim();
	}

	private static Path onPath(final String name) {
		final String path = System.getenv("PATH");
		if (path == null) return null;
		for (final String dir : path.split(File.pathSeparator)) {
			final Path p = Path.of(dir, name);
			if (Files.isExecutable(p)) return p;
		}
		return null;
	}

	private static String tail(final Path log) {
		try {
			final List<String> l = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", l.subList(Math.max(0, l.size() - 60), l.size()));
		}
		catch (final IOException e) {
			return "(no log: " + e.getMessage() + ")";
		}
	}
}
