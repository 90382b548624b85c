package org.rate2spike.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npz} archive: a zip of {@code .npy} arrays (format 1.0, little-endian {@code <f8} and {@code <i4}),
 * plus plain entries such as {@code meta.json}, which {@code numpy.load(f)["meta.json"]} returns as bytes.
 * Writes are atomic: a temporary file in the same folder, then a rename.
 */
public final class Npz {

	private static final byte[] MAGIC = { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y' };
	private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
	private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
	private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

	private Npz() {}

	/** Writes the arrays ({@code name} → {@code name.npy}) and text entries (stored under their own names). */
	public static void write(final Path file, final Map<String, NpyArray> arrays, final Map<String, String> texts)
		throws IOException
	{
		AtomicFiles.write(file, os -> {
			final ZipOutputStream zip = new ZipOutputStream(os);
			for (final Map.Entry<String, String> e : texts.entrySet())
				stored(zip, e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8));
			for (final Map.Entry<String, NpyArray> e : arrays.entrySet())
				stored(zip, e.getKey() + ".npy", npy(e.getValue()));
			zip.finish();
		});
	}

	private static void stored(final ZipOutputStream zip, final String name, final byte[] data) throws IOException {
		final ZipEntry e = new ZipEntry(name);
		e.setMethod(ZipEntry.STORED);
		e.setSize(data.length);
		e.setCompressedSize(data.length);
		final CRC32 crc = new CRC32();
		crc.update(data);
		e.setCrc(crc.getValue());
		zip.putNextEntry(e);
		zip.write(data);
		zip.closeEntry();
	}

	public static byte[] npy(final NpyArray a) {
		final StringBuilder shape = new StringBuilder("(");
		for (int i = 0; i < a.shape().length; i++) shape.append(a.shape()[i]).append(i == 0 && a.shape().length == 1 ? "," : i + 1 < a.shape().length ? ", " : "");
		shape.append(')');
		final boolean isDouble = a.doubles() != null;
		String header = "{'descr': '" + (isDouble ? "<f8" : "<i4") + "', 'fortran_order': False, 'shape': " + shape + ", }";
		final int unpadded = MAGIC.length + 4 + header.length() + 1;
		header = header + " ".repeat((64 - unpadded % 64) % 64) + "\n";
		final int bytes = (int) a.size() * (isDouble ? 8 : 4);
		final ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + bytes).order(ByteOrder.LITTLE_ENDIAN);
		b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
		b.put(header.getBytes(StandardCharsets.US_ASCII));
		if (isDouble) b.asDoubleBuffer().put(a.doubles());
		else b.asIntBuffer().put(a.ints());
		return b.array();
	}

	/** The contents of an archive: arrays by name (without {@code .npy}) and other entries as text. */
	public record Contents(Path file, Map<String, NpyArray> arrays, Map<String, String> texts) {

		public NpyArray array(final String name) {
			final NpyArray a = arrays.get(name);
			if (a == null) throw new FileFormatException(file, "has no array '" + name + "'; it is not a complete Rate2Spike file");
			return a;
		}

		public NpyArray array(final String name, final int... shape) {
			final NpyArray a = array(name);
			if (!java.util.Arrays.equals(a.shape(), shape)) throw new FileFormatException(file, "array '" + name +
				"' has shape " + java.util.Arrays.toString(a.shape()) + " where " + java.util.Arrays.toString(shape) + " was expected");
			return a;
		}

		public String text(final String name) {
			final String t = texts.get(name);
			if (t == null) throw new FileFormatException(file, "has no entry '" + name + "'; it is not a Rate2Spike file");
			return t;
		}
	}

	/**
	 * Checks an array's declared shape before its values are inflated: called with the array's name, its shape as its
	 * {@code .npy} header declares it, and the text entries (e.g. {@code meta.json}) read so far; throws a
	 * {@link FileFormatException} to refuse the file.
	 */
	@FunctionalInterface
	public interface Guard {
		Guard NONE = (name, shape, texts) -> {};

		void check(String array, int[] shape, Map<String, String> texts);
	}

	public static Contents read(final Path file) throws IOException {
		return read(file, Guard.NONE);
	}

	/**
	 * Reads an archive. Each array's header is read first: its declared size is checked against the memory Java has
	 * left and then by {@code guard}, so that a small file declaring a huge array is refused before it is inflated.
	 */
	public static Contents read(final Path file, final Guard guard) throws IOException {
		if (!Files.isRegularFile(file)) throw new FileFormatException(file, "does not exist or is not a file");
		final Map<String, NpyArray> arrays = new LinkedHashMap<>();
		final Map<String, String> texts = new LinkedHashMap<>();
		try (InputStream is = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(is)) {
			ZipEntry e;
			int entries = 0;
			while ((e = zip.getNextEntry()) != null) {
				entries++;
				if (e.getName().endsWith(".npy")) {
					final String name = e.getName().substring(0, e.getName().length() - 4);
					arrays.put(name, parseNpy(file, name, readNpy(file, name, zip, guard, texts)));
				}
				else texts.put(e.getName(), new String(readAll(zip), StandardCharsets.UTF_8));
			}
			if (entries == 0) throw new FileFormatException(file, "is not a .npz archive (no zip entries found)");
		}
		catch (final ZipException e) {
			throw new FileFormatException(file, "is not a valid .npz (zip) archive or is truncated: " + e.getMessage());
		}
		catch (final java.io.EOFException e) {
			throw new FileFormatException(file, "is truncated");
		}
		catch (final FileFormatException e) {
			throw e;
		}
		catch (final IllegalArgumentException e) { // java.util.zip's answer to mangled entry names
			throw new FileFormatException(file, "is not a valid .npz (zip) archive: " + e.getMessage());
		}
		return new Contents(file, arrays, texts);
	}

	/** The bytes of one {@code .npy} entry, its header read and its declared size checked before the values. */
	private static byte[] readNpy(final Path file, final String name, final InputStream in, final Guard guard,
		final Map<String, String> texts) throws IOException
	{
		final String where = "array '" + name + "'";
		final byte[] head = in.readNBytes(12);
		if (head.length < 10) throw new FileFormatException(file, where + " is truncated");
		for (int i = 0; i < MAGIC.length; i++)
			if (head[i] != MAGIC[i]) throw new FileFormatException(file, where + " is not a .npy array");
		final int major = head[6];
		final ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
		final long headerLen, start;
		if (major == 1) {
			headerLen = b.getShort(8) & 0xffff;
			start = 10;
		}
		else if ((major == 2 || major == 3) && head.length == 12) {
			headerLen = b.getInt(8) & 0xffffffffL;
			start = 12;
		}
		else throw new FileFormatException(file, where + " has unsupported .npy version " + major);
		if (headerLen > 1 << 20) throw new FileFormatException(file, where + " has a header of " + headerLen + " bytes; it is not a .npy array");
		final byte[] rest = in.readNBytes((int) (start + headerLen - head.length));
		if (rest.length < start + headerLen - head.length) throw new FileFormatException(file, where + " is truncated");
		final byte[] header = new byte[(int) (start + headerLen)];
		System.arraycopy(head, 0, header, 0, head.length);
		System.arraycopy(rest, 0, header, head.length, rest.length);
		final Declared d = declared(file, where, new String(header, (int) start, (int) headerLen, StandardCharsets.ISO_8859_1));
		final long bytes = d.values * d.width;
		if (d.values > Integer.MAX_VALUE - 16) throw new FileFormatException(file, where + " declares shape " + shapeText(d.shape) +
			", " + d.values + " values, more than one array can hold");
		guard.check(name, d.shape, texts);
		final Runtime rt = Runtime.getRuntime();
		final long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
		if (2 * bytes > free) throw new FileFormatException(file, where + " declares shape " + shapeText(d.shape) + " (" +
			gib(bytes) + " as stored, about twice that to read), more than the " + gib(free) + " of memory Java has left; " +
			"if the file is right, give Java more memory (-Xmx)");
		final byte[] values = in.readNBytes((int) bytes);
		if (values.length < bytes) throw new FileFormatException(file, where + " is truncated: " + d.values +
			" values declared, " + values.length / d.width + " present");
		final byte[] all = new byte[header.length + values.length];
		System.arraycopy(header, 0, all, 0, header.length);
		System.arraycopy(values, 0, all, header.length, values.length);
		return all;
	}

	private record Declared(int[] shape, long values, int width) {}

	private static Declared declared(final Path file, final String where, final String header) {
		final Matcher d = DESCR.matcher(header), s = SHAPE.matcher(header);
		if (!d.find() || !s.find()) throw new FileFormatException(file, where + " has an unreadable header");
		final int[] shape = shape(file, where, s.group(1));
		long size = 1;
		for (final int dim : shape) size = dim == 0 || size == 0 ? 0 : Math.min(size * (long) dim, Long.MAX_VALUE / 16);
		return new Declared(shape, size, width(file, where, d.group(1)));
	}

	private static int[] shape(final Path file, final String where, final String text) {
		final String[] dims = text.split(",");
		int count = 0;
		final int[] shape = new int[dims.length];
		for (final String dim : dims) {
			if (dim.isBlank()) continue;
			try {
				shape[count] = Integer.parseInt(dim.trim());
			}
			catch (final NumberFormatException e) {
				throw new FileFormatException(file, where + " has an unreadable shape");
			}
			if (shape[count] < 0) throw new FileFormatException(file, where + " has a negative dimension");
			count++;
		}
		return java.util.Arrays.copyOf(shape, count);
	}

	private static int width(final Path file, final String where, final String descr) {
		if (descr.isEmpty()) throw new FileFormatException(file, where + " has unsupported type '' (use float64, float32 or int32)");
		switch (descr.substring(1)) {
			case "f8": case "i8": return 8;
			case "f4": case "i4": return 4;
			case "u1": case "b1": case "i1": return 1;
			default: throw new FileFormatException(file, where + " has unsupported type '" + descr + "' (use float64, float32 or int32)");
		}
	}

	/** A shape as 20000 × 20000. */
	public static String shapeText(final int[] shape) {
		if (shape.length == 0) return "() (a scalar)";
		final StringBuilder b = new StringBuilder();
		for (int i = 0; i < shape.length; i++) b.append(i > 0 ? " × " : "").append(shape[i]);
		return b.toString();
	}

	private static String gib(final long bytes) {
		return bytes >= 1L << 30 ? String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
			: String.format(java.util.Locale.ROOT, "%.0f MiB", Math.ceil(bytes / (double) (1L << 20)));
	}

	private static byte[] readAll(final InputStream in) throws IOException {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		in.transferTo(out);
		return out.toByteArray();
	}

	public static NpyArray parseNpy(final Path file, final String name, final byte[] data) {
		final String where = "array '" + name + "'";
		if (data.length < 10) throw new FileFormatException(file, where + " is truncated");
		for (int i = 0; i < MAGIC.length; i++)
			if (data[i] != MAGIC[i]) throw new FileFormatException(file, where + " is not a .npy array");
		final ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
		final int major = data[6];
		final int headerLen, start;
		if (major == 1) {
			headerLen = b.getShort(8) & 0xffff;
			start = 10;
		}
		else if (major == 2 || major == 3) {
			headerLen = b.getInt(8);
			start = 12;
		}
		else throw new FileFormatException(file, where + " has unsupported .npy version " + major);
		if (headerLen < 0 || start + headerLen > data.length) throw new FileFormatException(file, where + " is truncated");
		final String header = new String(data, start, headerLen, StandardCharsets.ISO_8859_1);
		final Matcher d = DESCR.matcher(header), o = ORDER.matcher(header), s = SHAPE.matcher(header);
		if (!d.find() || !o.find() || !s.find()) throw new FileFormatException(file, where + " has an unreadable header");
		final String descr = d.group(1);
		final boolean fortran = o.group(1).equals("True");
		final int[] dimsOut = shape(file, where, s.group(1));
		long size = 1;
		for (final int dim : dimsOut) size = dim == 0 || size == 0 ? 0 : Math.min(size * (long) dim, Long.MAX_VALUE / 16);
		final ByteOrder order = descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
		final String type = descr.isEmpty() ? "" : descr.substring(1);
		final int width = width(file, where, descr);
		final int offset = start + headerLen;
		if (size > Integer.MAX_VALUE || offset + size * width > data.length)
			throw new FileFormatException(file, where + " is truncated: " + size + " values declared, " + (data.length - offset) / width + " present");
		final ByteBuffer v = ByteBuffer.wrap(data, offset, (int) (size * width)).slice().order(order);
		final int n = (int) size;
		NpyArray result;
		if (type.startsWith("f")) {
			final double[] out = new double[n];
			for (int i = 0; i < n; i++) out[i] = width == 8 ? v.getDouble(8 * i) : v.getFloat(4 * i);
			result = new NpyArray(dimsOut, out, null);
		}
		else {
			final int[] out = new int[n];
			for (int i = 0; i < n; i++) {
				final long value = width == 8 ? v.getLong(8 * i) : width == 4 ? v.getInt(4 * i) : (type.equals("i1") ? v.get(i) : v.get(i) & 0xff);
				if (value != (int) value) throw new FileFormatException(file, where + " holds an integer too large for int32");
				out[i] = (int) value;
			}
			result = new NpyArray(dimsOut, null, out);
		}
		return fortran && dimsOut.length == 2 ? transposeFortran(result) : result;
	}

	private static NpyArray transposeFortran(final NpyArray a) {
		final int r = a.shape()[0], c = a.shape()[1];
		if (a.doubles() != null) {
			final double[] d = new double[r * c];
			for (int i = 0; i < r; i++)
				for (int j = 0; j < c; j++) d[i * c + j] = a.doubles()[j * r + i];
			return new NpyArray(a.shape(), d, null);
		}
		final int[] d = new int[r * c];
		for (int i = 0; i < r; i++)
			for (int j = 0; j < c; j++) d[i * c + j] = a.ints()[j * r + i];
		return new NpyArray(a.shape(), null, d);
	}
}
