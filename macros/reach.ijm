// Rate2Spike, reach task: rate targets, a spiking network trained on them, a test, and the pictures.
// Runs in Fiji (Plugins > Macros > Run...) and headless, without Fiji:
//   java -jar rate2spike-cli.jar macro macros/reach.ijm results/reach-macro
// The argument is the output folder (default: rate2spike-reach in ImageJ's temporary folder).
// Trial counts and network sizes are small so that it runs in seconds; raise them for a real run
// (e.g. rate_units=500 neurons=500 and the trial counts 50,300,300,500,100).
out = getArgument();
if (out == "") out = getDirectory("temp") + "rate2spike-reach";
File.makeDirectory(out);
targets = out + File.separator + "targets.npz";
network = out + File.separator + "network.npz";

run("Generate Rate Targets", "task=reach seed=1 task_settings=apply rate_gain=1.2 rate_units=40 trials_init=2 trials_pca=5"
	+ " targets_file=[" + targets + "] output_folder=[" + out + "]"
	+ " tau_rate=0.01 frac_pca=0.999 pcs=0 dt=0.001 overwrite=false chart_windows=false");
run("Train Spiking Network", "targets_file=[" + targets + "] network_file=[" + network + "]"
	+ " neurons=60 trials_init=2 trials_demean=5 trials_rls=5 trials_test=3 seed=1 task_settings=apply output_folder=[" + out + "]"
	+ " trained_fraction=0.4 gz=6.0 mu_f=-0.3 gs=0.0 gf=0.0 tau_m=0.01 tau_s=0.1 tau_f=0.005 dt_rls=2.0"
	+ " neuron_model=lif neuron_model_i=same tau_adapt=0.1 adapt_jump=1.0 izh_gain=10.0 izh_bias=4.0 theta_gain=1.0"
	+ " excitatory_fraction=1.0 connection_p=1.0 sign_constrained=false tau_m_i=0.0"
	+ " rls_alpha=1.0 max_rate_hz=200.0 overwrite=false chart_windows=false");
run("Test Spiking Network", "network_file=[" + network + "] trials_test=3 output_folder=[" + out + "]"
	+ " readout_name=[] data_targets=[] data_inputs=[] data_factors=[] sample_interval=0.0"
	+ " normalize=none targets_image=[] inputs_image=[] factors_image=[] overwrite=false"
	+ " chart_windows=false");

// The outputs are ordinary images: measure them, save them, combine them with other work.
selectImage("Spike raster (test)");
print("spike raster: " + getWidth() + " steps x " + getHeight() + " neurons x " + nSlices + " trials");
saveAs("PNG", out + File.separator + "raster_trial1.png");
selectImage("Output vs target (test)");
saveAs("PNG", out + File.separator + "output_vs_target_from_macro.png");
print("Rate2Spike reach: results in " + out);
