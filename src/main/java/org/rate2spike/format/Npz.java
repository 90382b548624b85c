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

	public static Contents read(final Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new FileFormatException(file, "does not exist or is not a file");
		final Map<String, NpyArray> arrays = new LinkedHashMap<>();
		final Map<String, String> texts = new LinkedHashMap<>();
		try (InputStream is = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(is)) {
			ZipEntry e;
			int entries = 0;
			while ((e = zip.getNextEntry()) != null) {
				entries++;
				final byte[] data = readAll(zip);
				if (e.getName().endsWith(".npy")) {
					final String name = e.getName().substring(0, e.getName().length() - 4);
					arrays.put(name, parseNpy(file, name, data));
				}
				else texts.put(e.getName(), new String(data, StandardCharsets.UTF_8));
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
		final String[] dims = s.group(1).split(",");
		int count = 0;
		final int[] shape = new int[dims.length];
		long size = 1;
		for (final String dim : dims) {
			if (dim.isBlank()) continue;
			try {
				shape[count] = Integer.parseInt(dim.trim());
			}
			catch (final NumberFormatException e) {
				throw new FileFormatException(file, where + " has an unreadable shape");
			}
			if (shape[count] < 0) throw new FileFormatException(file, where + " has a negative dimension");
			size *= shape[count++];
		}
		final int[] dimsOut = java.util.Arrays.copyOf(shape, count);
		final ByteOrder order = descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
		final String type = descr.substring(1);
		final int width;
		switch (type) {
			case "f8": case "i8": width = 8; break;
			case "f4": case "i4": width = 4; break;
			case "u1": case "b1": case "i1": width = 1; break;
			default: throw new FileFormatException(file, where + " has unsupported type '" + descr + "' (use float64, float32 or int32)");
		}
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
