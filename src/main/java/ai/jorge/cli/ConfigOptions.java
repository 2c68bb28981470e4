package ai.jorge.cli;

import ai.jorge.config.ConfigLoader;
import ai.jorge.config.JorgeConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option shared by commands that read configuration. */
final class ConfigOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML file mirroring the JORGE_* variables; the environment wins over it.")
  Path file;

  JorgeConfig load() {
    return file == null
        ? ConfigLoader.fromEnv(System.getenv())
        : ConfigLoader.fromFileAndEnv(file, System.getenv());
  }
}
