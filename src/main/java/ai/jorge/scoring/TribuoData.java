package ai.jorge.scoring;

import java.util.List;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/** The labels and example layout shared by training and verification against Tribuo. Stateless. */
final class TribuoData {
  static final String CONVERTED = "converted";
  static final String NOT_CONVERTED = "not_converted";
  static final LabelFactory FACTORY = new LabelFactory();

  private static final List<String> COLUMN_NAMES = FeatureEncoder.names();

  private TribuoData() {}

  static Label label(boolean converted) {
    return new Label(converted ? CONVERTED : NOT_CONVERTED);
  }

  /** A sparse Tribuo example holding the non-zero encoded columns. */
  static ArrayExample<Label> example(double[] encoded, Label label) {
    ArrayExample<Label> example = new ArrayExample<>(label);
    for (int j = 0; j < encoded.length; j++) {
      if (encoded[j] != 0) {
        example.add(COLUMN_NAMES.get(j), encoded[j]);
      }
    }
    return example;
  }
}
