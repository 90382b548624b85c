package org.rate2spike.fiji;

import ij.Macro;
import ij.plugin.PlugIn;

/**
 * The ImageJ 1.x side of a Rate2Spike command in the headless macro runner: IJ1 runs this plug-in with the
 * command's class name as argument (see {@link MacroRunner#register}).
 */
public class MacroBridge implements PlugIn {

	@Override
	public void run(final String commandClass) {
		// The macro's options are kept per thread: read them here, before SciJava runs the command on another thread.
		MacroRunner.runCommand(commandClass, Macro.getOptions());
	}
}
