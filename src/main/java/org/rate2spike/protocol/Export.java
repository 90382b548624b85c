package org.rate2spike.protocol;

import org.rate2spike.readout.Readout;
import org.rate2spike.task.Task;
import org.rate2spike.util.ParameterException;

/** A test run that also records the membrane potentials of chosen neurons, for export to other tools. */
public final class Export {

	/**
	 * @param result the test run (spikes, outputs, targets, rates)
	 * @param voltageNeurons the neurons whose potentials were recorded
	 * @param voltages [trial][neuron][step] for those neurons (the value after each step, reset included)
	 */
	public record Data(TestResult result, int[] voltageNeurons, double[][][] voltages) {}

	private Export() {}

	public static Data run(final TrainedNetwork net, final Task task, final int trials, final int[] voltageNeurons,
		final Readout readout, final Progress progress)
	{
		for (final int i : voltageNeurons)
			if (i < 0 || i >= net.neurons()) throw new ParameterException("voltages", "neuron " + i + " does not exist; use 0.." +
				(net.neurons() - 1));
		final double[][][] v = new double[trials][][];
		final TestResult r = TestStage.run(net, task, trials, progress, readout, (trial, t, tr, out, network) -> {
			if (trial < 0) return;
			if (v[trial] == null) v[trial] = new double[voltageNeurons.length][tr.steps()];
			for (int k = 0; k < voltageNeurons.length; k++) v[trial][k][t] = network.voltages()[voltageNeurons[k]];
		});
		return new Data(r, voltageNeurons.clone(), java.util.Arrays.copyOf(v, r.trials()));
	}
}
