package ai.jorge.cli;

import ai.jorge.config.ConfigLoader;
import ai.jorge.config.JorgeConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option shared by commands that read configuration. */
final class ConfigOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML file mirroring the JORGE_* variables; the environment wins over it.")
  Path file;

  JorgeConfig load() {
    return load(Map.of());
  }

  /** Loads with {@code overrides} (command-line options) winning over the environment. */
  JorgeConfig load(Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putAll(overrides);
    return file == null ? ConfigLoader.fromEnv(env) : ConfigLoader.fromFileAndEnv(file, env);
  }
}
