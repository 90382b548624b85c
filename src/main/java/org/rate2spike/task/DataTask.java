package org.rate2spike.task;

import org.rate2spike.format.Dataset;

import java.util.Map;
import java.util.Random;

import org.rate2spike.format.FileFormatException;
import org.rate2spike.util.Check;
import org.rate2spike.util.ParameterException;

/**
 * Trials made from data: one condition per trial, drawn uniformly at random. The data of each condition are
 * resampled to dt by linear interpolation and, with {@code normalize = max}, each target channel is divided by its
 * largest absolute value over all conditions.
 *
 * <p><b>Cued trials</b> (no input data): three inputs, a condition cue (0.5·cos θ, 0.5·sin θ) with θ = 2π·c/C for
 * condition c of C, and a go channel. A trial is a rest of 200–400 ms (inputs and targets zero), a preparatory period
 * of 300–500 ms in which the cue is on and the targets rise smoothly (raised cosine) from zero to the condition's
 * first sample, the data (cue still on), and 200 ms after it in which the cue is off and the targets return smoothly
 * to zero. The go channel ({@code go_cue}) is a hold signal (amplitude 1) on through the preparatory period and off
 * where the data start, as in the method's authors' reaching trials ({@code hold}, the default: the sharp synthetic
 * EMG's median per-condition nMSE 0.20 → 0.16 at seed 1, docs/fit-quality.md), or a go pulse (20 ms, amplitude 1)
 * where the data start ({@code pulse}, networks trained before the option).
 *
 * <p><b>Trials with input data</b>: the inputs are the input channels of the condition, and a trial is a rest of
 * 200–400 ms (inputs and targets zero) followed by the data.
 *
 * <p><b>Continuous trials</b> ({@code trial_layout continuous}, or {@code auto} for periodic data): a trial is the
 * condition's data alone and trials follow each other without rest, like the built-in oscillation. Without input data
 * the one input is a start pulse ({@value #PULSE} s, amplitude {@value #PULSE_AMPLITUDE}) at each trial's first step,
 * as in the method's authors' cycling demo. {@code auto} chooses it for a single condition whose last sample meets its
 * first (every channel of the targets and of the activity within {@value #PERIODIC_TOLERANCE} of its range): a cycle
 * that the network should keep running, not stop and restart from rest after every trial (cycling EMG with recorded
 * factors: mean test nMSE 0.19 separate, see docs/fit-quality.md).
 *
 * <p><b>Population activity</b> (optional, same conditions and durations as the targets): carried by every trial as
 * {@link Trial#activity()}, padded like the targets but resting at the mean first sample of all conditions instead
 * of zero, and scaled by one factor for all neurons so that its mean squared norm over the data is
 * {@value #ACTIVITY_POWER} (the size of the teacher signal of a 500-unit rate network).
 */
public final class DataTask implements Task {

	public static final String NAME = "data";
	public static final double REST_MIN = 0.2, REST_MAX = 0.4, PREP_MIN = 0.3, PREP_MAX = 0.5, GO = 0.02, POST = 0.2,
		CUE = 0.5, PULSE = 0.05, PULSE_AMPLITUDE = 2, PERIODIC_TOLERANCE = 0.1;
	/** Mean squared norm of the scaled population activity. */
	public static final double ACTIVITY_POWER = 500;

	private final String name;
	private final double dt;
	private final String[] labels;
	private final double[][][] targets; // [condition][channel][step]
	private final double[][][] inputs; // null: cued
	private final double[][][] activity; // null: none
	private final double[] activityRest;
	private final double activityScale;
	private final String[] channelNames;
	private final DataSpec spec;
	private final boolean continuous;
	private final boolean hold;

	/**
	 * @param name the task's name ({@code data}, {@code reach})
	 * @param targets desired outputs
	 * @param inputs input channels with the same conditions and durations, or null to cue the conditions
	 * @param activity population activity with the same conditions and durations, or null
	 * @param dt time step (s)
	 * @param normalize {@code none} or {@code max}
	 */
	public DataTask(final String name, final Dataset targets, final Dataset inputs, final Dataset activity, final double dt,
		final String normalize)
	{
		this(name, new DataSpec(targets, inputs, activity, DataOptions.NONE.with("normalize", normalize)), dt);
	}

	/** The task made of {@code spec}'s data sets, normalised as its options say. */
	public DataTask(final String name, final DataSpec spec, final double dt) {
		final Dataset targets = spec.targets(), inputs = spec.inputs(), activity = spec.factors();
		final String normalize = spec.options().normalize();
		this.name = name;
		this.spec = spec;
		this.dt = Check.positive("dt", dt);
		labels = targets.conditions().clone();
		channelNames = targets.channels().clone();
		for (int c = 0; c < labels.length; c++)
			if (targets.steps(c, dt) < 2) throw new FileFormatException(targets.source(), "condition '" + labels[c] +
				"' lasts " + targets.duration(c) + " s, less than two time steps of dt = " + dt + " s");
		this.targets = targets.resample(dt);
		if ("max".equals(normalize)) normalizeByMax(this.targets);
		else if (!"none".equals(normalize)) throw new ParameterException("normalize", "must be none or max (got '" + normalize + "')");
		else checkScale(targets.source(), this.targets, channelNames);
		this.inputs = inputs == null ? null : matched(inputs, targets, dt);
		this.activity = activity == null ? null : matched(activity, targets, dt);
		if (this.activity != null) {
			double sum = 0;
			long n = 0;
			activityRest = new double[activity.channelCount()];
			for (final double[][] cond : this.activity) {
				for (int i = 0; i < cond.length; i++) activityRest[i] += cond[i][0] / this.activity.length;
				for (int t = 0; t < cond[0].length; t++, n++)
					for (final double[] ch : cond) sum += ch[t] * ch[t];
			}
			if (!(sum > 0)) throw new FileFormatException(activity.source(), "the population activity is zero everywhere");
			activityScale = Math.sqrt(ACTIVITY_POWER * n / sum);
		}
		else {
			activityRest = null;
			activityScale = 0;
		}
		hold = switch (spec.options().goCue()) {
			case DataOptions.HOLD -> true;
			case DataOptions.PULSE -> false;
			default -> throw new ParameterException("go_cue", "must be hold or pulse (got '" + spec.options().goCue() + "')");
		};
				continuous = switch (spec.options().trialLayout()) {
			case "continuous" -> true;
			case "separate" -> false;
			case "auto" -> labels.length == 1 && periodic(this.targets[0]) && (this.activity == null || periodic(this.activity[0]));
			default -> throw new ParameterException("trial_layout", "must be auto, separate or continuous (got '" +
				spec.options().trialLayout() + "')");
		};
	}

	/** True when every channel ends within {@link #PERIODIC_TOLERANCE} of its range from where it starts. */
	static boolean periodic(final double[][] condition) {
		for (final double[] ch : condition) {
			double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
			for (final double v : ch) {
				lo = Math.min(lo, v);
				hi = Math.max(hi, v);
			}
			if (Math.abs(ch[ch.length - 1] - ch[0]) > PERIODIC_TOLERANCE * (hi - lo)) return false;
		}
		return true;
	}

	/** The data of {@code other}, resampled, condition by condition in the order of {@code targets}. */
	private static double[][][] matched(final Dataset other, final Dataset targets, final double dt) {
		final double[][][] all = other.resample(dt);
		final double[][][] r = new double[targets.conditionCount()][][];
		for (int c = 0; c < r.length; c++) {
			final String label = targets.conditions()[c];
			int k = other.indexOf(label);
			if (k < 0 && other.conditionCount() == targets.conditionCount() && other.conditionCount() == 1) k = 0;
			if (k < 0) throw new FileFormatException(other.source(), "has no condition '" + label + "', which " +
				targets.source() + " has (its conditions: " + String.join(", ", other.conditions()) + ")");
			if (other.steps(k, dt) != targets.steps(c, dt)) throw new FileFormatException(other.source(), "condition '" +
				label + "' lasts " + other.duration(k) + " s (" + other.samples(k) + " samples) but " + targets.source() +
				" has it lasting " + targets.duration(c) + " s (" + targets.samples(c) + " samples); inputs, targets and " +
				"activity must have the same length in every condition");
			r[c] = all[k];
		}
		if (other.conditionCount() != targets.conditionCount()) for (final String label : other.conditions())
			if (targets.indexOf(label) < 0) throw new FileFormatException(other.source(), "has condition '" + label +
				"', which " + targets.source() + " lacks");
		return r;
	}

	/** Targets larger than this (in absolute value) are refused without normalize = max: they overflow the teacher. */
	public static final double MAX_TARGET = 1e6;

	/** Refuses targets so large that the rate teacher's covariance overflows (or its units only saturate). */
	private static void checkScale(final String source, final double[][][] data, final String[] channels) {
		for (int ch = 0; ch < data[0].length; ch++) {
			double max = 0;
			for (final double[][] cond : data)
				for (final double v : cond[ch]) max = Math.max(max, Math.abs(v));
			if (!(max <= MAX_TARGET)) throw new FileFormatException(source, "target channel '" + channels[ch] + "' reaches " +
				max + ", too large to train on (at most " + MAX_TARGET + "); give normalize = max (--normalize max) to divide " +
				"each channel by its largest value, or rescale the data");
		}
	}

	private static void normalizeByMax(final double[][][] data) {
		for (int ch = 0; ch < data[0].length; ch++) {
			double max = 0;
			for (final double[][] cond : data)
				for (final double v : cond[ch]) max = Math.max(max, Math.abs(v));
			if (max > 0) for (final double[][] cond : data)
				for (int t = 0; t < cond[ch].length; t++) cond[ch][t] /= max;
		}
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public int inputs() {
		return inputs != null ? inputs[0].length : continuous ? 1 : 3;
	}

	@Override
	public int outputs() {
		return targets[0].length;
	}

	@Override
	public double dt() {
		return dt;
	}

	@Override
	public int conditions() {
		return labels.length;
	}

	@Override
	public String conditionLabel(final int condition) {
		return labels[condition];
	}

	/** The data and options this task is made of (what a network file keeps of it). */
	public DataSpec spec() {
		return spec;
	}

	/** True when the conditions are cued (no input data, separate trials: three inputs). */
	public boolean cued() {
		return inputs == null && !continuous;
	}

	/** True when a trial is the data alone and trials follow each other without rest. */
	public boolean continuous() {
		return continuous;
	}

	/** Names of the target channels. */
	public String[] channels() {
		return channelNames.clone();
	}

	/** True when trials carry population activity, whose PCs then replace the rate network's. */
	@Override
	public boolean hasActivity() {
		return activity != null;
	}

	/**
	 * Separate trials: every neuron read out, and for cued conditions (a rest, a cue, the data) {@value #CUED_NEURONS}
	 * neurons and a rate network a little below the global gain, g̃ = {@value #CUED_RATE_GAIN} (means of seeds 1–3,
	 * reduced protocol: the sharp synthetic EMG 0.182 at g̃ 1.0, 0.140 at 1.2, 0.138 at 1.3, 0.142 at 1.4, 0.223 at
	 * 1.6; the smooth reach 0.016 at 1.0, 0.015 at 1.2, 0.018 at 1.3; every neuron read out: reach 0.066 → 0.018, the
	 * sharp EMG 0.29 → 0.19). With input data g̃ 1.0 (the sharp EMG with its 300-ms cue as inputs,
	 * test-data/reach_emg_hard_inputs.csv: 0.130 at 1.0, 0.160 at 1.2). Periodic data run as a cycle get only g̃ 1.0,
	 * the setting they were measured with (cycling EMG, docs/tasks-and-data.md); nothing when the factors come from
	 * recorded activity. These settings are applied where the user sets nothing else, so only what was measured is
	 * named.
	 */
	@Override
	public Map<String, Double> suggested() {
		if (hasActivity()) return Map.of();
		if (continuous) return Map.of("rate_gain", 1.0);
		return cued() ? Map.of("rate_gain", CUED_RATE_GAIN, "trained_fraction", 1.0, "neurons", (double) CUED_NEURONS)
			: Map.of("rate_gain", 1.0, "trained_fraction", 1.0);
	}

	/**
	 * The network size the task chooses for cued conditions: twice the global default, which halves the error on both
	 * synthetic sets (full default protocol, seeds 1–3: the sharp EMG 0.076–0.091 against 0.126–0.130 at N = 500; the
	 * smooth reach at a reduced protocol 0.0080 against 0.0154) for about twice the time.
	 */
	public static final int CUED_NEURONS = 1000;

	/** The rate network's gain the task chooses for cued conditions in separate trials (see {@link #suggested()}). */
	public static final double CUED_RATE_GAIN = 1.2;

	/** Number of recorded units in the population activity (0 without). */
	public int activityUnits() {
		return activity == null ? 0 : activity[0].length;
	}

	/** The resampled (and normalised) targets of one condition, [channel][step]; do not modify. */
	public double[][] targets(final int condition) {
		return targets[condition];
	}

	private int steps(final double seconds) {
		return (int) Math.round(seconds / dt);
	}

	/** Steps of a condition's data at this task's dt (what anything given per condition must last). */
	public int dataSteps(final int condition) {
		return targets[condition][0].length;
	}

	@Override
	public Trial nextTrial(final Random rng) {
		final int c = rng.nextInt(labels.length);
		final int rest = steps(REST_MIN + (REST_MAX - REST_MIN) * rng.nextDouble());
		final double[][] data = targets[c];
		final int n = data[0].length;
		if (continuous) {
			final DataWindow w = new DataWindow(0, 0, n, 0);
			final double[][] in;
			if (inputs != null) in = inputs[c];
			else {
				in = new double[1][n];
				for (int t = 0; t < Math.min(n, Math.max(1, steps(PULSE))); t++) in[0][t] = PULSE_AMPLITUDE;
			}
			return new Trial(in, data, c, activity(c, w), w);
		}
		if (inputs != null) {
			final DataWindow w = new DataWindow(rest, 0, n, 0);
			final double[][] in = new double[inputs[c].length][rest + n];
			for (int k = 0; k < in.length; k++) System.arraycopy(inputs[c][k], 0, in[k], rest, n);
			return new Trial(in, w.place(data, new double[data.length], 1), c, activity(c, w), w);
		}
		final int prep = steps(PREP_MIN + (PREP_MAX - PREP_MIN) * rng.nextDouble());
		final DataWindow w = new DataWindow(rest, prep, n, steps(POST));
		final int start = w.start(), steps = w.steps(), go = Math.max(1, steps(GO));
		final double[][] in = new double[3][steps];
		final double theta = 2 * Math.PI * c / labels.length;
		for (int t = rest; t < start + n; t++) {
			in[0][t] = CUE * Math.cos(theta);
			in[1][t] = CUE * Math.sin(theta);
		}
		if (hold) for (int t = rest; t < start; t++) in[2][t] = 1;
		else for (int t = start; t < start + go && t < steps; t++) in[2][t] = 1;
		return new Trial(in, w.place(data, new double[data.length], 1), c, activity(c, w), w);
	}

	/** The condition's activity placed like the targets but resting at the mean first sample, scaled; null without. */
	private double[][] activity(final int c, final DataWindow w) {
		return activity == null ? null : w.place(activity[c], activityRest, activityScale);
	}
}
