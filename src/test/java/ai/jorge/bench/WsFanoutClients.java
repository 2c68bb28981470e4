package ai.jorge.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The client half of {@link WsFanoutBenchmark}, run in its own JVM so that the server's heap, GC
 * and threads are its own: N WebSocket connections (RFC 6455 by hand, one selector thread) that
 * authenticate with an API key, subscribe to {@code system} and record, for each event, the time
 * from its {@code sent_ns} stamp to its arrival. Both processes read {@link System#nanoTime()},
 * which on Linux is the system-wide monotonic clock, so the stamps compare across them. Kept
 * minimal so the clients take as little of the shared CPU as possible.
 *
 * <p>Prints {@code ready} once every client is subscribed, then the percentiles after {@code
 * expected} events reached every client, or once nothing has arrived for 30 s.
 */
public final class WsFanoutClients {
  private static final byte[] SENT_NS = "\"sent_ns\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] WELCOME = "\"type\":\"welcome\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EVENT = "\"type\":\"event\"".getBytes(StandardCharsets.US_ASCII);

  private WsFanoutClients() {}

  public static void main(String[] args) throws Exception {
    URI uri = URI.create(args[0]);
    String key = args[1];
    int clients = Integer.parseInt(args[2]);
    int expected = Integer.parseInt(args[3]);
    int skip = Integer.parseInt(args[4]);
    Conn[] conns = new Conn[clients];
    Selector selector = Selector.open();
    for (int c = 0; c < clients; c++) {
      conns[c] = Conn.open(uri, key, expected);
      conns[c].channel.configureBlocking(false);
      conns[c].channel.register(selector, SelectionKey.OP_READ, conns[c]);
    }
    int subscribed = 0;
    long lastArrival = Long.MAX_VALUE;
    ByteBuffer scratch = ByteBuffer.allocateDirect(1 << 16);
    boolean announced = false;
    while (true) {
      selector.select(100);
      for (SelectionKey k : selector.selectedKeys()) {
        Conn conn = (Conn) k.attachment();
        scratch.clear();
        int n = conn.channel.read(scratch);
        if (n < 0) {
          k.cancel();
          conn.closed = true;
          continue;
        }
        scratch.flip();
        long now = System.nanoTime();
        subscribed += conn.consume(scratch, now);
        lastArrival = announced ? now : lastArrival;
      }
      selector.selectedKeys().clear();
      if (!announced && subscribed == clients) {
        System.out.println("ready");
        System.out.flush();
        announced = true;
      }
      boolean quiet = lastArrival != Long.MAX_VALUE && System.nanoTime() - lastArrival > 30_000_000_000L;
      if (announced && (allDone(conns, expected) || quiet)) {
        break;
      }
    }
    report(conns, expected, skip);
  }

  private static boolean allDone(Conn[] conns, int expected) {
    for (Conn c : conns) {
      if (c.received < expected && !c.closed) {
        return false;
      }
    }
    return true;
  }

  private static void report(Conn[] conns, int expected, int skip) {
    long missing = 0;
    long extra = 0;
    long outOfOrder = 0;
    long closed = 0;
    long[] all = new long[conns.length * Math.max(0, expected - skip)];
    int k = 0;
    for (Conn c : conns) {
      missing += Math.max(0, expected - c.received);
      extra += c.extra;
      outOfOrder += c.outOfOrder;
      closed += c.closed ? 1 : 0;
      for (int n = skip; n < Math.min(c.received, expected); n++) {
        all[k++] = c.latencies[n];
      }
    }
    long[] sorted = Arrays.copyOf(all, k);
    Arrays.sort(sorted);
    System.out.printf(
        "deliveries measured=%d missing=%d extra=%d out-of-order=%d closed=%d%n",
        k, missing, extra, outOfOrder, closed);
    System.out.printf(
        "publish-to-receive p50=%.2f ms p90=%.2f ms p99=%.2f ms p99.9=%.2f ms max=%.2f ms%n",
        pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), pct(sorted, 0.999),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    System.out.printf(
        "client JVM cpu=%.1f s%n",
        ProcessHandle.current().info().totalCpuDuration().orElseThrow().toMillis() / 1e3);
    System.out.flush();
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
  }

  /** One connection: frames are parsed from whatever bytes arrive, across reads. */
  private static final class Conn {
    final SocketChannel channel;
    final long[] latencies;
    byte[] pending = new byte[0];
    int received;
    long extra;
    long outOfOrder;
    long lastIndex = -1;
    boolean closed;

    private Conn(SocketChannel channel, int expected) {
      this.channel = channel;
      this.latencies = new long[expected];
    }

    static Conn open(URI uri, String key, int expected) throws IOException {
      SocketChannel ch = SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort()));
      ch.socket().setTcpNoDelay(true);
      byte[] nonce = new byte[16];
      ThreadLocalRandom.current().nextBytes(nonce);
      String request =
          "GET " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
              + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
              + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
      writeAll(ch, ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer in = ByteBuffer.allocate(4096);
      int end;
      while ((end = headerEnd(in)) < 0) {
        if (ch.read(in) < 0) {
          throw new IOException("handshake: connection closed");
        }
      }
      String head = new String(in.array(), 0, end, StandardCharsets.US_ASCII);
      if (!head.startsWith("HTTP/1.1 101")) {
        throw new IOException("handshake refused: " + head.lines().findFirst().orElse(""));
      }
      Conn conn = new Conn(ch, expected);
      conn.pending = Arrays.copyOfRange(in.array(), end, in.position());
      conn.send(1, "{\"type\":\"auth\",\"token\":\"" + key + "\"}");
      return conn;
    }

    private static int headerEnd(ByteBuffer in) {
      byte[] a = in.array();
      for (int i = 3; i < in.position(); i++) {
        if (a[i - 3] == '\r' && a[i - 2] == '\n' && a[i - 1] == '\r' && a[i] == '\n') {
          return i + 1;
        }
      }
      return -1;
    }

    /** Parses every complete frame; returns 1 when this read completed the subscription. */
    int consume(ByteBuffer data, long now) throws IOException {
      byte[] buf = new byte[pending.length + data.remaining()];
      System.arraycopy(pending, 0, buf, 0, pending.length);
      data.get(buf, pending.length, data.remaining());
      int pos = 0;
      int subscribedNow = 0;
      while (buf.length - pos >= 2) {
        int opcode = buf[pos] & 0x0f;
        int len = buf[pos + 1] & 0x7f;
        int header = 2;
        if (len == 126) {
          if (buf.length - pos < 4) {
            break;
          }
          len = ((buf[pos + 2] & 0xff) << 8) | (buf[pos + 3] & 0xff);
          header = 4;
        } else if (len == 127) {
          if (buf.length - pos < 10) {
            break;
          }
          len = (int) readLong(buf, pos + 2);
          header = 10;
        }
        if (buf.length - pos < header + len) {
          break;
        }
        int start = pos + header;
        if (opcode == 1) {
          subscribedNow += onText(buf, start, start + len, now);
        } else if (opcode == 9) {
          send(10, new String(buf, start, len, StandardCharsets.ISO_8859_1));
        } else if (opcode == 8) {
          closed = true;
        }
        pos = start + len;
      }
      pending = Arrays.copyOfRange(buf, pos, buf.length);
      return subscribedNow;
    }

    private int onText(byte[] b, int from, int to, long now) throws IOException {
      if (indexOf(b, from, to, EVENT) >= 0) {
        int i = indexOf(b, from, to, SENT_NS) + SENT_NS.length;
        long sent = 0;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
          sent = sent * 10 + (b[i++] - '0');
        }
        if (received < latencies.length) {
          latencies[received++] = now - sent;
        } else {
          extra++;
        }
        if (sent <= lastIndex) {
          outOfOrder++;
        }
        lastIndex = sent;
        return 0;
      }
      if (indexOf(b, from, to, WELCOME) >= 0) {
        send(1, "{\"type\":\"subscribe\",\"topics\":[\"system\"]}");
        return 1;
      }
      return 0;
    }

    private static int indexOf(byte[] b, int from, int to, byte[] needle) {
      outer:
      for (int i = from; i <= to - needle.length; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (b[i + j] != needle[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }

    private static long readLong(byte[] b, int at) {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (b[at + i] & 0xff);
      }
      return v;
    }

    /** A masked client frame, as RFC 6455 requires of clients; payloads here are short. */
    void send(int opcode, String text) throws IOException {
      byte[] payload = text.getBytes(StandardCharsets.ISO_8859_1);
      if (payload.length > 125) {
        throw new IllegalArgumentException("client frames here stay under 126 bytes");
      }
      byte[] mask = new byte[4];
      ThreadLocalRandom.current().nextBytes(mask);
      ByteBuffer frame = ByteBuffer.allocate(6 + payload.length);
      frame.put((byte) (0x80 | opcode)).put((byte) (0x80 | payload.length)).put(mask);
      for (int i = 0; i < payload.length; i++) {
        frame.put((byte) (payload[i] ^ mask[i & 3]));
      }
      frame.flip();
      writeAll(channel, frame);
    }

    private static void writeAll(SocketChannel ch, ByteBuffer b) throws IOException {
      while (b.hasRemaining()) {
        if (ch.write(b) == 0) {
          Thread.onSpinWait();
        }
      }
    }
  }
}
