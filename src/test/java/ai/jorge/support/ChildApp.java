package ai.jorge.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar target/jorge.jar serve} in a child JVM (the jar the {@code package} phase just
 * built), for tests that kill an instance the way a crash would. Output goes to a log file.
 */
public final class ChildApp implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;

  private ChildApp(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts an instance with {@code env} (port chosen here) and waits until it is ready. */
  public static ChildApp start(String instanceId, Map<String, String> env) throws IOException {
    int port = RedisServer.freePort();
    Path jar = Path.of("target", "jorge.jar").toAbsolutePath();
    if (!Files.exists(jar)) {
      throw new IllegalStateException("target/jorge.jar is missing: run the package phase first");
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    Path log = Files.createTempFile("jorge-" + instanceId + "-", ".log");
    var pb =
        new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "serve"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("JORGE_"));
    pb.environment().putAll(env);
    pb.environment().put("JORGE_PORT", Integer.toString(port));
    pb.environment().put("JORGE_INSTANCE_ID", instanceId);
    ChildApp child = new ChildApp(pb.start(), port, log);
    child.awaitReady(Duration.ofSeconds(60));
    return child;
  }

  public int port() {
    return port;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public long pid() {
    return process.pid();
  }

  private void awaitReady(Duration limit) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("instance exited at start; see " + log);
      }
      try {
        var r =
            http.send(
                HttpRequest.newBuilder(URI.create(url() + "/health/ready"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("instance not ready within " + limit + "; see " + log);
  }

  /** SIGKILL: no shutdown hook, no drain, as a crash. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
