package ai.jorge.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Constant-rate load on {@code POST /api/v1/webhooks/ghl} (wrk2 is not in Debian): a request is
 * due every 1/rate seconds whatever the server does, and its latency counts from when it was due,
 * so a stalled server cannot hide its queue (no coordinated omission). Plain HTTP/1.1 over
 * keep-alive sockets, one virtual thread per request, idle connections reused and new ones opened
 * when all are busy: a generator this cheap leaves the shared cores to the server. JDK only, so it
 * runs as a single source file: {@code java src/test/java/ai/jorge/bench/WebhookAckLoad.java URL
 * RATE SECONDS [WARMUP_SECONDS]}. Bounded in count and time; loopback targets only. See
 * BENCHMARKS.md.
 */
public final class WebhookAckLoad {
  private static final String PATH = "/api/v1/webhooks/ghl";

  private WebhookAckLoad() {}

  public static void main(String[] args) throws Exception {
    URI target = URI.create(args[0]);
    int rate = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    if (!target.getHost().matches("127\\.\\d+\\.\\d+\\.\\d+|localhost")) {
      throw new IllegalArgumentException("loopback targets only");
    }
    var pool = new Connections(new InetSocketAddress(target.getHost(), target.getPort()));
    String run = Long.toHexString(System.nanoTime());
    // Both phases write to the same 200 contacts: the warm-up creates them, the measured phase
    // sees the steady state of known contacts sending new messages.
    run(pool, rate, warmup, run, "w", true);
    Result r = run(pool, rate, seconds, run, "m", false);
    System.out.printf(
        "rate=%d/s seconds=%d requests=%d errors=%d p50=%.1fms p90=%.1fms p99=%.1fms p999=%.1fms"
            + " max=%.1fms connections=%d%n",
        rate, seconds, r.latencies.length, r.errors, pct(r.latencies, 50), pct(r.latencies, 90),
        pct(r.latencies, 99), pct(r.latencies, 99.9), pct(r.latencies, 100), pool.opened.get());
    if (System.getenv("SERIES") != null) {
      printSeries(r.latencies, rate);
    }
  }

  private record Result(double[] latencies, int errors) {}

  /**
   * One phase at {@code rate}; a warm-up phase ramps from a tenth of the rate up to it, so the
   * server's JIT compiles under load instead of drowning in it.
   */
  private static Result run(
      Connections pool, int rate, int seconds, String run, String phase, boolean ramp)
      throws InterruptedException {
    int total = ramp ? (int) (rate * seconds * 0.55) : rate * seconds;
    double[] latencies = new double[total];
    AtomicInteger errors = new AtomicInteger();
    Map<String, Integer> kinds = new ConcurrentHashMap<>();
    CountDownLatch done = new CountDownLatch(total);
    long phaseNanos = seconds * 1_000_000_000L;
    long start = System.nanoTime() + 50_000_000L;
    for (int i = 0; i < total; i++) {
      double fraction = (double) i / total;
      // Linear ramp: the i-th request is due when the area under 0.1..1.0 x rate reaches i.
      long due =
          ramp
              ? start + (long) (phaseNanos * (-0.1 + Math.sqrt(0.01 + 1.1 * 0.9 * fraction)) / 0.9)
              : start + (long) (phaseNanos * fraction);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      byte[] request = request(pool.host, run, phase, i);
      int n = i;
      Thread.startVirtualThread(
          () -> {
            try {
              int status = pool.post(request);
              if (status != 200) {
                errors.incrementAndGet();
                kinds.merge("HTTP " + status, 1, Integer::sum);
              }
            } catch (IOException e) {
              errors.incrementAndGet();
              kinds.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
            } finally {
              latencies[n] = (System.nanoTime() - due) / 1e6;
              done.countDown();
            }
          });
    }
    done.await();
    if (!kinds.isEmpty()) {
      System.out.println((ramp ? "warm-up" : "measured") + " errors by kind: " + kinds);
    }
    return new Result(latencies, errors.get());
  }

  /** The slowest request due in each second of the phase: shows whether the tail is steady or bursts. */
  private static void printSeries(double[] latencies, int rate) {
    var line = new StringBuilder("worst per second (ms):");
    for (int from = 0; from < latencies.length; from += rate) {
      double worst = 0;
      for (int i = from; i < Math.min(latencies.length, from + rate); i++) {
        worst = Math.max(worst, latencies[i]);
      }
      line.append(' ').append(Math.round(worst));
    }
    System.out.println(line);
  }

  private static byte[] request(String host, String run, String phase, int n) {
    String body =
        ("{\"type\":\"InboundMessage\",\"locationId\":\"loc_bench\",\"contactId\":\"bench-%s-%d\","
                + "\"conversationId\":\"cv-bench-%s-%d\",\"messageId\":\"bench-%s%s-%d\","
                + "\"body\":\"Hi, thinking about selling my house\",\"direction\":\"inbound\","
                + "\"messageType\":\"HealthCheck\",\"dateAdded\":\"%s\"}")
            .formatted(run, n % 200, run, n % 200, run, phase, n, Instant.now());
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST " + PATH + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + b.length + "\r\n\r\n";
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = Arrays.copyOf(h, h.length + b.length);
    System.arraycopy(b, 0, all, h.length, b.length);
    return all;
  }

  /**
   * Keep-alive connections, at most {@link #MAX}: a request takes an idle one, opens another, or
   * waits for one (its latency still counts from when it was due).
   */
  private static final class Connections {
    static final int MAX = 256;
    final Semaphore permits = new Semaphore(MAX);
    final InetSocketAddress address;
    final String host;
    final ConcurrentLinkedQueue<Conn> idle = new ConcurrentLinkedQueue<>();
    final AtomicInteger opened = new AtomicInteger();

    Connections(InetSocketAddress address) {
      this.address = address;
      this.host = address.getHostString() + ":" + address.getPort();
    }

    int post(byte[] request) throws IOException {
      permits.acquireUninterruptibly();
      try {
        return exchange(request);
      } finally {
        permits.release();
      }
    }

    private int exchange(byte[] request) throws IOException {
      Conn c = idle.poll();
      if (c == null) {
        c = new Conn(address);
        opened.incrementAndGet();
      }
      try {
        int status = c.exchange(request);
        if (c.closing) {
          c.socket.close();
        } else {
          idle.offer(c);
        }
        return status;
      } catch (IOException e) {
        c.socket.close();
        throw e;
      }
    }
  }

  private static final class Conn {
    final Socket socket;
    final OutputStream out;
    final InputStream in;
    /** The last response said {@code Connection: close}. */
    boolean closing;

    Conn(InetSocketAddress address) throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(address, 5_000);
      socket.setSoTimeout(30_000);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 8192);
    }

    /** Sends one request and reads the whole response; answers the status code. */
    int exchange(byte[] request) throws IOException {
      out.write(request);
      out.flush();
      String status = line();
      int code = Integer.parseInt(status.substring(9, 12));
      long length = -1;
      boolean chunked = false;
      for (String h = line(); !h.isEmpty(); h = line()) {
        String lower = h.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Long.parseLong(lower.substring(15).trim());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          // The server ends the connection after this response (nginx does after
          // keepalive_requests): reusing it would fail the next request.
          closing = true;
        }
      }
      if (chunked) {
        for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
          skip(size);
          line();
        }
        line();
      } else if (length > 0) {
        skip(length);
      }
      return code;
    }

    private String line() throws IOException {
      StringBuilder sb = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new IOException("connection closed");
        }
        if (c != '\r') {
          sb.append((char) c);
        }
      }
      return sb.toString();
    }

    private void skip(long n) throws IOException {
      while (n > 0) {
        long s = in.skip(n);
        if (s <= 0) {
          if (in.read() < 0) {
            throw new IOException("connection closed");
          }
          s = 1;
        }
        n -= s;
      }
    }
  }

  private static double pct(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
  }
}
