package org.rate2spike.render;

import ij.measure.ResultsTable;

import org.rate2spike.protocol.ReadoutStage;
import org.rate2spike.protocol.SpikeTrainAnalysis;
import org.rate2spike.protocol.TrialStatistics;
import org.rate2spike.sweep.SweepResult;
import org.rate2spike.sweep.SweepTable;

/** ImageJ results tables; the column names are stable, since macros read them ({@code getResult("nMSE", 0)}). */
public final class ResultTables {

	public static final String TRIAL = "Trial", NMSE = "nMSE", RATE = "Rate_Hz", ISI_CV = "ISI_CV", SPIKES = "Spikes";

	/** Columns of the readout table (one row per channel); the penalty is NaN for RLS. */
	public static final String CHANNEL = "Channel", TRAIN_NMSE = "Train_nMSE", TRAIN_R2 = "Train_R2",
		HELDOUT_NMSE = "Heldout_nMSE", HELDOUT_R2 = "Heldout_R2", PENALTY = "Penalty";

	/** Columns of the spike-statistics table (one row per condition; ISI_CV_within and CV2 are the test's). */
	public static final String CONDITION = "Condition", TRIALS = "Trials", FANO = "Fano_factor",
		FANO_WINDOW = "Fano_window_s", ISI_CV_WITHIN = "ISI_CV_within", CV2 = "CV2", TIME = "Time_s";

	private ResultTables() {}

	/** One row per read-out channel: nMSE and R² on the fit and the held-out trials, and the chosen penalty. */
	public static ResultsTable readout(final ReadoutStage.Result r) {
		final ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		for (int c = 0; c < r.readout().channels(); c++) {
			t.incrementCounter();
			t.addValue(CHANNEL, c + 1);
			t.addValue(TRAIN_NMSE, r.trainNmse()[c]);
			t.addValue(TRAIN_R2, r.trainR2()[c]);
			t.addValue(HELDOUT_NMSE, r.readout().heldoutNmse()[c]);
			t.addValue(HELDOUT_R2, r.readout().heldoutR2()[c]);
			t.addValue(PENALTY, r.readout().penalty());
		}
		for (final String col : new String[] { TRAIN_NMSE, TRAIN_R2, HELDOUT_NMSE, HELDOUT_R2, PENALTY })
			t.setDecimalPlaces(t.getColumnIndex(col), 6);
		return t;
	}

	/**
	 * One row per sweep point or rate baseline, the columns of sweep.csv: kind, key, the axes (numbers where they
	 * are numbers), seed, median_test_nmse, mean_test_nmse, mean_rate_hz, pcs, wall_s, message.
	 */
	public static ResultsTable sweep(final SweepResult r, final java.util.List<String> axes) {
		final ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		for (final SweepTable.Row row : r.rows()) {
			t.incrementCounter();
			t.addValue("kind", row.kind());
			t.addValue("key", row.key());
			for (final String a : axes) {
				final String v = row.values().get(a);
				if (v == null) t.addValue(a, Double.NaN);
				else {
					try {
						t.addValue(a, Double.parseDouble(v));
					}
					catch (final NumberFormatException e) {
						t.addValue(a, v);
					}
				}
			}
			t.addValue("seed", row.seed());
			t.addValue("median_test_nmse", row.medianNmse());
			t.addValue("mean_test_nmse", row.meanNmse());
			t.addValue("mean_rate_hz", row.rateHz());
			t.addValue("pcs", row.pcs());
			t.addValue("wall_s", row.wallSeconds());
			t.addValue("message", row.message());
		}
		if (t.size() > 0) for (final String col : new String[] { "median_test_nmse", "mean_test_nmse" })
			t.setDecimalPlaces(t.getColumnIndex(col), 6);
		return t;
	}

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

	/** One row per condition: its test trials, Fano factor and count window, and the test's ISI CV and CV2. */
	public static ResultsTable spikeStatistics(final SpikeTrainAnalysis a) {
		final ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		for (final SpikeTrainAnalysis.Condition c : a.conditions()) {
			t.incrementCounter();
			t.addValue(CONDITION, c.label());
			t.addValue(TRIALS, c.trials());
			t.addValue(FANO_WINDOW, c.windowSeconds());
			t.addValue(FANO, c.fanoFactor());
			t.addValue(ISI_CV_WITHIN, a.isiCv());
			t.addValue(CV2, a.cv2());
		}
		return t;
	}

	/** The PSTHs: {@code Time_s} (each bin's start) and one column of rates (Hz) per condition, {@code PSTH_<label>}. */
	public static ResultsTable psth(final SpikeTrainAnalysis a) {
		final ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		int bins = 0;
		for (final SpikeTrainAnalysis.Condition c : a.conditions()) bins = Math.max(bins, c.psthHz().length);
		for (int b = 0; b < bins; b++) {
			t.incrementCounter();
			t.addValue(TIME, b * a.binSeconds());
			for (final SpikeTrainAnalysis.Condition c : a.conditions())
				t.addValue("PSTH_" + c.label(), b < c.psthHz().length ? c.psthHz()[b] : Double.NaN);
		}
		return t;
	}
}
