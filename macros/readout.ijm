// Rate2Spike readouts: train a small network on the oscillation task, fit a named readout of its traces to a new
// signal (the task output a quarter period later) without retraining the recurrent weights, and test with it.
// Runs in Fiji (Plugins > Macros > Run...) and headless, without Fiji:
//   java -jar rate2spike-cli.jar macro macros/readout.ijm results/readout-macro
// The argument is the output folder (default: rate2spike-readout in ImageJ's temporary folder).
// Sizes and trial counts are small so that it runs in seconds; raise them for a real run.
out = getArgument();
if (out == "") out = getDirectory("temp") + "rate2spike-readout";
File.makeDirectory(out);
targets = out + File.separator + "targets.npz";
network = out + File.separator + "network.npz";

run("Generate Rate Targets", "task=oscillation seed=1 task_settings=apply rate_units=40 trials_init=2 trials_pca=5"
	+ " targets_file=[" + targets + "]"
	+ " tau_rate=0.01 rate_gain=1.4 frac_pca=0.999 pcs=0 dt=0.001 overwrite=false chart_windows=false"
	+ " output_folder=[]");
run("Train Spiking Network", "targets_file=[" + targets + "] network_file=[" + network + "]"
	+ " neurons=60 trials_init=2 trials_demean=5 trials_rls=5 trials_test=3 seed=1 task_settings=apply"
	+ " trained_fraction=0.4 gz=6.0 mu_f=-0.3 gs=0.0 gf=0.0 tau_m=0.01 tau_s=0.1 tau_f=0.005 dt_rls=2.0"
	+ " neuron_model=lif neuron_model_i=same tau_adapt=0.1 adapt_jump=1.0 izh_gain=10.0 izh_bias=4.0 theta_gain=1.0"
	+ " excitatory_fraction=1.0 connection_p=1.0 sign_constrained=false tau_m_i=0.0"
	+ " rls_alpha=1.0 max_rate_hz=200.0 overwrite=false chart_windows=false output_folder=[]");

// The readout is stored in network.npz under its name; readout.json, the pictures and the table go to out.
run("Fit Readout", "network_file=[" + network + "] readout_name=shifted signals=shift:0.25 signals_image=[] basis=both"
	+ " basis_neurons=all method=ridge trials_fit=4 trials_heldout=2 folds=2 output_folder=[" + out + "]"
	+ " rls_alpha=1.0 overwrite=false chart_windows=false");
selectImage("Readout vs target (shifted)");
saveAs("PNG", out + File.separator + "readout_vs_target_from_macro.png");

// Test with the named readout: its output is scored against its own signal.
run("Test Spiking Network", "network_file=[" + network + "] trials_test=2 readout_name=shifted"
	+ " output_folder=[" + out + "]"
	+ " data_targets=[] data_inputs=[] data_factors=[] sample_interval=0.0 normalize=none"
	+ " targets_image=[] inputs_image=[] factors_image=[] overwrite=false chart_windows=false");
selectImage("Spike raster (test, readout shifted)");
print("spike raster: " + getWidth() + " steps x " + getHeight() + " neurons x " + nSlices + " trials");
print("Rate2Spike readout: results in " + out);
