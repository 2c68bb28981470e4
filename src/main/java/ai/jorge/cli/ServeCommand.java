package ai.jorge.cli;

import ai.jorge.App;
import ai.jorge.config.JorgeConfig;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the platform until the process is stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Start the platform (embedded H2 database unless JORGE_DB_URL says otherwise).")
final class ServeCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(
      names = "--demo",
      description = "Seed example leads and keep demo conversations flowing; webhook signatures in shadow mode.")
  boolean demo;

  @Option(names = "--port", description = "Overrides JORGE_PORT.")
  Integer port;

  @Override
  public Integer call() {
    Map<String, String> overrides = new HashMap<>();
    if (port != null) {
      overrides.put("JORGE_PORT", port.toString());
    }
    if (demo) {
      overrides.put("JORGE_WEBHOOK_SIGNATURES", "shadow");
    }
    JorgeConfig cfg = options.load(overrides);
    App app = App.create(cfg, Clock.systemUTC(), demo);
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
    app.start();
    System.out.println("Jorge is running on http://localhost:" + app.port() + "/");
    return 0;
  }
}
