// Makes docs/images/fiji_outputs.png: the spike raster and the output-vs-target plot, as Fiji shows them.
//   java -jar target/rate2spike-cli.jar macro docs/readme-picture.ijm results/readme-picture
out = getArgument();
if (out == "") out = getDirectory("temp") + "rate2spike-readme-picture";
File.makeDirectory(out);
run("Train Spiking Network (all steps)", "task=oscillation seed=1 rate_units=300 neurons=300"
	+ " trials_init=10 trials_pca=60 trials_demean=60 trials_rls=200 trials_test=3 output_folder=[" + out + "]");
print(call("org.rate2spike.render.FijiSnapshot.save", out + File.separator + "fiji_outputs.png",
	"Spike raster (oscillation)", "Output vs target (oscillation)"));
