package ai.jorge.bench;

import ai.jorge.App;
import ai.jorge.config.ConfigLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * WebSocket fan-out (SPEC §11: 1,000 clients, 200 events/s, p99 publish-to-receive < 100 ms). A
 * real App (embedded H2) in this JVM, and N WebSocket clients in a second JVM on the same cores
 * ({@link WsFanoutClients}); each event is appended to the event log and published, stamped with
 * {@link System#nanoTime()} just before the append, and every client measures when it arrives. The
 * first seconds are warm-up.
 *
 * <p>Run: see BENCHMARKS.md. Arguments: {@code clients rate seconds warmupSeconds}.
 */
public final class WsFanoutBenchmark {
  private static final String KEY = "bench-admin-key-0123456789";

  private WsFanoutBenchmark() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    Map<String, String> env = new HashMap<>();
    env.put("JORGE_PORT", "0");
    env.put("JORGE_DB_URL", "jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    env.put("JORGE_API_KEY", KEY);
    env.put("JORGE_ADMIN_PASSWORD", "bench-admin-password");
    try (App app = App.create(ConfigLoader.fromEnv(env), java.time.Clock.systemUTC()).start()) {
      int total = rate * seconds;
      Process clientsJvm =
          new ProcessBuilder(
                  ProcessHandle.current().info().command().orElse("java"),
                  "-Xmx1g",
                  "-cp",
                  System.getProperty("java.class.path"),
                  WsFanoutClients.class.getName(),
                  "ws://127.0.0.1:" + app.port() + "/api/v1/ws",
                  KEY,
                  String.valueOf(clients),
                  String.valueOf(total),
                  String.valueOf(rate * warmup))
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      var report = clientsJvm.inputReader();
      String first = report.readLine();
      if (!"ready".equals(first)) {
        throw new IllegalStateException("clients did not subscribe: " + first);
      }
      Thread.sleep(500);
      long interval = 1_000_000_000L / rate;
      long start = System.nanoTime();
      long cpuBefore = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toMillis();
      String statBefore = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
      for (int e = 0; e < total; e++) {
        long due = start + e * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        app.events().record("system", "alert", Map.of("sent_ns", System.nanoTime(), "i", e));
      }
      long publishSeconds = System.nanoTime() - start;
      System.out.printf(
          "clients=%d rate=%d/s seconds=%d (warm-up %d s excluded) published=%d in %.1f s%n",
          clients, rate, seconds, warmup, total, publishSeconds / 1e9);
      System.out.printf(
          "server JVM cpu while publishing=%.1f s%n",
          (ProcessHandle.current().info().totalCpuDuration().orElseThrow().toMillis() - cpuBefore)
              / 1e3);
      String[] b = statBefore.substring(statBefore.lastIndexOf(')') + 2).split(" ");
      String statAfter = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
      String[] a = statAfter.substring(statAfter.lastIndexOf(')') + 2).split(" ");
      System.out.printf("server user=%.1f s sys=%.1f s%n", (Long.parseLong(a[11]) - Long.parseLong(b[11])) / 100.0, (Long.parseLong(a[12]) - Long.parseLong(b[12])) / 100.0);
      report.lines().forEach(System.out::println);
      clientsJvm.waitFor();
      String metrics =
          HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + app.port() + "/metrics"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString())
              .body();
      double evicted =
          metrics.lines()
              .filter(l -> l.startsWith("jorge_ws_evictions_total"))
              .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
              .sum();
      System.out.printf("evicted=%.0f%n", evicted);
    }
    System.exit(0);
  }
}
