package ai.jorge.scoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the default model shipped in the jar. Run it after a change to the generator, the features
 * or the trainer, from the project root: {@code java -cp target/test-classes:target/classes:$(cat
 * /tmp/cp.txt) ai.jorge.scoring.ShippedDefaultModelWriter}.
 */
final class ShippedDefaultModelWriter {
  private ShippedDefaultModelWriter() {}

  public static void main(String[] args) throws IOException {
    TribuoLogging.quiet();
    Path file = Path.of("src/main/resources" + ShippedDefaultModel.RESOURCE);
    Files.createDirectories(file.getParent());
    Files.write(file, DefaultModel.train().toBytes());
    System.out.println("wrote " + file);
  }
}
