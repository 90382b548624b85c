// Rate2Spike network-size sweep: spiking networks of two sizes on the oscillation task, the rate baseline, and the
// expansion factor N/Ñ (the smallest N within the tolerance of the baseline, divided by the rate units).
// Runs in Fiji (Plugins > Macros > Run...) and headless, without Fiji:
//   java -jar rate2spike-cli.jar macro macros/sweep.ijm results/sweep-macro
// The argument is the sweep folder (default: rate2spike-sweep in ImageJ's temporary folder). Running it again with
// the same folder skips the finished points. Sizes and trial counts are tiny so that it runs in seconds; for a real
// sweep use e.g. neuron_counts=250,500,1000,2000 seeds=1,2,3 rate_units=500 and the default trial counts, and
// executor=slurm to run the points as a SLURM job array.
out = getArgument();
if (out == "") out = getDirectory("temp") + "rate2spike-sweep";
File.makeDirectory(out);

run("Sweep Network Size", "task=oscillation task_settings=apply neuron_counts=20,40 seeds=1 rate_units=20"
	+ " trials_init=1 trials_pca=3 trials_demean=3 trials_rls=3 trials_test=2 tolerance=1.5 baseline=true"
	+ " executor=local threads=2 output_folder=[" + out + "]"
	+ " slurm_partition=[] slurm_time=02:00:00 slurm_cpus=1 slurm_mem_mb=0 wait_for_jobs=false"
	+ " chart_windows=false");
selectImage("Network size vs error (oscillation)");
saveAs("PNG", out + File.separator + "sweep_plot.png");
rows = split(File.openAsString(out + File.separator + "sweep.csv"), "\n");
print("sweep.csv: " + (rows.length - 1) + " rows (points and rate baseline)");
print("Rate2Spike sweep: results in " + out);
