// Makes docs/images/fiji_outputs.png: the spike raster and the output-vs-target plot, as Fiji shows them.
//   java -jar target/rate2spike-cli.jar macro docs/readme-picture.ijm results/readme-picture
out = getArgument();
if (out == "") out = getDirectory("temp") + "rate2spike-readme-picture";
File.makeDirectory(out);
run("Train Spiking Network (all steps)", "task=oscillation seed=1 rate_units=300 neurons=300"
	+ " trials_init=10 trials_pca=60 trials_demean=60 trials_rls=200 trials_test=3 output_folder=[" + out + "]"
	+ " data_targets=[] data_inputs=[] data_factors=[] sample_interval=0.0 normalize=none trial_layout=auto"
	+ " targets_image=[] inputs_image=[] factors_image=[] tau_rate=0.01 rate_gain=1.4 frac_pca=0.999"
	+ " pcs=0 dt=0.001 trained_fraction=0.4 gz=6.0 mu_f=-0.3 gs=0.0 gf=0.0 tau_m=0.01 tau_s=0.1"
	+ " tau_f=0.005 dt_rls=2.0 rls_alpha=1.0 max_rate_hz=200.0 overwrite=false chart_windows=false");
print(call("org.rate2spike.render.FijiSnapshot.save", out + File.separator + "fiji_outputs.png",
	"Spike raster (oscillation)", "Output vs target (oscillation)"));
