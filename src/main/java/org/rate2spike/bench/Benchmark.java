package org.rate2spike.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.rate2spike.kernels.Workers;
import org.rate2spike.learn.Decoders;
import org.rate2spike.learn.Rls;
import org.rate2spike.protocol.Phase;
import org.rate2spike.pipeline.Pipeline;
import org.rate2spike.protocol.Progress;
import org.rate2spike.protocol.TrainingConfig;
import org.rate2spike.protocol.TrialCounts;
import org.rate2spike.rate.DrivenRateNetwork;
import org.rate2spike.rate.RateTargets;
import org.rate2spike.spiking.SpikingConnectivity;
import org.rate2spike.spiking.SpikingNetwork;
import org.rate2spike.task.Task;
import org.rate2spike.task.Tasks;
import org.rate2spike.task.Trial;
import org.rate2spike.util.ParameterException;

/**
 * The performance benchmark behind {@code bench}: the machine's own ceilings (an FMA-shaped loop from L1, a
 * streaming copy from memory), the hot kernels on their own against them, and the protocol's phases at several
 * network sizes as wall seconds per simulated second (medians of the counted trials after a warm-up trial),
 * with the bytes of network state and the peak heap. Optionally the whole default protocol end to end.
 * Figures depend on the machine and its load; compare ratios from one run.
 */
public final class Benchmark {

	/** What to run. */
	public record Options(boolean smoke, int[] neurons, int trials, boolean protocol, String task, long seed) {}

	private static final String[] PHASES = { "pca", "demean", "rls", "test" };

	private final Options o;
	private final PrintStream out;

	private Benchmark(final Options o, final PrintStream out) {
		this.o = o;
		this.out = out;
	}

	/** Parses {@code [--smoke] [--neurons 500,2000] [--trials K] [--protocol] [--task T] [--seed S]}. */
	public static Options parse(final List<String> args) {
		boolean smoke = false, protocol = false;
		int[] neurons = null;
		int trials = 5;
		String task = "oscillation";
		long seed = 1;
		for (int i = 0; i < args.size(); i++) {
			final String a = args.get(i);
			switch (a) {
				case "--smoke": smoke = true; break;
				case "--protocol": protocol = true; break;
				case "--neurons": neurons = Arrays.stream(value(args, ++i, a).split(",")).mapToInt(x -> integer(a, x)).toArray(); break;
				case "--trials": trials = integer(a, value(args, ++i, a)); break;
				case "--task": task = value(args, ++i, a); break;
				case "--seed": seed = integer(a, value(args, ++i, a)); break;
				default: throw new ParameterException(a, "is not an option of bench; it takes --smoke, --neurons N1,N2, --trials K, --protocol, --task, --seed");
			}
		}
		if (trials < 2) throw new ParameterException("trials", "needs at least 2 (one warm-up, one timed)");
		if (neurons == null) neurons = smoke ? new int[] { 120 } : new int[] { 500, 2000, 5000, 10000 };
		if (smoke) trials = Math.min(trials, 3);
		return new Options(smoke, neurons, trials, protocol && !smoke, task, seed);
	}

	private static String value(final List<String> args, final int i, final String key) {
		if (i >= args.size()) throw new ParameterException(key, "needs a value");
		return args.get(i);
	}

	private static int integer(final String key, final String v) {
		try {
			return Integer.parseInt(v.trim());
		}
		catch (final NumberFormatException e) {
			throw new ParameterException(key, "'" + v + "' is not a whole number");
		}
	}

	/** Runs the benchmark, printing as it goes. */
	public static void run(final Options o, final PrintStream out) {
		new Benchmark(o, out).run();
	}

	private void run() {
		final Runtime rt = Runtime.getRuntime();
		out.printf(Locale.ROOT, "machine: %s %s, %d processors, Java %s, max heap %.1f GiB, threads %d%s%n",
			System.getProperty("os.arch"), System.getProperty("os.name"), rt.availableProcessors(),
			System.getProperty("java.version"), rt.maxMemory() / GIB, Workers.threads(), o.smoke ? " (smoke mode)" : "");
		out.printf(Locale.ROOT, "load average: %s%n", loadAverage());

		final double fma = Ceilings.fmaGflops(o.smoke), copy = Ceilings.copyGBps(o.smoke);
		out.printf(Locale.ROOT, "ceiling  fma loop (1 thread)      %8.2f GFLOP/s%n", fma);
		out.printf(Locale.ROOT, "ceiling  streaming copy (1 thread) %7.2f GB/s%n", copy);

		out.println();
		out.println("kernels on one thread, timed by that thread's CPU time (medians):");
		out.println("kernel                      size         cpu/call   achieved     ceiling   ratio");
		final Task task = Tasks.create(o.task, TrainingConfig.DEFAULTS.rate().dt());
		final List<Row> rows = new ArrayList<>();
		for (final int n : o.neurons) rows.add(phases(task, n, fma, copy));

		out.println();
		out.println("phase timings: wall seconds per simulated second (median of counted trials after one warm-up)");
		out.println("     N    2n     pca  demean     rls    test  settle   P bytes   state bytes  peak heap");
		for (final Row r : rows) out.println(r);
		out.println();
		out.println("the same phases as process CPU seconds (all threads) per simulated second, mean of the same trials: less sensitive to other load");
		out.println("     N    2n     pca  demean     rls    test");
		for (final Row r : rows) out.println(r.cpuRow());
		if (o.protocol) protocol(task, fma);
	}

	private static final double GIB = 1024.0 * 1024 * 1024;

	/** CPU time of the whole process (all threads), or wall time where the platform does not say. */
	static long cpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			final long t = os.getProcessCpuTime();
			if (t >= 0) return t;
		}
		return System.nanoTime();
	}

	private static String loadAverage() {
		final double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		return l < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f (1 min)", l);
	}

	/** One network size: a short protocol with timed trials, then its kernels on their own. */
	private Row phases(final Task task, final int neurons, final double fma, final double copy) {
		final TrainingConfig base = TrainingConfig.DEFAULTS.withTask(o.task).withSeed(o.seed);
		final int units = o.smoke ? 100 : base.rate().units();
		final int k = o.trials;
		final TrainingConfig config = base.withRate(base.rate().with("rate_units", units))
			.withSpiking(base.spiking().with("neurons", neurons)).withTrials(new TrialCounts(1, k, k, k, k));
		final double trialSeconds = task.nextTrial(new Random(0)).steps() * config.rate().dt();
		resetPeaks();
		final Timer timer = new Timer(1);
		final Pipeline.Run run = Pipeline.train(config, timer);
		final long peak = peakHeap();
		final int n2 = 2 * config.spiking().trained();
		final long pBytes = 8L * n2 * n2;
		final long state = stateBytes(run);

		final int threads = Workers.threads();
		Workers.setThreads(1); // kernels on one thread, against one-thread ceilings
		try {
			kernels(run, task, fma, copy);
		}
		finally {
			Workers.setThreads(threads);
		}
		final double[] perPhase = new double[PHASES.length];
		for (int i = 0; i < PHASES.length; i++) perPhase[i] = timer.median(Phase.valueOf(PHASES[i].toUpperCase(Locale.ROOT)), 1) / trialSeconds;
		final double[] cpu = new double[PHASES.length];
		for (int i = 0; i < PHASES.length; i++) cpu[i] = timer.cpuMean(Phase.valueOf(PHASES[i].toUpperCase(Locale.ROOT)), 1) / trialSeconds;
		final double settle = timer.settleMedian(1) / trialSeconds;
		return new Row(neurons, n2, perPhase, cpu, settle, pBytes, state, peak);
	}

	private record Row(int neurons, int traces, double[] phases, double[] cpu, double settle, long pBytes, long state, long peak) {
		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%6d %5d %7.3f %7.3f %7.3f %7.3f %7.3f %9s %13s %10s", neurons, traces,
				phases[0], phases[1], phases[2], phases[3], settle, bytes(pBytes), bytes(state), bytes(peak));
		}

		String cpuRow() {
			return String.format(Locale.ROOT, "%6d %5d %7.3f %7.3f %7.3f %7.3f", neurons, traces, cpu[0], cpu[1], cpu[2], cpu[3]);
		}
	}

	private static String bytes(final long b) {
		if (b >= 1L << 30) return String.format(Locale.ROOT, "%.2f GiB", b / GIB);
		if (b >= 1L << 20) return String.format(Locale.ROOT, "%.1f MiB", b / (1024.0 * 1024));
		return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
	}

	/** Bytes of the arrays that make up the trained network and its training state (P included). */
	private static long stateBytes(final Pipeline.Run run) {
		final RateTargets t = run.targets();
		long b = size(t.connectivity().recurrent()) + size(t.connectivity().inputDrive()) + size(t.connectivity().outputDrive());
		b += size(t.basis().components());
		final SpikingConnectivity c = run.network().connectivity();
		b += size(c.feedback()) + size(c.input()) + c.fixedSynapseBytes() + 4L * c.trained().length;
		b += size(run.network().feedbackWeights()) + size(run.network().readoutWeights());
		final int neurons = run.network().neurons();
		b += 8L * 7 * neurons; // V, currents, mean input, V0
		final int n2 = 2 * run.network().params().trained();
		b += 8L * n2 * n2; // P
		return b;
	}

	private static long size(final double[][] m) {
		long b = 0;
		for (final double[] r : m) b += 8L * r.length;
		return b;
	}

	private static void resetPeaks() {
		System.gc();
		for (final MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
			if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
	}

	private static long peakHeap() {
		long b = 0;
		for (final MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
			if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) b += p.getPeakUsage().getUsed();
		return b;
	}

	/** Kernels alone, on the network of this size: rate step (once, it does not depend on N), spiking step, RLS. */
	private void kernels(final Pipeline.Run run, final Task task, final double fma, final double copy) {
		final RateTargets t = run.targets();
		final Trial trial = task.nextTrial(new Random(5));
		final int steps = trial.steps();
		final double budget = o.smoke ? 0.05 : 0.6; // seconds per measurement

		final int units = t.units();
		final DrivenRateNetwork rate = new DrivenRateNetwork(t.connectivity(), t.params().tau(), t.params().dt(), t.initialState());
		final double rateNs = timePerCall(budget, () -> {
			for (int s = 0; s < steps; s++) rate.step(trial, s);
		}) / steps;
		final double rateFlops = 2.0 * units * units;
		line("rate step (J̃·r, tanh)", "Ñ=" + units, rateNs, rateFlops / rateNs, "GFLOP/s", fma);
		line("rate step as bandwidth", "Ñ=" + units, rateNs, 8.0 * units * units / rateNs, "GB/s", copy);

		final SpikingConnectivity c = run.network().connectivity();
		final int neurons = run.network().neurons();
		final SpikingNetwork net = new SpikingNetwork(run.network().params(), c, t.params().dt(), run.network().meanInput());
		final double[] z = new double[c.feedback().length];
		Arrays.fill(z, 0.1);
		net.reset(run.network().initialVoltage());
		final double spikeNs = timePerCall(budget, () -> {
			for (int s = 0; s < steps; s++) {
				net.step(trial, s);
				net.feedback(z);
			}
		}) / steps;
		final double spikeBytes = 8.0 * neurons * (c.feedback().length + c.input().length + 6);
		line("spiking step + feedback", "N=" + neurons, spikeNs, spikeBytes / spikeNs, "GB/s", copy);

		final int n = run.network().params().trained(), n2 = 2 * n;
		final Rls rls = new Rls(n2, 1);
		final Decoders d = new Decoders(n2, t.factors(), task.outputs());
		final double[] s = new double[n2], err = new double[t.factors() + task.outputs()];
		final int[] spikes = new int[n];
		final Random rng = new Random(9);
		final double ds = net.decaySlow(), df = net.decayFast(), p = 11 * t.params().dt();
		final int rlsSteps = n2 >= 4000 ? Math.min(steps, 200) : steps; // a fifth of a trial where one update takes ms
		final Runnable rlsTrial = () -> {
			for (int step = 0; step < rlsSteps; step++) {
				int count = 0;
				for (int k = 0; k < n; k++) {
					s[k] *= ds;
					s[n + k] *= df;
					if (rng.nextDouble() < p) {
						s[k] += 1;
						s[n + k] += 1;
						spikes[count++] = k;
					}
				}
				rls.advance(ds, df, spikes, count);
				if ((step & 1) == 0) {
					for (int k = 0; k < err.length; k++) err[k] = 1e-3 * rng.nextGaussian();
					rls.update(s, err, d);
				}
			}
		};
		final double rlsNs = timePerCall(o.smoke ? 0.05 : Math.min(3, 0.5 + n2 * 4e-4), rlsTrial);
		final double perUpdate = rlsNs / ((rlsSteps + 1) / 2); // updates on even steps; includes the traces' upkeep
		// flops of the P update as it is done: the blocked rank-k sweep, 2 flops per element per pending update
		final double flushFlops = 2.0 * n2 * n2;
		line("RLS update, per update", "2n=" + n2, perUpdate, flushFlops / perUpdate, "GFLOP/s", fma);
		line("RLS as plain method would", "2n=" + n2, perUpdate, 4.0 * n2 * n2 / perUpdate, "GFLOP/s eq.", fma);
	}

	private void line(final String name, final String size, final double ns, final double achieved, final String unit,
		final double ceiling)
	{
		out.printf(Locale.ROOT, "%-27s %-10s %9.3f ms %8.2f %-8s %6.2f  %5.1f%%%n", name, size, ns * 1e-6, achieved,
			unit.startsWith("GB") ? "GB/s" : unit.contains("eq") ? "GF/s eq" : "GFLOP/s", ceiling, 100 * achieved / ceiling);
	}

	/**
	 * Median CPU nanoseconds of this thread per call over repeated calls within about {@code seconds}, after one
	 * warm-up call. CPU time rather than wall time, so that other programs on a busy machine do not count.
	 */
	static double timePerCall(final double seconds, final Runnable r) {
		r.run();
		final List<Double> times = new ArrayList<>();
		final long end = System.nanoTime() + (long) (seconds * 1e9);
		do {
			final long a = threadCpuNanos();
			r.run();
			times.add((double) (threadCpuNanos() - a));
		} while (System.nanoTime() < end || times.size() < 3);
		return median(times);
	}

	static long threadCpuNanos() {
		final java.lang.management.ThreadMXBean t = ManagementFactory.getThreadMXBean();
		return t.isCurrentThreadCpuTimeSupported() ? t.getCurrentThreadCpuTime() : System.nanoTime();
	}

	static double median(final List<Double> v) {
		if (v.isEmpty()) return Double.NaN;
		final double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return a.length % 2 == 1 ? a[a.length / 2] : 0.5 * (a[a.length / 2 - 1] + a[a.length / 2]);
	}

	/** The whole default protocol, end to end, with its accuracy, and each phase beside its floor. */
	private void protocol(final Task task, final double fma) {
		final TrainingConfig config = TrainingConfig.DEFAULTS.withTask(o.task).withSeed(o.seed);
		out.println();
		out.printf(Locale.ROOT, "whole default protocol (N = %d, Ñ = %d, trials %s, seed %d):%n", config.spiking().neurons(),
			config.rate().units(), config.trials(), o.seed);
		final Timer timer = new Timer(config.trials().init());
		final long a = System.nanoTime(), cpu0 = cpuNanos();
		final Pipeline.Run run = Pipeline.train(config, timer);
		final double wall = (System.nanoTime() - a) * 1e-9, cpu = (cpuNanos() - cpu0) * 1e-9;
		out.printf(Locale.ROOT, "  load average %s%n", loadAverage());
		out.printf(Locale.ROOT, "  wall %.1f s (process CPU %.1f s); per phase %s; median test nMSE %.5f; mean rate %.2f Hz%n",
			wall, cpu, timer.totals(), run.test().medianNmse(), run.test().meanRateHz());
		final Floors f = new Floors(config, run.targets().factors(), task.inputs(), task.outputs(), run.test().meanRateHz(),
			task.nextTrial(new Random(0)).steps());
		out.println("  per phase: wall and process CPU (all threads) against the floor = the flops the phase must do as" +
			" implemented ÷ the FMA-loop ceiling of one thread (dominant terms only; teacher trials computed/replayed)");
		out.println("  phase    wall s   CPU s  floor s  wall/floor  teacher computed/replayed  feedback reused (trials)");
		for (final Phase p : new Phase[] { Phase.PCA, Phase.DEMEAN, Phase.RLS, Phase.TEST }) {
			final int[] teacher = timer.teacher.getOrDefault(p, new int[] { 0, 0 });
			final double floor = f.flops(p, teacher[0], timer.feedbackReused.getOrDefault(p, 0)) / (fma * 1e9);
			final double w = timer.totals.getOrDefault(p, Double.NaN);
			out.printf(Locale.ROOT, "  %-7s %7.2f %7.2f %8.3f %11.1f  %d/%d  %d%n", p.key(), w, timer.cpuTotals.getOrDefault(p, Double.NaN),
				floor, w / floor, teacher[0], teacher[1], timer.feedbackReused.getOrDefault(p, 0));
		}
	}

	/**
	 * The flops of each phase as implemented, dominant terms: the rate step 2Ñ² per computed teacher step (and the
	 * covariance Ñ² in the PCA phase, plus its eigendecomposition ≈ 9Ñ³), the LIF step 8·N + 2n per spiking step (V∞,
	 * V and the threshold per neuron, the decay of each trace), the feedback product 2·N·ñ per spiking step except in
	 * the demean trials that reused kept currents, the decoders carried along per autonomous step (decay 2·(ñ + outputs)
	 * and 2·(ñ + outputs) per trained spike, at the test's mean rate) plus their full product 2·2n·(ñ + outputs) once per
	 * trial, the RLS update 2·(2n)² (the P sweep) + 2·2n·(ñ + outputs) (the decoders) + 2·2n (the carried product) per
	 * update, one update per dt_rls steps.
	 */
	record Floors(TrainingConfig config, int factors, int inputs, int outputs, double rateHz, int steps) {
		double flops(final Phase p, final int teacherComputed, final int feedbackReused) {
			final TrialCounts c = config.trials();
			final double units = config.rate().units(), neurons = config.spiking().neurons();
			final double traces = 2.0 * config.spiking().trained();
			final double rate = teacherComputed * (double) steps * 2 * units * units;
			final double lif = 8 * neurons + traces, feedback = 2 * neurons * factors;
			final double spiking = lif + feedback, product = 2 * traces * (factors + outputs);
			final double spikesPerStep = rateHz * config.spiking().trained() * config.rate().dt();
			final double decoders = 2 * (factors + outputs) * (1 + spikesPerStep) + product / steps;
			final double update = 2 * traces * traces + product + 2 * traces;
			switch (p) {
				case PCA:
					return rate + teacherComputed * (double) steps * units * units + 9 * units * units * units;
				case DEMEAN:
					return rate + (double) (c.init() + c.demean()) * steps * spiking - (double) feedbackReused * steps * feedback;
				case RLS:
					return rate + (double) (c.init() + c.rls()) * steps * spiking + (double) c.rls() * steps * decoders +
						(double) c.rls() * steps / config.spiking().rlsInterval() * update;
				default:
					return rate + (double) (c.init() + c.test()) * steps * spiking + (double) c.test() * steps * decoders;
			}
		}
	}

	/** Records the end time of every trial of every phase. */
	private static final class Timer implements Progress {
		private final Map<Phase, List<Double>> counted = new EnumMap<>(Phase.class), settle = new EnumMap<>(Phase.class);
		private final Map<Phase, List<Double>> countedCpu = new EnumMap<>(Phase.class);
		private long lastCpu;
		private final Map<Phase, Double> totals = new EnumMap<>(Phase.class), cpuTotals = new EnumMap<>(Phase.class);
		private final Map<Phase, int[]> teacher = new EnumMap<>(Phase.class);
		private final Map<Phase, Integer> feedbackReused = new EnumMap<>(Phase.class);
		private long phaseCpu;
		private final int settleTrials;
		private long last, phaseStart;

		Timer(final int settleTrials) {
			this.settleTrials = settleTrials;
		}

		@Override
		public void phaseStarted(final Phase p, final int trials) {
			last = phaseStart = System.nanoTime();
			lastCpu = phaseCpu = cpuNanos();
			counted.put(p, new ArrayList<>());
			countedCpu.put(p, new ArrayList<>());
			settle.put(p, new ArrayList<>());
		}

		@Override
		public void trialDone(final Phase p, final int trial, final int trials, final double nmse) {
			final long now = System.nanoTime();
			final double sec = (now - last) * 1e-9;
			last = now;
			(trial <= settleTrials ? settle : counted).get(p).add(sec);
			final long cpu = cpuNanos();
			if (trial > settleTrials) countedCpu.get(p).add((cpu - lastCpu) * 1e-9);
			lastCpu = cpu;
			totals.put(p, (now - phaseStart) * 1e-9);
			cpuTotals.put(p, (cpu - phaseCpu) * 1e-9);
		}

		@Override
		public void teacherTrials(final Phase p, final int computed, final int replayed) {
			teacher.put(p, new int[] { computed, replayed });
		}

		@Override
		public void feedbackReused(final Phase p, final int trials) {
			feedbackReused.put(p, trials);
		}

		double median(final Phase p, final int warmup) {
			final List<Double> v = counted.getOrDefault(p, List.of());
			return Benchmark.median(v.size() > warmup ? v.subList(warmup, v.size()) : v);
		}

		/** Mean over the counted trials after the warm-up: process CPU time comes in 10-ms ticks, a median would round. */
		double cpuMean(final Phase p, final int warmup) {
			final List<Double> v = countedCpu.getOrDefault(p, List.of());
			final List<Double> w = v.size() > warmup ? v.subList(warmup, v.size()) : v;
			return w.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
		}

		double settleMedian(final int warmup) {
			final List<Double> all = new ArrayList<>();
			for (final Phase p : Phase.values()) if (p != Phase.PCA) all.addAll(settle.getOrDefault(p, List.of()));
			return Benchmark.median(all);
		}

		String totals() {
			final StringBuilder b = new StringBuilder();
			totals.forEach((p, s) -> b.append(b.length() == 0 ? "" : ", ").append(p.key()).append(String.format(Locale.ROOT, " %.1f s", s)));
			return b.toString();
		}
	}
}
