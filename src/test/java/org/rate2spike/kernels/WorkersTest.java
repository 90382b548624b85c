package org.rate2spike.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkersTest {

	private final int threadsBefore = Workers.threads();

	@AfterEach
	void restore() {
		Workers.setThreads(threadsBefore);
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3 })
	void eachRunsEveryTaskOnce(final int threads) {
		Workers.setThreads(threads);
		final AtomicIntegerArray runs = new AtomicIntegerArray(37);
		Workers.each(runs.length(), i -> runs.incrementAndGet(i));
		for (int i = 0; i < runs.length(); i++) assertEquals(1, runs.get(i), "task " + i);
		Workers.each(0, i -> {
			throw new AssertionError("no task to run");
		});
	}

	/** A task on the pool that runs a batch of its own must not wait for pool threads busy with its caller's batch. */
	@ParameterizedTest
	@ValueSource(ints = { 2, 3 })
	void eachInsideAPoolTaskDoesNotWaitForItself(final int threads) {
		Workers.setThreads(threads);
		final AtomicInteger inner = new AtomicInteger();
		org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> Workers.each(
			threads, i -> Workers.each(5, j -> inner.incrementAndGet())));
		assertEquals(5 * threads, inner.get());
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3 })
	void eachRethrowsAFailureOnceTheStartedTasksAreDone(final int threads) {
		Workers.setThreads(threads);
		final IllegalStateException boom = new IllegalStateException("task 3 failed");
		final AtomicInteger running = new AtomicInteger();
		final IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Workers.each(20, i -> {
			running.incrementAndGet();
			try {
				if (i == 3) throw boom;
				Thread.sleep(2);
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			finally {
				running.decrementAndGet();
			}
		}));
		assertSame(boom, thrown);
		assertEquals(0, running.get(), "a task was still running after each() returned");
	}
}
