package org.rate2spike.fiji;

import java.awt.Checkbox;
import java.awt.Choice;
import java.awt.Component;
import java.awt.TextField;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import ij.plugin.frame.Recorder;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.scijava.widget.FileWidget;

/**
 * A Rate2Spike command as an ImageJ 1.x plug-in (see {@link ImageJ1Menu}); the argument is the command's class name.
 * From a macro, the macro's keys are the command's field names, as in Fiji, and run through the same code as the
 * headless runner ({@link MacroRunner}). From the menu, an ImageJ dialog built from the command's parameters asks
 * for the inputs (labels, declared defaults, choices; <em>Help</em> lists each field's description), and the values
 * go to the command as macro keys, so that the dialog, the recorder and a macro mean the same. Each dialog component
 * is named after its field ({@link Component#getName()}).
 */
public class DialogBridge implements PlugIn {

	/** What an ImagePlus choice shows for "no image". */
	static final String NO_IMAGE = "[none]";

	@Override
	public void run(final String commandClass) {
		final String macroOptions = Macro.getOptions(); // per thread: read before anything else runs
		final Context context = ImageJ1Menu.context();
		if (context == null) {
			IJ.error("Rate2Spike", "the Rate2Spike commands are not installed in this ImageJ (ImageJ1Menu.install)");
			return;
		}
		final CommandInfo info = context.service(CommandService.class).getCommand(commandClass);
		final String options = macroOptions != null ? macroOptions : ask(context, info);
		if (options == null) return; // cancelled
		final String failure = MacroRunner.execute(context, commandClass, options);
		if (failure == null) return;
		// as in Fiji: the message is logged and shown on the status bar; a macro goes on with its next line
		IJ.log(info.getTitle() + ": " + failure);
		IJ.showStatus(failure);
		if (macroOptions == null) IJ.error(info.getTitle(), failure);
	}

	/** Shows the command's dialog; returns its values as macro options, or null when cancelled. */
	static String ask(final Context context, final CommandInfo info) {
		final GenericDialog gd = dialog(context, info);
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		return options(gd, info);
	}

	/** The dialog of a command: one component per input, in declaration order, each named after its field. */
	static GenericDialog dialog(final Context context, final CommandInfo info) {
		final Module module = context.service(ModuleService.class).createModule(info); // the declared defaults
		final GenericDialog gd = new GenericDialog(info.getTitle());
		final StringBuilder help = new StringBuilder("<html><h2>" + info.getTitle() + "</h2><table>");
		for (final ModuleItem<?> input : inputs(info)) {
			final String name = input.getName(), label = label(input);
			final Class<?> t = input.getType();
			final Object v = module.getInput(name);
			if (t == boolean.class || t == Boolean.class) {
				gd.addCheckbox(label, Boolean.TRUE.equals(v));
				last(gd.getCheckboxes()).setName(name);
			}
			else if (input.getChoices() != null && !input.getChoices().isEmpty()) {
				final String[] choices = input.getChoices().stream().map(String::valueOf).toArray(String[]::new);
				gd.addChoice(label, choices, v == null ? choices[0] : String.valueOf(v));
				last(gd.getChoices()).setName(name);
			}
			else if (t == ImagePlus.class) {
				final List<String> titles = new ArrayList<>(List.of(NO_IMAGE));
				final int[] ids = WindowManager.getIDList();
				if (ids != null) for (final int id : ids) titles.add(WindowManager.getImage(id).getTitle());
				gd.addChoice(label, titles.toArray(String[]::new), NO_IMAGE);
				last(gd.getChoices()).setName(name);
			}
			else if (MacroRunner.isNumber(t)) {
				gd.addStringField(label, v == null ? "" : String.valueOf(v), 10); // the text as typed reaches the command
				last(gd.getStringFields()).setName(name);
			}
			else if (t == File.class) {
				final String path = v == null ? "" : ((File) v).getPath();
				if (FileWidget.DIRECTORY_STYLE.equals(input.getWidgetStyle())) gd.addDirectoryField(label, path, 28);
				else gd.addFileField(label, path, 28);
				last(gd.getStringFields()).setName(name);
			}
			else if (t == String.class) {
				gd.addStringField(label, v == null ? "" : String.valueOf(v), 28);
				last(gd.getStringFields()).setName(name);
			}
			else continue; // no ImageJ widget for it: the command takes its declared default
			help.append("<tr><td><b>").append(label).append("</b> (").append(name).append(")</td><td>")
				.append(input.getDescription() == null ? "" : input.getDescription()).append("</td></tr>");
		}
		gd.addHelp(help.append("</table></html>").toString());
		return gd;
	}

	/** The dialog's values as macro options ({@code key=value key=[text]}), in field order; also recorded. */
	static String options(final GenericDialog gd, final CommandInfo info) {
		final List<String> parts = new ArrayList<>();
		for (final ModuleItem<?> input : inputs(info)) {
			final Component c = named(gd, input.getName());
			if (c == null) continue;
			final String value;
			if (c instanceof Checkbox b) value = Boolean.toString(b.getState());
			else if (c instanceof Choice ch) value = input.getType() == ImagePlus.class && NO_IMAGE.equals(ch.getSelectedItem()) ? ""
				: ch.getSelectedItem();
			else value = ((TextField) c).getText().trim();
			final boolean plain = !value.isEmpty() && value.chars().noneMatch(ch -> Character.isWhitespace(ch) || ch == '[' || ch == ']') &&
				(MacroRunner.isNumber(input.getType()) || c instanceof Checkbox);
			parts.add(input.getName() + "=" + (plain ? value : "[" + value + "]"));
			if (Recorder.record) Recorder.recordOption(input.getName(), value);
		}
		return String.join(" ", parts);
	}

	/** The component of field {@code name} in a dialog made by {@link #dialog}. */
	static Component named(final GenericDialog gd, final String name) {
		for (final java.util.Vector<?> v : new java.util.Vector<?>[] { gd.getCheckboxes(), gd.getChoices(), gd.getStringFields() })
			if (v != null) for (final Object o : v) if (o instanceof Component c && name.equals(c.getName())) return c;
		return null;
	}

	private static List<ModuleItem<?>> inputs(final CommandInfo info) {
		final List<ModuleItem<?>> l = new ArrayList<>();
		for (final ModuleItem<?> input : info.inputs()) if (!MacroRunner.isContextual(input.getType())) l.add(input);
		return l;
	}

	private static String label(final ModuleItem<?> input) {
		final String l = input.getLabel();
		return l == null || l.isBlank() ? input.getName() : l;
	}

	private static Component last(final java.util.Vector<?> v) {
		return (Component) v.lastElement();
	}
}
