package ai.jorge.support;

import ai.jorge.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the GoHighLevel webhook samples from {@code ../shared/data/ghl/} and varies them. */
public final class Ghl {
  private static final ObjectMapper JSON = Json.newMapper();
  public static final Path DATA = Path.of("..", "shared", "data");

  private Ghl() {}

  public static ObjectNode sample(String name) {
    try {
      return (ObjectNode) JSON.readTree(Files.readString(DATA.resolve("ghl").resolve(name + ".json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
