package org.rate2spike.fiji;

import java.lang.reflect.Type;

import ij.ImagePlus;
import ij.WindowManager;

import org.scijava.convert.AbstractConverter;
import org.scijava.convert.ConversionRequest;
import org.scijava.convert.Converter;
import org.scijava.plugin.Plugin;
import org.scijava.Priority;

/**
 * An open image by its title, as a macro names it ({@code targets_image=[calcium traces]}), for the image inputs of
 * the Rate2Spike commands: batch-mode images of a running macro count too. Low priority, so that a converter of
 * Fiji's own (imagej-legacy) is preferred where there is one. A title no open image has is not converted.
 */
@Plugin(type = Converter.class, priority = Priority.VERY_LOW)
public class ImageTitleConverter extends AbstractConverter<String, ImagePlus> {

	@Override
	public boolean canConvert(final Object src, final Type dest) {
		return src instanceof String s && dest == ImagePlus.class && WindowManager.getImage(s) != null;
	}

	@Override
	public boolean canConvert(final Object src, final Class<?> dest) {
		return src instanceof String s && dest == ImagePlus.class && WindowManager.getImage(s) != null;
	}

	@Override
	public boolean canConvert(final ConversionRequest request) {
		return canConvert(request.sourceObject(), request.destType());
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T convert(final Object src, final Class<T> dest) {
		return src instanceof String s ? (T) WindowManager.getImage(s) : null;
	}

	@Override
	public Class<ImagePlus> getOutputType() {
		return ImagePlus.class;
	}

	@Override
	public Class<String> getInputType() {
		return String.class;
	}
}
