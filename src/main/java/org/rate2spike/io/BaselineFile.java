package org.rate2spike.io;

import org.rate2spike.format.Npz;
import org.rate2spike.format.NpyArray;
import org.rate2spike.format.Json;
import org.rate2spike.format.FileFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.rate2spike.baseline.RateBaseline;
import org.rate2spike.rate.RateTargets;
import org.rate2spike.util.ParameterException;

import com.google.gson.JsonObject;

/**
 * The rate baseline as a {@code .npz} of the same family: everything of {@link TargetsFile} (the driven network it
 * learned from) plus {@code baseline_recurrent} (Ñ×Ñ, J, [i, j] from unit j to unit i), {@code baseline_readout}
 * (outputs×Ñ, w) and {@code training_nmse}; {@code meta.json} adds {@code seed}, {@code dt_rls}, {@code rls_alpha}
 * and {@code trials_init}.
 */
public final class BaselineFile {

	public static final String FORMAT = "rate2spike-baseline";

	private BaselineFile() {}

	public static void save(final RateBaseline b, final Path file) throws IOException {
		final JsonObject meta = TargetsFile.header(FORMAT);
		TargetsFile.putTargetsMeta(meta, b.targets());
		meta.addProperty("seed", b.seed());
		meta.addProperty("dt_rls", b.rlsInterval());
		meta.addProperty("rls_alpha", b.rlsAlpha());
		meta.addProperty("trials_init", b.settleTrials());
		final Map<String, NpyArray> a = new LinkedHashMap<>(TargetsFile.arrays(b.targets()));
		a.put("baseline_recurrent", NpyArray.ofRows(b.recurrent(), b.units()));
		a.put("baseline_readout", NpyArray.ofRows(b.readout(), b.units()));
		a.put("training_nmse", NpyArray.of(b.trainingNmse()));
		Npz.write(file, a, Map.of("meta.json", Json.write(meta)));
	}

	public static RateBaseline load(final Path file) throws IOException {
		final Npz.Contents c = Npz.read(file, TargetsFile.guard(file));
		final JsonObject meta = TargetsFile.checkHeader(c, FORMAT);
		final RateTargets t = TargetsFile.targets(c, meta);
		try {
			final int units = t.units();
			return new RateBaseline(t, c.array("baseline_recurrent", units, units).rows(),
				c.array("baseline_readout", t.outputs(), units).rows(), meta.get("seed").getAsLong(),
				meta.get("dt_rls").getAsDouble(), meta.get("rls_alpha").getAsDouble(), c.array("training_nmse").doubles(),
				meta.get("trials_init").getAsInt());
		}
		catch (final ParameterException e) {
			throw e;
		}
		catch (final RuntimeException e) {
			throw new FileFormatException(file, "has incomplete or mistyped metadata or arrays (" + e + ")");
		}
	}
}
