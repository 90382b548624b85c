package org.rate2spike.fiji;

import java.util.List;

/** The Fiji command classes, for tests in other packages. */
public final class CommandsTestAccess {

	private CommandsTestAccess() {}

	public static List<Class<? extends Rate2SpikeCommand>> commands() {
		return CommandsTest.COMMANDS;
	}
}
