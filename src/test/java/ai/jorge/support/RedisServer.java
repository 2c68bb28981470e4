package ai.jorge.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A private {@code redis-server} on a spare loopback port, for tests that stop and restart Redis
 * (the shared one on 6379 is never touched). No persistence; stopped by {@link #close}.
 */
public final class RedisServer implements AutoCloseable {
  private final int port;
  private final Path dir;
  private Process process;

  private RedisServer(int port, Path dir) {
    this.port = port;
    this.dir = dir;
  }

  public static RedisServer start() {
    try {
      RedisServer r = new RedisServer(freePort(), Files.createTempDirectory("jorge-redis"));
      r.restart();
      return r;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public URI url() {
    return URI.create("redis://127.0.0.1:" + port);
  }

  /** Starts (again) on the same port and waits until it answers. */
  public void restart() {
    try {
      process =
          new ProcessBuilder(
                  List.of(
                      "redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                      "--save", "", "--appendonly", "no", "--dir", dir.toString()))
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("redis.log").toFile())
              .start();
    } catch (IOException e) {
      throw new IllegalStateException("redis-server is required for this test", e);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      try {
        Redis.requirePing(url());
        return;
      } catch (IllegalStateException e) {
        if (System.nanoTime() > deadline || !process.isAlive()) {
          throw e;
        }
        sleep(50);
      }
    }
  }

  /** Kills the server at once (SIGKILL), as a crash would. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
