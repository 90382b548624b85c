// Rate2Spike from an imaging experiment: a calcium-imaging time-lapse and ROIs around its cells give one trace per
// cell per condition (ΔF/F0), and a spiking network is trained to produce those traces.
// The movie is test-data/calcium_movie.tif (synthetic: three cells, two conditions as the hyperstack's slices, 60
// frames at 50 ms, with noise and bleaching); the ROIs are test-data/calcium_rois.zip (a RoiSet as the ROI Manager
// saves it; in Fiji's window the ROI Manager's ROIs are used when no file is given).
// Runs in Fiji and headless:  java -jar rate2spike-cli.jar macro macros/calcium.ijm results/calcium
// The argument is the output folder. Every key of every command is given, so the macro means the same everywhere.
out = getArgument();
if (out == "") out = getDirectory("temp") + "rate2spike-calcium";
File.makeDirectory(out);
data = "test-data" + File.separator;
if (!File.exists(data + "calcium_movie.tif")) data = getDirectory("imagej") + "test-data" + File.separator;

open(data + "calcium_movie.tif");
run("Traces from ROIs", "movie=[calcium_movie.tif] roi_file=[" + data + "calcium_rois.zip] delta_f=true"
	+ " f0_start=0 f0_end=0.5 frame_interval=0");
n = Table.size("Rate2Spike traces");
print("traces: " + n + " rows (frames x conditions), columns " + Table.headings("Rate2Spike traces"));

run("Train Spiking Network (all steps)", "task=data data_targets=[] data_inputs=[] data_factors=[] sample_interval=0"
	+ " normalize=max trial_layout=auto go_cue=hold targets_image=[Traces (calcium_movie.tif)] inputs_image=[] factors_image=[]"
	+ " output_folder=[" + out + "] seed=1 task_settings=apply rate_units=40 tau_rate=0.01 rate_gain=1.0 frac_pca=0.999"
	+ " pcs=0 dt=0.001"
	+ " neurons=60 trained_fraction=0.4 gz=6 mu_f=-0.3 gs=0 gf=0 tau_m=0.01 tau_s=0.1 tau_f=0.005 dt_rls=2"
	+ " neuron_model=lif neuron_model_i=same tau_adapt=0.1 adapt_jump=1.0 izh_gain=10.0 izh_bias=4.0 theta_gain=1.0"
	+ " excitatory_fraction=1 connection_p=1 sign_constrained=false tau_m_i=0"
	+ " rls_alpha=1 max_rate_hz=200 trials_init=2 trials_pca=5 trials_demean=5 trials_rls=5 trials_test=3"
	+ " overwrite=false chart_windows=false");

nmse = Table.getColumn("nMSE", "Rate2Spike test trials");
Array.getStatistics(nmse, min, max, mean);
print("test nMSE per trial: " + String.join(nmse) + " (mean " + mean + ")");
File.saveString(String.join(nmse), out + File.separator + "calcium_nmse.txt");
