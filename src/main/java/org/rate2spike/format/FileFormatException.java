package org.rate2spike.format;

import java.nio.file.Path;

import org.rate2spike.util.ParameterException;

/** A file that cannot be read as what it claims to be: names the file and what is wrong. */
public class FileFormatException extends ParameterException {

	private static final long serialVersionUID = 1L;

	public FileFormatException(final Path file, final String problem) {
		super("file", file + ": " + problem);
	}

	/** For data that are not a file on disk (e.g. an open image): names the source by its title. */
	public FileFormatException(final String source, final String problem) {
		super("file", source + ": " + problem);
	}
}
