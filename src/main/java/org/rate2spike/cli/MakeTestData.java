package org.rate2spike.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.rate2spike.format.DataFiles;
import org.rate2spike.format.Dataset;
import org.rate2spike.format.SyntheticCalcium;
import org.rate2spike.task.HardSyntheticEmg;
import org.rate2spike.task.SyntheticEmg;

/**
 * Writes the shipped example data into a folder (default {@code test-data}):
 * {@code reach_emg.csv} and {@code reach_emg.tif} (the reach task's synthetic EMG, 8 conditions × 4 muscles, the same
 * numbers in both), {@code reach_population.csv} (a synthetic population of 40 units for factors from data),
 * {@code reach_emg_hard.csv} (a harder EMG with sharp bursts and dips, {@link HardSyntheticEmg}) and the synthetic calcium
 * movie with its ROIs.
 * <pre>java -cp target/rate2spike-cli.jar org.rate2spike.cli.MakeTestData test-data</pre>
 */
public final class MakeTestData {

	public static final String EMG_CSV = "reach_emg.csv", EMG_TIF = "reach_emg.tif", POPULATION_CSV = "reach_population.csv";
	/** The harder synthetic EMG (see {@link HardSyntheticEmg}): 8 conditions × 3 muscles, 0.8 s each. */
	public static final String EMG_HARD_CSV = "reach_emg_hard.csv", EMG_HARD_INPUTS_CSV = "reach_emg_hard_inputs.csv";
	/** The synthetic calcium-imaging movie (see {@link SyntheticCalcium}) and its cells' ROIs as a RoiSet. */
	public static final String CALCIUM_MOVIE = "calcium_movie.tif", CALCIUM_ROIS = "calcium_rois.zip";
	public static final int POPULATION_UNITS = 40;
	public static final long POPULATION_SEED = 7;

	private MakeTestData() {}

	public static void main(final String[] args) throws IOException {
		final Path dir = Path.of(args.length > 0 ? args[0] : "test-data");
		Files.createDirectories(dir);
		final Dataset emg = SyntheticEmg.generate(SyntheticEmg.CONDITIONS, SyntheticEmg.MUSCLES);
		DataFiles.writeTable(emg, dir.resolve(EMG_CSV), ',');
		DataFiles.writeImage(emg, dir.resolve(EMG_TIF));
		DataFiles.writeTable(SyntheticEmg.population(emg, POPULATION_UNITS, POPULATION_SEED), dir.resolve(POPULATION_CSV), ',');
		final Dataset hard = HardSyntheticEmg.generate();
		DataFiles.writeTable(hard, dir.resolve(EMG_HARD_CSV), ',');
		DataFiles.writeTable(HardSyntheticEmg.cueInputs(hard), dir.resolve(EMG_HARD_INPUTS_CSV), ',');
		final ij.ImagePlus movie = SyntheticCalcium.movie();
		if (!new ij.io.FileSaver(movie).saveAsTiffStack(dir.resolve(CALCIUM_MOVIE).toString()))
			throw new IOException(dir.resolve(CALCIUM_MOVIE) + ": could not be written");
		SyntheticCalcium.writeRois(SyntheticCalcium.rois(), dir.resolve(CALCIUM_ROIS));
		System.out.println("wrote " + dir.resolve(EMG_CSV) + ", " + dir.resolve(EMG_TIF) + ", " + dir.resolve(POPULATION_CSV) +
			", " + dir.resolve(EMG_HARD_CSV) + ", " + dir.resolve(EMG_HARD_INPUTS_CSV) + ", " + dir.resolve(CALCIUM_MOVIE) +
			" and " + dir.resolve(CALCIUM_ROIS));
	}
}
