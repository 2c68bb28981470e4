package ai.jorge.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.protos.core.ModelProto;

/**
 * The byte format of a {@link LeadModel}: a magic header, a JSON block (version, provenance,
 * metrics, calibration, encoder columns and their standardisation) and the Tribuo model as its
 * protobuf. Stateless and thread-safe.
 */
final class ModelArtifact {
  private static final byte[] MAGIC = "JORGE-LEAD-MODEL".getBytes(StandardCharsets.US_ASCII);
  private static final int FORMAT = 1;
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  record Metadata(
      int format,
      String version,
      ModelProvenance provenance,
      ModelMetrics metrics,
      double calibrationSlope,
      double calibrationIntercept,
      List<String> columns,
      double[] mean,
      double[] scale) {}

  private ModelArtifact() {}

  static byte[] write(LeadModel model) {
    FeatureEncoder encoder = model.encoder();
    Metadata metadata =
        new Metadata(
            FORMAT,
            model.version(),
            model.provenance(),
            model.metrics(),
            model.calibration().slope(),
            model.calibration().intercept(),
            FeatureEncoder.names(),
            encoder.mean(),
            encoder.scale());
    try {
      byte[] json = JSON.writeValueAsBytes(metadata);
      byte[] tribuo = model.tribuo().serialize().toByteArray();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.length + tribuo.length + 64);
      DataOutputStream out = new DataOutputStream(bytes);
      out.write(MAGIC);
      out.writeInt(json.length);
      out.write(json);
      out.writeInt(tribuo.length);
      out.write(tribuo);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static LeadModel read(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IllegalArgumentException("not a Jorge lead model");
      }
      Metadata metadata = JSON.readValue(in.readNBytes(in.readInt()), Metadata.class);
      if (metadata.format() != FORMAT) {
        throw new IllegalArgumentException("unsupported model format " + metadata.format());
      }
      if (!metadata.columns().equals(FeatureEncoder.names())) {
        throw new IllegalArgumentException(
            "model " + metadata.version() + " was trained on a different feature schema");
      }
      Model<?> model = Model.deserialize(ModelProto.parseFrom(in.readNBytes(in.readInt())));
      if (!(model instanceof LinearSGDModel linear)) {
        throw new IllegalArgumentException(
            "expected a Tribuo LinearSGDModel, got " + model.getClass());
      }
      return new LeadModel(
          metadata.version(),
          FeatureEncoder.of(metadata.mean(), metadata.scale()),
          linear,
          new PlattScaling(metadata.calibrationSlope(), metadata.calibrationIntercept()),
          metadata.metrics(),
          metadata.provenance());
    } catch (JsonProcessingException | InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("corrupt lead model: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated lead model", e);
    }
  }
}
