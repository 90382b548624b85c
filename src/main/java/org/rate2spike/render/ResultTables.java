package org.rate2spike.render;

import ij.measure.ResultsTable;

import org.rate2spike.protocol.TrialStatistics;

/** ImageJ results tables; the column names are stable, since macros read them ({@code getResult("nMSE", 0)}). */
public final class ResultTables {

	public static final String TRIAL = "Trial", NMSE = "nMSE", RATE = "Rate_Hz", ISI_CV = "ISI_CV", SPIKES = "Spikes";

	private ResultTables() {}

	/** One row per test trial. */
	public static ResultsTable testTrials(final TrialStatistics[] rows) {
		final ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		for (final TrialStatistics r : rows) {
			t.incrementCounter();
			t.addValue(TRIAL, r.trial());
			t.addValue(NMSE, r.nmse());
			t.addValue(RATE, r.meanRateHz());
			t.addValue(ISI_CV, r.meanIsiCv());
			t.addValue(SPIKES, r.spikes());
		}
		t.setDecimalPlaces(t.getColumnIndex(NMSE), 6);
		return t;
	}
}
