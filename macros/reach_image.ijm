// Rate2Spike on your own data: trains on an image (width = time, height = channels, slices = conditions),
// here the synthetic EMG of the reach task shipped in test-data/ (8 reach directions x 4 muscles).
// Runs in Fiji and headless:  java -jar rate2spike-cli.jar macro macros/reach_image.ijm results/reach-image
// The argument is the output folder. Sizes and trial counts are tiny so that it runs in seconds; for a real run
// use rate_units=500 neurons=500 and the trial counts 50,300,300,500,100.
out = getArgument();
if (out == "") out = getDirectory("temp") + "rate2spike-reach-image";
File.makeDirectory(out);
image = "test-data" + File.separator + "reach_emg.tif";
if (!File.exists(image)) image = getDirectory("imagej") + "test-data" + File.separator + "reach_emg.tif";

run("Train Spiking Network (all steps)", "task=data data_targets=[" + image + "] rate_gain=1.2 rate_units=40"
	+ " neurons=60 trials_init=2 trials_pca=5 trials_demean=5 trials_rls=5 trials_test=3 seed=1 task_settings=apply"
	+ " output_folder=[" + out + "]"
	+ " data_inputs=[] data_factors=[] sample_interval=0.0 normalize=none trial_layout=auto go_cue=hold targets_image=[]"
	+ " inputs_image=[] factors_image=[] tau_rate=0.01 frac_pca=0.999 pcs=0 dt=0.001"
	+ " trained_fraction=0.4 gz=6.0 mu_f=-0.3 gs=0.0 gf=0.0 tau_m=0.01 tau_s=0.1 tau_f=0.005 dt_rls=2.0"
	+ " neuron_model=lif neuron_model_i=same tau_adapt=0.1 adapt_jump=1.0 izh_gain=10.0 izh_bias=4.0 theta_gain=1.0"
	+ " excitatory_fraction=1.0 connection_p=1.0 sign_constrained=false tau_m_i=0.0"
	+ " rls_alpha=1.0 max_rate_hz=200.0 overwrite=false chart_windows=false");
print("Rate2Spike on reach_emg.tif: results in " + out);
