package org.rate2spike.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.rate2spike.protocol.PopulationAnalysis;
import org.rate2spike.protocol.SpikeTrainAnalysis;
import org.rate2spike.spiking.Populations;
import org.rate2spike.protocol.TestResult;

/** Where a command line run writes: results on {@code out}, progress, notes and errors on {@code err}. */
record Console(PrintStream out, PrintStream err, ConsoleProgress progress) {

	void printDrift(final TestResult r) {
		if (r.driftWarning() != null) out.println("warning: " + r.driftWarning());
	}

	/** The spike-train statistics of summary.json, one line. */
	void printSpikeTrains(final TestResult r) {
		final SpikeTrainAnalysis a = SpikeTrainAnalysis.of(r);
		out.printf("spike trains within trials: ISI CV %.3g (%d neurons), CV2 %.3g (%d neurons), Fano factor %.3g (counts " +
			"over the trial); PSTH in %s%n", a.isiCv(), a.isiCvNeurons(), a.cv2(), a.cv2Neurons(), a.fanoFactor(),
			r.conditionLabels().length < 2 ? "psth.png" : "psth_<condition>.png");
	}

	/** E/I networks: one line per population (rates, ISI CV, CV2, Fano factor); nothing for one population. */
	void printPopulations(final TestResult r, final Populations pops) {
		if (!pops.dale()) return;
		for (final PopulationAnalysis.Population p : PopulationAnalysis.of(r, pops).populations())
			out.printf("population %s (%d neurons): mean rate %.2f Hz (median %.2f), ISI CV %.3g, CV2 %.3g, Fano factor %.3g%n",
				p.name(), p.neurons(), p.meanRateHz(), p.rateQuantile(0.5), p.spikes().isiCv(), p.spikes().cv2(), p.spikes().fanoFactor());
	}

	/** The task's scores and, for tasks with several conditions, the median test nMSE of each condition. */
	void printScores(final TestResult r) {
		for (final Map.Entry<String, Object> e : r.scores().entrySet()) {
			if (e.getValue() instanceof Number n) out.printf("%s: %.5f%n", e.getKey().replace('_', ' '), n.doubleValue());
			else if (e.getValue() instanceof List<?> list) for (final Object o : list)
				if (o instanceof Map<?, ?> c) out.printf("condition %s: median test nMSE %.5f (%s trials)%n", c.get("condition"),
					((Number) c.get("median_test_nmse")).doubleValue(), c.get("trials"));
		}
	}
}
