package org.rate2spike.params;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/** Reads and copies records by component name, so that no record needs a hand-written {@code withX} per component. */
public final class Records {

	private Records() {}

	/** The value of {@code component} of {@code record}. */
	public static Object get(final Record record, final RecordComponent component) {
		try {
			return component.getAccessor().invoke(record);
		}
		catch (final IllegalAccessException | InvocationTargetException e) {
			throw new IllegalStateException("cannot read " + component, e);
		}
	}

	/** A copy of {@code record} with one component replaced. */
	@SuppressWarnings("unchecked")
	public static <R extends Record> R with(final R record, final RecordComponent component, final Object value) {
		final RecordComponent[] all = record.getClass().getRecordComponents();
		final Object[] args = new Object[all.length];
		for (int i = 0; i < all.length; i++)
			args[i] = all[i].getName().equals(component.getName()) ? value : get(record, all[i]);
		return (R) construct(record.getClass(), args);
	}

	/** A record of {@code type} from its components' values, in declaration order. */
	public static <R extends Record> R construct(final Class<R> type, final Object[] args) {
		final RecordComponent[] all = type.getRecordComponents();
		final Class<?>[] types = new Class<?>[all.length];
		for (int i = 0; i < all.length; i++) types[i] = all[i].getType();
		try {
			final Constructor<R> c = type.getDeclaredConstructor(types);
			c.setAccessible(true);
			return c.newInstance(args);
		}
		catch (final InvocationTargetException e) {
			if (e.getCause() instanceof RuntimeException r) throw r;
			throw new IllegalStateException("cannot construct " + type.getSimpleName(), e.getCause());
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
		}
	}
}
