package org.rate2spike.protocol;

import java.util.function.Consumer;

import org.rate2spike.learn.Rls;

/**
 * Training in the middle of the RLS phase, complete enough to continue bit for bit: the network trained so far
 * (a partial {@link TrainedNetwork} that can itself be tested or saved), the spiking network's state after the last
 * finished trial, and the RLS state. {@code io.NetworkFile} saves and loads it.
 *
 * @param network the weights and training log after {@code trialsDone} RLS trials
 * @param networkState {@code SpikingNetwork.saveState()} after that trial
 * @param rls the RLS state after that trial
 * @param trialsDone RLS trials finished
 */
public record Checkpoint(TrainedNetwork network, double[][] networkState, Rls.Snapshot rls, int trialsDone) {

	/** Every {@code every} RLS trials (0: never), {@code sink} receives a checkpoint. */
	public record Schedule(int every, Consumer<Checkpoint> sink) {

		public static final Schedule NONE = new Schedule(0, c -> {});
	}
}
