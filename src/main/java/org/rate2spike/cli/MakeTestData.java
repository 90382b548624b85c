package org.rate2spike.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.rate2spike.format.DataFiles;
import org.rate2spike.format.Dataset;
import org.rate2spike.task.SyntheticEmg;

/**
 * Writes the shipped example data into a folder (default {@code test-data}):
 * {@code reach_emg.csv} and {@code reach_emg.tif} (the reach task's synthetic EMG, 8 conditions × 4 muscles, the same
 * numbers in both), and {@code reach_population.csv} (a synthetic population of 40 units for factors from data).
 * <pre>java -cp target/rate2spike-cli.jar org.rate2spike.cli.MakeTestData test-data</pre>
 */
public final class MakeTestData {

	public static final String EMG_CSV = "reach_emg.csv", EMG_TIF = "reach_emg.tif", POPULATION_CSV = "reach_population.csv";
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
		System.out.println("wrote " + dir.resolve(EMG_CSV) + ", " + dir.resolve(EMG_TIF) + " and " + dir.resolve(POPULATION_CSV));
	}
}
