package org.rate2spike.render;

import ij.measure.ResultsTable;

import org.rate2spike.protocol.PopulationAnalysis;
import org.rate2spike.protocol.SpikeTrainAnalysis;

/** ImageJ results tables of an E/I network's test by population. */
public final class PopulationTables {

	private PopulationTables() {}

	/** One row per population: neurons, rates (mean, median, 10th and 90th percentile), silent fraction, ISI CV, CV2, Fano factor. */
	public static ResultsTable statistics(final PopulationAnalysis a) {
		final ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		for (final PopulationAnalysis.Population p : a.populations()) {
			t.incrementCounter();
			t.addValue("Population", p.name());
			t.addValue("Neurons", p.neurons());
			t.addValue("Mean_rate_Hz", p.meanRateHz());
			t.addValue("Median_rate_Hz", p.rateQuantile(0.5));
			t.addValue("Rate_p10_Hz", p.rateQuantile(0.1));
			t.addValue("Rate_p90_Hz", p.rateQuantile(0.9));
			t.addValue("Silent_fraction", p.silentFraction());
			t.addValue("ISI_CV_within_trials", p.spikes().isiCv());
			t.addValue("CV2", p.spikes().cv2());
			t.addValue("Fano_factor", p.spikes().fanoFactor());
		}
		return t;
	}

	/** The PSTHs: {@code Time_s} and one column per population and condition, {@code PSTH_<population>_<label>} (Hz). */
	public static ResultsTable psth(final PopulationAnalysis a) {
		final ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		int bins = 0;
		for (final PopulationAnalysis.Population p : a.populations())
			for (final SpikeTrainAnalysis.Condition c : p.spikes().conditions()) bins = Math.max(bins, c.psthHz().length);
		final double bin = a.populations().get(0).spikes().binSeconds();
		for (int b = 0; b < bins; b++) {
			t.incrementCounter();
			t.addValue("Time_s", b * bin);
			for (final PopulationAnalysis.Population p : a.populations())
				for (final SpikeTrainAnalysis.Condition c : p.spikes().conditions())
					t.addValue("PSTH_" + p.name() + "_" + c.label(), b < c.psthHz().length ? c.psthHz()[b] : Double.NaN);
		}
		return t;
	}
}
