package ai.jorge.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The default model as trained at build time and shipped in the jar ({@value #RESOURCE}), so a
 * first start stores it without training. {@code ShippedDefaultModelTest} fails when it no longer
 * equals what {@link DefaultModel#train()} produces; {@code ShippedDefaultModelWriter} rewrites it.
 * Falls back to training when the resource is missing. Stateless.
 */
final class ShippedDefaultModel {
  static final String RESOURCE = "/ai/jorge/scoring/default-model.bin";

  private ShippedDefaultModel() {}

  static LeadModel load() {
    try (InputStream in = ShippedDefaultModel.class.getResourceAsStream(RESOURCE)) {
      return in == null ? DefaultModel.train() : LeadModel.fromBytes(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
