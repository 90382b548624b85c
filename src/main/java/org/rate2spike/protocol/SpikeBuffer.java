package org.rate2spike.protocol;

import java.util.Arrays;

import org.rate2spike.spiking.SpikingNetwork;

/** Spikes as (neuron, step) pairs in time order, in arrays that grow geometrically (no allocation per step). */
final class SpikeBuffer {

	private int[] neuron, step;
	private int size;

	SpikeBuffer(final int capacity) {
		neuron = new int[capacity];
		step = new int[capacity];
	}

	/** Appends the last step's spikes of {@code net}, stamped with {@code atStep}. */
	void add(final SpikingNetwork net, final int atStep) {
		final int count = net.spikeCount();
		if (size + count > neuron.length) {
			final int grown = Math.max(2 * neuron.length, size + count);
			neuron = Arrays.copyOf(neuron, grown);
			step = Arrays.copyOf(step, grown);
		}
		final int[] idx = net.spikes();
		for (int q = 0; q < count; q++) {
			neuron[size] = idx[q];
			step[size++] = atStep;
		}
	}

	void clear() {
		size = 0;
	}

	int[] neurons() {
		return Arrays.copyOf(neuron, size);
	}

	int[] steps() {
		return Arrays.copyOf(step, size);
	}
}
