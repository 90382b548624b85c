package org.rate2spike.fiji;

import java.awt.Menu;
import java.awt.MenuBar;
import java.awt.MenuItem;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import ij.IJ;
import ij.ImageJ;
import ij.Menus;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;

/**
 * The Rate2Spike commands in plain ImageJ 1.x's window (without Fiji and imagej-legacy): a submenu
 * <em>Plugins › Rate2Spike</em> with one item per command, each running {@link DialogBridge}, which opens an ImageJ
 * dialog built from the command's parameters (or, from a macro, takes the macro's keys). Installed programmatically,
 * never through a {@code plugins.config} in the plugin jar: Fiji finds the commands through SciJava's index and
 * would otherwise list each twice.
 * <pre>
 * new ij.ImageJ();
 * ImageJ1Menu.install(new org.scijava.Context());
 * </pre>
 */
public final class ImageJ1Menu {

	/** The submenu's name under Plugins. */
	public static final String SUBMENU = "Rate2Spike";

	private static volatile Context context;

	private ImageJ1Menu() {}

	/**
	 * Adds <em>Plugins › Rate2Spike</em> to the running ImageJ 1.x (once; again, it only changes the context commands
	 * run in) and returns the menu labels, in menu order.
	 */
	public static synchronized List<String> install(final Context ctx) {
		final ImageJ ij = IJ.getInstance();
		if (ij == null) throw new IllegalStateException("ImageJ 1.x is not running: start it first (new ij.ImageJ())");
		context = ctx;
		final Menu plugins = pluginsMenu();
		Menu sub = submenu(plugins);
		final List<String> labels = new ArrayList<>();
		@SuppressWarnings("unchecked")
		final Hashtable<String, String> commands = Menus.getCommands();
		final boolean fresh = sub == null;
		if (fresh) sub = new Menu(SUBMENU);
		for (final CommandInfo info : ctx.service(CommandService.class).getCommands()) {
			if (!info.getClassName().startsWith("org.rate2spike.") || info.getMenuPath().isEmpty()) continue;
			final String label = info.getMenuPath().getLeaf().getName();
			labels.add(label);
			commands.put(label, DialogBridge.class.getName() + "(\"" + info.getClassName() + "\")");
			if (fresh) {
				final MenuItem item = new MenuItem(label);
				item.addActionListener(ij); // ImageJ runs the label's entry of its command table, as for its own items
				sub.add(item);
			}
		}
		if (fresh) plugins.add(sub);
		return labels;
	}

	/** The context the installed commands run in (null before {@link #install}). */
	static Context context() {
		return context;
	}

	/** The items of <em>Plugins › Rate2Spike</em> in the menu bar, as shown; empty when it is not installed. */
	public static List<String> items() {
		final List<String> items = new ArrayList<>();
		final Menu sub = IJ.getInstance() == null ? null : submenu(pluginsMenu());
		if (sub != null) for (int i = 0; i < sub.getItemCount(); i++) items.add(sub.getItem(i).getLabel());
		return items;
	}

	/** The menu item of a Rate2Spike command, e.g. to run it as a click on it would; null when there is none. */
	public static MenuItem item(final String label) {
		final Menu sub = IJ.getInstance() == null ? null : submenu(pluginsMenu());
		if (sub != null) for (int i = 0; i < sub.getItemCount(); i++) if (sub.getItem(i).getLabel().equals(label)) return sub.getItem(i);
		return null;
	}

	private static Menu pluginsMenu() {
		final MenuBar bar = Menus.getMenuBar();
		if (bar != null) for (int i = 0; i < bar.getMenuCount(); i++) if ("Plugins".equals(bar.getMenu(i).getLabel())) return bar.getMenu(i);
		throw new IllegalStateException("ImageJ 1.x has no Plugins menu");
	}

	private static Menu submenu(final Menu plugins) {
		for (int i = 0; i < plugins.getItemCount(); i++)
			if (plugins.getItem(i) instanceof Menu m && SUBMENU.equals(m.getLabel())) return m;
		return null;
	}
}
