package org.rate2spike.fiji;

import java.io.File;
import java.io.IOException;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;

import org.rate2spike.format.DataFiles;
import org.rate2spike.format.Dataset;
import org.rate2spike.format.RoiTraces;
import org.rate2spike.util.ParameterException;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * From an imaging experiment to targets: a time-lapse and ROIs give one trace per ROI per condition (mean intensity,
 * or ΔF/F₀), as an image in the data format (width = time, height = ROIs, slices = conditions) ready for the data
 * fields of the training and test commands, and as the table <em>Rate2Spike traces</em>.
 * <p>
 * The ROIs come from a RoiSet (.zip) or .roi file when one is given, else from the ROI Manager, else from the
 * movie's overlay (what a headless macro can hold: {@code Overlay.addSelection}).
 */
@Plugin(type = Command.class, menuPath = Rate2SpikeCommand.MENU + TracesFromRois.TITLE, headless = true)
public class TracesFromRois extends Rate2SpikeCommand {

	public static final String TITLE = "Traces from ROIs";
	/** Title of the results table: columns condition, time, then one per ROI. */
	public static final String TABLE = "Rate2Spike traces";

	@Parameter(label = "Time-lapse", description = "the movie (x, y, time; a hyperstack's slices are conditions); " +
		"empty: the active image", required = false, persist = false)
	private ImagePlus movie;

	@Parameter(label = "ROIs file (optional)", description = "a RoiSet (.zip) or .roi file; empty: the ROI Manager, " +
		"else the movie's overlay", required = false, style = FileWidget.OPEN_STYLE)
	private File roi_file;

	@Parameter(label = "ΔF/F₀", description = "(F − F0)/F0 per ROI and condition, F0 the mean over the window below; " +
		"unticked: the mean intensity", required = false)
	private boolean delta_f = true;

	@Parameter(label = "F₀ window start (s)", description = "ΔF/F₀: start of the baseline window, the first frame at 0 s",
		min = "0", max = "100000", stepSize = "0.05")
	private double f0_start = 0;

	@Parameter(label = "F₀ window end (s)", description = "ΔF/F₀: end of the baseline window (exclusive)", min = "0",
		max = "100000", stepSize = "0.05")
	private double f0_end = 0.5;

	@Parameter(label = "Frame interval (s)", description = "seconds between frames when the movie has no frame " +
		"interval (0: from the movie)", min = "0", max = "10", stepSize = "0.001")
	private double frame_interval = 0;

	@Parameter(label = "Traces", type = ItemIO.OUTPUT)
	private ImagePlus traces;

	@Parameter(label = "Traces table", type = ItemIO.OUTPUT)
	private ResultsTable traces_table;

	private Dataset data;

	@Override
	protected void execute() throws IOException {
		final ImagePlus imp = movie != null ? movie : WindowManager.getCurrentImage();
		if (imp == null) throw new ParameterException("movie", "no image: open a time-lapse first");
		final Roi[] rois = rois(imp);
		data = RoiTraces.traces(imp, rois, new RoiTraces.Options(frame_interval, delta_f, f0_start, f0_end));
		traces = DataFiles.toImage(data, "Traces (" + imp.getTitle() + ")");
		traces_table = table(data);
		Tables.publish(traces_table, TABLE);
		report(String.format(java.util.Locale.ROOT, "%d ROIs × %d condition(s), %d frames at %.4g s%s", rois.length,
			data.conditionCount(), data.samples(0), data.times()[0][1], delta_f ? String.format(java.util.Locale.ROOT,
				", ΔF/F0 with F0 from %g-%g s", f0_start, f0_end) : ", mean intensity"));
	}

	private Roi[] rois(final ImagePlus imp) throws IOException {
		if (roi_file != null && !roi_file.getPath().isBlank()) return RoiTraces.read(roi_file.toPath());
		// without a screen ImageJ 1.x cannot make a ROI Manager (not even the hidden one of batch-mode macros)
		final RoiManager rm = java.awt.GraphicsEnvironment.isHeadless() ? null : RoiManager.getInstance2();
		if (rm != null && rm.getCount() > 0) return rm.getRoisAsArray();
		final Overlay overlay = imp.getOverlay();
		if (overlay != null && overlay.size() > 0) return overlay.toArray();
		throw new ParameterException("roi_file", "no ROIs: add them to the ROI Manager or the image's overlay, or give a " +
			"RoiSet (.zip) or .roi file");
	}

	/** condition, time (s), then one column per ROI: the table format of the data task. */
	static ResultsTable table(final Dataset d) {
		final ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		for (int c = 0; c < d.conditionCount(); c++)
			for (int j = 0; j < d.samples(c); j++) {
				t.incrementCounter();
				t.addValue("condition", d.conditions()[c]);
				t.addValue("time", d.times()[c][j]);
				for (int k = 0; k < d.channelCount(); k++) t.addValue(d.channels()[k], d.values()[c][k][j]);
			}
		return t;
	}

	public ImagePlus traces() {
		return traces;
	}

	public ResultsTable table() {
		return traces_table;
	}

	public Dataset data() {
		return data;
	}
}
