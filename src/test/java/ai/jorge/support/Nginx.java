package ai.jorge.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's nginx as our own process on a loopback port, in front of the given instance ports,
 * with the WebSocket upgrade of {@code deploy/nginx.conf}. Config, pid, logs and temp files live
 * in a temp directory; {@link #close} stops it.
 */
public final class Nginx implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path dir;

  private Nginx(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  public static Nginx start(List<Integer> upstreamPorts) throws IOException {
    int port = RedisServer.freePort();
    Path dir = Files.createTempDirectory("jorge-nginx");
    Files.createDirectories(dir.resolve("logs"));
    StringBuilder servers = new StringBuilder();
    for (int p : upstreamPorts) {
      servers.append("    server 127.0.0.1:").append(p).append(" max_fails=1 fail_timeout=5s;\n");
    }
    String conf =
        """
        worker_processes 1;
        daemon off;
        user root;
        error_log %1$s/logs/error.log warn;
        pid %1$s/nginx.pid;
        events { worker_connections 2048; }
        http {
          access_log off;
          client_body_temp_path %1$s/client_body;
          proxy_temp_path %1$s/proxy;
          fastcgi_temp_path %1$s/fastcgi;
          uwsgi_temp_path %1$s/uwsgi;
          scgi_temp_path %1$s/scgi;
          upstream jorge {
        %2$s    keepalive 32;
          }
          map $http_upgrade $connection_upgrade { default upgrade; '' ''; }
          server {
            listen 127.0.0.1:%3$d;
            client_max_body_size 1m;
            proxy_http_version 1.1;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header Connection "";
            location ~ ^/api/v1/ws$ {
              proxy_pass http://jorge;
              proxy_set_header Host $http_host;
              proxy_set_header Upgrade $http_upgrade;
              proxy_set_header Connection $connection_upgrade;
              proxy_read_timeout 3600s;
            }
            location /health { proxy_pass http://jorge; proxy_next_upstream off; }
            location / { proxy_pass http://jorge; }
          }
        }
        """
            .formatted(dir, servers, port);
    Path file = dir.resolve("nginx.conf");
    Files.writeString(file, conf);
    String binary = Files.exists(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
    Process p =
        new ProcessBuilder(
                binary, "-e", dir.resolve("logs/error.log").toString(), "-c", file.toString(),
                "-p", dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("logs/stdout.log").toFile())
            .start();
    Nginx n = new Nginx(p, port, dir);
    n.awaitListening();
    return n;
  }

  private void awaitListening() throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "nginx exited: " + Files.readString(dir.resolve("logs/stdout.log")));
      }
      try (var s = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    throw new IllegalStateException("nginx did not listen on " + port);
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
