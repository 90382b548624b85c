package org.rate2spike.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.rate2spike.format.Dataset;

/**
 * A harder synthetic EMG than {@link SyntheticEmg}, shaped like a real reaching EMG: sharp bursts (30–60 ms wide)
 * within 0.5 s of the go cue, a latency of its own for every condition, and brief dips below the tonic baseline in the
 * antagonist muscles. Shipped as {@code test-data/reach_emg_hard.csv}; everything follows from the seed.
 *
 * <p>C reach directions θ_c = 2π·c/C (labels: the direction in whole degrees), M muscles with preferred directions
 * φ_m = 2π·m/M + π/8, samples every 10 ms for 0.8 s after the go cue (t = 0). Drawn with
 * {@code new java.util.Random(seed)}, in this order: each muscle's baseline β_m ∈ [0.04, 0.08) and burst amplitude
 * A_m ∈ [0.6, 1.0); the condition latencies L_c = 0.08 s + π(c)·0.21 s/(C − 1) rounded to 10 ms, with π a random
 * permutation (so every condition has its own latency); then, per condition and muscle, the offsets and widths below.
 * With w = cos(θ_c − φ_m), a muscle with w ≥ 0.15 is an agonist in that condition, one with w ≤ −0.15 an antagonist
 * (triphasic pattern):
 * <ul>
 * <li>agonist: a first burst of height A_m·w at L_c + δ (δ = 0 or 10 ms) and a second of height 0.35·A_m·w 140–170 ms
 * later (the same draw ε ∈ {0, 10, 20, 30} ms sets this gap, 140 ms + ε, and the braking burst's, 100 ms + ε);</li>
 * <li>antagonist: a dip at L_c of depth β_m·min(0.85, 0.3 + 0.6·|w|) (silenced while the agonist fires: below
 * baseline, never below zero) and a braking burst of height 0.6·A_m·|w| 100–130 ms later.</li>
 * </ul>
 * The draws per condition and muscle, in order: δ, ε, the first and the second event's width (also where the muscle
 * is neither agonist nor antagonist, |w| &lt; 0.15, which has no events).
 * Every burst and dip is a Gaussian whose full width at half maximum is drawn from 35–55 ms (whole ms); every centre
 * lies on the 10 ms grid. EMG = β_m + Σ bursts + Σ dips (dips have negative heights), rounded to multiples of 1/4096.
 */
public final class HardSyntheticEmg {

	public static final int CONDITIONS = 8, MUSCLES = 3;
	public static final long SEED = 11;
	public static final double INTERVAL = 0.01, DURATION = 0.8;

	/** The kinds of event: an agonist's first and second burst, an antagonist's braking burst and its dip. */
	public enum Kind { AGONIST, AGONIST2, BRAKE, DIP }

	/** One burst or dip: condition and muscle index, centre time (s), full width at half maximum (s), signed height. */
	public record Event(int condition, int muscle, Kind kind, double time, double width, double height) {}

	/** What {@link #generate(Recipe)} draws: each muscle's baseline, each condition's latency (s), all events. */
	public record Recipe(int conditions, int muscles, double[] baselines, double[] latencies, List<Event> events) {}

	private HardSyntheticEmg() {}

	public static Dataset generate() {
		return generate(recipe(CONDITIONS, MUSCLES, SEED));
	}

	public static Recipe recipe(final int conditions, final int muscles, final long seed) {
		final Random rng = new Random(seed);
		final double[] baseline = new double[muscles], amp = new double[muscles];
		for (int m = 0; m < muscles; m++) {
			baseline[m] = 0.04 + 0.04 * rng.nextDouble();
			amp[m] = 0.6 + 0.4 * rng.nextDouble();
		}
		final int[] perm = new int[conditions];
		for (int c = 0; c < conditions; c++) perm[c] = c;
		for (int c = conditions - 1; c > 0; c--) {
			final int k = rng.nextInt(c + 1), t = perm[c];
			perm[c] = perm[k];
			perm[k] = t;
		}
		final double[] latency = new double[conditions];
		for (int c = 0; c < conditions; c++) latency[c] = grid(0.08 + perm[c] * 0.21 / Math.max(1, conditions - 1));
		final List<Event> events = new ArrayList<>();
		for (int c = 0; c < conditions; c++) {
			final double theta = 2 * Math.PI * c / conditions;
			for (int m = 0; m < muscles; m++) {
				final double w = Math.cos(theta - (2 * Math.PI * m / muscles + Math.PI / 8));
				final double offset1 = 0.01 * rng.nextInt(2), offset2 = 0.01 * rng.nextInt(4);
				final double width1 = width(rng), width2 = width(rng);
				if (w >= 0.15) {
					final double t1 = grid(latency[c] + offset1);
					events.add(new Event(c, m, Kind.AGONIST, t1, width1, amp[m] * w));
					events.add(new Event(c, m, Kind.AGONIST2, grid(t1 + 0.14 + offset2), width2, 0.35 * amp[m] * w));
				} else if (w <= -0.15) {
					events.add(new Event(c, m, Kind.DIP, latency[c], width1, -baseline[m] * Math.min(0.85, 0.3 + 0.6 * -w)));
					events.add(new Event(c, m, Kind.BRAKE, grid(latency[c] + 0.10 + offset2), width2, 0.6 * amp[m] * -w));
				}
			}
		}
		return new Recipe(conditions, muscles, baseline, latency, List.copyOf(events));
	}

	public static Dataset generate(final Recipe r) {
		final int samples = (int) Math.round(DURATION / INTERVAL) + 1;
		final String[] labels = new String[r.conditions()], channels = new String[r.muscles()];
		final double[][][] v = new double[r.conditions()][r.muscles()][samples];
		for (int m = 0; m < r.muscles(); m++) channels[m] = "muscle" + (m + 1);
		for (int c = 0; c < r.conditions(); c++) {
			labels[c] = Long.toString(Math.round(360.0 * c / r.conditions()));
			for (int m = 0; m < r.muscles(); m++) java.util.Arrays.fill(v[c][m], r.baselines()[m]);
		}
		for (final Event e : r.events()) {
			final double sigma = e.width() / (2 * Math.sqrt(2 * Math.log(2)));
			final double[] x = v[e.condition()][e.muscle()];
			for (int j = 0; j < samples; j++) {
				final double d = (j * INTERVAL - e.time()) / sigma;
				x[j] += e.height() * Math.exp(-0.5 * d * d);
			}
		}
		for (final double[][] cond : v)
			for (final double[] x : cond)
				for (int j = 0; j < samples; j++) x[j] = Math.round(x[j] * 4096) / 4096.0;
		return Dataset.uniform("synthetic EMG (hard)", labels, channels, v, INTERVAL);
	}

	/** How long the cue of {@link #cueInputs} is on from the start of the data (s). */
	public static final double CUE = 0.3;

	/**
	 * Inputs for the same conditions and samples, for training the data task with input data: the condition cue
	 * (0.5·cos θ, 0.5·sin θ), θ the condition's angle, on for the first {@value #CUE} s of the data and zero after.
	 */
	public static Dataset cueInputs(final Dataset emg) {
		final int conditions = emg.conditions().length;
		final double[][][] v = new double[conditions][2][];
		for (int c = 0; c < conditions; c++) {
			final double theta = Math.toRadians(Double.parseDouble(emg.conditions()[c]));
			final int samples = emg.samples(c);
			v[c][0] = new double[samples];
			v[c][1] = new double[samples];
			for (int j = 0; j < samples && j * INTERVAL < CUE - 1e-9; j++) {
				v[c][0][j] = 0.5 * Math.cos(theta);
				v[c][1][j] = 0.5 * Math.sin(theta);
			}
		}
		return Dataset.uniform("condition cue of the synthetic EMG (hard)", emg.conditions().clone(),
			new String[] { "cue_x", "cue_y" }, v, INTERVAL);
	}

	private static double width(final Random rng) {
		return (35 + rng.nextInt(21)) / 1000.0;
	}

	private static double grid(final double t) {
		return Math.round(t * 100) / 100.0;
	}
}
