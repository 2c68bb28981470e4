package ai.jorge.guard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Append-only, hash-chained audit log: one JSON object per line carrying {@code seq},
 * {@code prev_hash} (the previous line's hash, 64 zeros for the first) and {@code hash} =
 * SHA-256 hex of {@code prev_hash} followed by the line's canonical JSON (keys sorted, without
 * {@code hash}). Editing, inserting or deleting a line breaks the chain at that line; cutting lines
 * off the end is only detectable against a head hash kept elsewhere. Appends take an exclusive file
 * lock, so several processes (git hooks, the server) may share one file. Thread-safe.
 */
public final class AuditLog {
  static final String GENESIS = "0".repeat(64);
  private static final ObjectMapper CANONICAL = JsonMapper.builder()
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
  private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();

  private final Path file;
  private final Object monitor;
  /** The chain's head as this instance last wrote it, valid while the file keeps that size. */
  private Head head;

  private record Head(long size, long seq, String hash) {}

  private AuditLog(Path file) {
    this.file = file.toAbsolutePath().normalize();
    this.monitor = MONITORS.computeIfAbsent(this.file, f -> new Object());
  }

  /** A log appending to {@code file}; parent directories are created, the file on first append. */
  public static AuditLog open(Path file) {
    AuditLog log = new AuditLog(file);
    try {
      Files.createDirectories(log.file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create audit log directory for " + file, e);
    }
    return log;
  }

  public Path file() {
    return file;
  }

  /** Appends one entry (string, integer or boolean values) and returns its hash. */
  String append(Map<String, Object> entry) {
    synchronized (monitor) {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE,
          StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        FileLock lock = ch.lock();
        try {
          return appendLocked(ch, entry);
        } finally {
          lock.release();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append to audit log " + file, e);
      }
    }
  }

  private String appendLocked(FileChannel ch, Map<String, Object> entry) throws IOException {
    Head last = currentHead(ch);
    String prev = last == null ? GENESIS : last.hash();
    long seq = last == null ? 1 : last.seq() + 1;
    Map<String, Object> fields = new LinkedHashMap<>(entry);
    fields.put("seq", seq);
    fields.put("prev_hash", prev);
    String hash = sha256(prev + CANONICAL.writeValueAsString(fields));
    fields.put("hash", hash);
    String line = CANONICAL.writeValueAsString(fields) + "\n";
    ByteBuffer buffer = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
    ch.position(ch.size());
    while (buffer.hasRemaining()) {
      ch.write(buffer);
    }
    head = new Head(ch.size(), seq, hash);
    return hash;
  }

  /**
   * The last line's seq and hash: remembered from this instance's own last append while nobody
   * else wrote to the file since (its size is unchanged), read from the file's end otherwise.
   */
  private Head currentHead(FileChannel ch) throws IOException {
    long size = ch.size();
    if (head != null && head.size() == size) {
      return head;
    }
    Map<String, Object> last = lastEntry(ch);
    return last == null
        ? null
        : new Head(size, ((Number) last.get("seq")).longValue(), (String) last.get("hash"));
  }

  /** Checks every line's chain link, sequence number and hash. */
  public static AuditVerification verify(Path file) {
    String expectedPrev = GENESIS;
    long lineNo = 0;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        Map<String, Object> fields;
        try {
          fields = CANONICAL.readValue(line, MAP);
        } catch (JsonProcessingException e) {
          return AuditVerification.broken(lineNo, lineNo, "not a JSON object");
        }
        Object hash = fields.remove("hash");
        if (!expectedPrev.equals(fields.get("prev_hash"))) {
          return AuditVerification.broken(
              lineNo, lineNo, "prev_hash does not match the line before");
        }
        if (!(fields.get("seq") instanceof Number n) || n.longValue() != lineNo) {
          return AuditVerification.broken(lineNo, lineNo, "seq is not " + lineNo);
        }
        String recomputed = sha256(expectedPrev + CANONICAL.writeValueAsString(fields));
        if (!recomputed.equals(hash)) {
          return AuditVerification.broken(lineNo, lineNo, "hash does not match the line's content");
        }
        expectedPrev = recomputed;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read audit log " + file, e);
    }
    return AuditVerification.intact(lineNo);
  }

  private static Map<String, Object> lastEntry(FileChannel ch) throws IOException {
    long size = ch.size();
    if (size == 0) {
      return null;
    }
    String tail;
    int window = (int) Math.min(size, 4096);
    while (true) {
      ByteBuffer buffer = ByteBuffer.allocate(window);
      ch.read(buffer, size - window);
      tail = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
      if (!tail.endsWith("\n")) {
        throw new IOException("the last line is incomplete");
      }
      // The window must hold the whole last line: a newline before it, or the file's start.
      if (window == size || tail.lastIndexOf('\n', tail.length() - 2) >= 0 || window >= 1 << 20) {
        break;
      }
      window = (int) Math.min(size, window * 4L);
    }
    String trimmed = tail.substring(0, tail.length() - 1);
    String lastLine = trimmed.substring(trimmed.lastIndexOf('\n') + 1);
    Map<String, Object> last = CANONICAL.readValue(lastLine, MAP);
    if (!(last.get("seq") instanceof Number) || !(last.get("hash") instanceof String)) {
      throw new IOException("the last line has no seq or hash");
    }
    return last;
  }

  static String sha256(String s) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
