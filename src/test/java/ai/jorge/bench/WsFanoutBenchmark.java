package ai.jorge.bench;

import ai.jorge.App;
import ai.jorge.config.ConfigLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WebSocket fan-out (SPEC §11: 1,000 clients, 200 events/s, p99 publish-to-receive < 100 ms). A
 * real App (embedded H2) and N JDK WebSocket clients in one JVM on the same cores; each event is
 * appended to the event log and published, stamped with {@link System#nanoTime()} just before the
 * append, and every client measures when it arrives. The first seconds are warm-up.
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
      URI uri = URI.create("ws://127.0.0.1:" + app.port() + "/api/v1/ws");
      int total = rate * seconds;
      long[][] latencies = new long[clients][total];
      int[] received = new int[clients];
      AtomicLong wrong = new AtomicLong();
      List<HttpClient> https = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        https.add(HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2)).build());
      }
      CountDownLatch ready = new CountDownLatch(clients);
      List<WebSocket> sockets = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int id = c;
        var authSent = new java.util.concurrent.CompletableFuture<WebSocket>();
        var listener =
            new WebSocket.Listener() {
              private final StringBuilder buf = new StringBuilder();

              @Override
              public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                buf.append(data);
                if (last) {
                  String msg = buf.toString();
                  buf.setLength(0);
                  long now = System.nanoTime();
                  if (msg.contains("\"type\":\"welcome\"")) {
                    authSent
                        .thenCompose(w -> w.sendText("{\"type\":\"subscribe\",\"topics\":[\"system\"]}", true))
                        .thenRun(ready::countDown);
                  } else if (msg.contains("\"type\":\"event\"")) {
                    int i = msg.indexOf("\"sent_ns\":") + 10;
                    int j = i;
                    while (j < msg.length() && (Character.isDigit(msg.charAt(j)) || msg.charAt(j) == '-')) {
                      j++;
                    }
                    int n = received[id]++;
                    if (n < total) {
                      latencies[id][n] = now - Long.parseLong(msg.substring(i, j));
                    } else {
                      wrong.incrementAndGet();
                    }
                  }
                }
                ws.request(1);
                return null;
              }
            };
        WebSocket ws = https.get(c % https.size()).newWebSocketBuilder().buildAsync(uri, listener).join();
        ws.sendText("{\"type\":\"auth\",\"token\":\"" + KEY + "\"}", true)
            .whenComplete((w, e) -> authSent.complete(ws));
        sockets.add(ws);
      }
      if (!ready.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("clients did not subscribe in time: " + ready.getCount() + " left");
      }
      Thread.sleep(500);
      long interval = 1_000_000_000L / rate;
      long start = System.nanoTime();
      for (int e = 0; e < total; e++) {
        long due = start + e * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        app.events().record("system", "alert", Map.of("sent_ns", System.nanoTime(), "i", e));
      }
      long publishSeconds = System.nanoTime() - start;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (Arrays.stream(received).anyMatch(r -> r < total) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      int skip = rate * warmup;
      long[] all = new long[clients * (total - skip)];
      int k = 0;
      long missing = 0;
      for (int c = 0; c < clients; c++) {
        missing += Math.max(0, total - received[c]);
        for (int n = skip; n < Math.min(received[c], total); n++) {
          all[k++] = latencies[c][n];
        }
      }
      long[] sorted = Arrays.copyOf(all, k);
      Arrays.sort(sorted);
      System.out.printf(
          "clients=%d rate=%d/s seconds=%d (warm-up %d s excluded) published=%d in %.1f s%n",
          clients, rate, seconds, warmup, total, publishSeconds / 1e9);
      long starved = Arrays.stream(received).filter(r -> r == 0).count();
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
      System.out.printf(
          "deliveries measured=%d missing=%d extra=%d clients-with-none=%d evicted=%.0f%n",
          k, missing, wrong.get(), starved, evicted);
      System.out.printf(
          "publish-to-receive p50=%.2f ms p90=%.2f ms p99=%.2f ms p99.9=%.2f ms max=%.2f ms%n",
          pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), pct(sorted, 0.999),
          sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
      sockets.forEach(WebSocket::abort);
    }
    System.exit(0);
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
  }
}
