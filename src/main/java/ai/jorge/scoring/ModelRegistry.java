package ai.jorge.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The model registry in the database: every version ever trained, with its status ({@code active} —
 * exactly one —, {@code candidate}, {@code retired}, {@code rejected} or {@code rolled_back}), when
 * it was created and last activated, who trained it, its training data, metrics, provenance, the
 * promotion decision and the serialized model. Versions are never deleted. Stateless and
 * thread-safe; runs on the caller's handle.
 */
public final class ModelRegistry {
  static final String ACTIVE = "active";
  static final String RETIRED = "retired";
  static final String REJECTED = "rejected";
  static final String ROLLED_BACK = "rolled_back";

  private static final String COLUMNS =
      "version, status, created_at, activated_at, trained_by, data_description, metrics,"
          + " provenance, decision";

  private final ObjectMapper json;

  public ModelRegistry(ObjectMapper json) {
    this.json = json;
  }

  /** One registry row without the model bytes. JSON columns are parsed. */
  public record Entry(
      String version,
      String status,
      Instant createdAt,
      Instant activatedAt,
      String trainedBy,
      String trainingData,
      JsonNode metrics,
      JsonNode provenance,
      JsonNode decision) {}

  Optional<Entry> active(Handle h) {
    return h.createQuery("SELECT " + COLUMNS + " FROM model_versions WHERE status = 'active'")
        .map((rs, ctx) -> entry(rs))
        .findFirst();
  }

  /** The active row, locked until the transaction ends, so promotions never interleave. */
  Optional<Entry> lockActive(Handle h) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM model_versions WHERE status = 'active' FOR UPDATE")
        .map((rs, ctx) -> entry(rs))
        .findFirst();
  }

  Optional<String> activeVersion(Handle h) {
    return h.createQuery("SELECT version FROM model_versions WHERE status = 'active'")
        .mapTo(String.class)
        .findFirst();
  }

  /** The active model, deserialized, or empty when the registry has none. */
  public Optional<LeadModel> loadActive(Handle h) {
    return activeVersion(h).map(v -> load(h, v));
  }

  LeadModel load(Handle h, String version) {
    byte[] bytes =
        h.createQuery("SELECT bytes FROM model_versions WHERE version = :v")
            .bind("v", version)
            .mapTo(byte[].class)
            .one();
    return LeadModel.fromBytes(bytes);
  }

  /** Stores a new version; {@code activatedAt} is null unless it goes live now. */
  void insert(
      Handle h,
      LeadModel model,
      String status,
      String trainedBy,
      Instant createdAt,
      Instant activatedAt,
      Map<String, Object> decision) {
    h.createUpdate(
            "INSERT INTO model_versions (version, status, created_at, activated_at, trained_by,"
                + " data_description, metrics, provenance, decision, bytes) VALUES (:v, :s, :c, :a,"
                + " :by, :d, :m, :p, :dec, :b)")
        .bind("v", model.version())
        .bind("s", status)
        .bind("c", createdAt)
        .bind("a", activatedAt)
        .bind("by", trainedBy)
        .bind("d", truncate(model.provenance().dataDescription(), 1000))
        .bind("m", write(model.metrics()))
        .bind("p", write(model.provenance()))
        .bind("dec", decision == null ? null : write(decision))
        .bind("b", model.toBytes())
        .execute();
  }

  void retire(Handle h, String version, String status) {
    h.createUpdate("UPDATE model_versions SET status = :s WHERE version = :v")
        .bind("s", status)
        .bind("v", version)
        .execute();
  }

  void activate(Handle h, String version, Instant at) {
    h.createUpdate(
            "UPDATE model_versions SET status = 'active', activated_at = :a WHERE version = :v")
        .bind("a", at)
        .bind("v", version)
        .execute();
  }

  /** The most recently active version before the current one that was not itself rolled back. */
  Optional<Entry> previous(Handle h) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM model_versions WHERE status = 'retired' AND activated_at IS NOT NULL"
                + " ORDER BY activated_at DESC LIMIT 1")
        .map((rs, ctx) -> entry(rs))
        .findFirst();
  }

  boolean exists(Handle h, String version) {
    return h.createQuery("SELECT COUNT(*) FROM model_versions WHERE version = :v")
            .bind("v", version)
            .mapTo(Long.class)
            .one()
        > 0;
  }

  /** Every version, newest first. */
  public List<Entry> list(Handle h) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM model_versions ORDER BY created_at DESC, version DESC")
        .map((rs, ctx) -> entry(rs))
        .list();
  }

  /** When the newest version was trained, i.e. the last training of any kind. */
  Optional<Instant> lastTrainedAt(Handle h) {
    return h.createQuery("SELECT MAX(created_at) FROM model_versions")
        .mapTo(Instant.class)
        .findOne();
  }

  private Entry entry(ResultSet rs) throws SQLException {
    var activated = rs.getTimestamp("activated_at");
    return new Entry(
        rs.getString("version"),
        rs.getString("status"),
        rs.getTimestamp("created_at").toInstant(),
        activated == null ? null : activated.toInstant(),
        rs.getString("trained_by"),
        rs.getString("data_description"),
        read(rs.getString("metrics")),
        read(rs.getString("provenance")),
        read(rs.getString("decision")));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not serialisable", e);
    }
  }

  private JsonNode read(String text) {
    if (text == null) {
      return null;
    }
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt registry JSON", e);
    }
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
