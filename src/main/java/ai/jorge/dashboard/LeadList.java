package ai.jorge.dashboard;

import ai.jorge.InvalidInputException;
import ai.jorge.events.ViewerRedaction;
import ai.jorge.ops.MaskingConverter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The Leads table (SPEC §6): filter by temperature, bot and a search text, sort, page. Each row
 * carries the last message, and the latest score and next follow-up when those features' tables
 * exist. Viewers get first names only and masked message text. Thread-safe.
 */
public final class LeadList {
  static final int MAX_SIZE = 100;
  private static final Map<String, String> SORTS =
      Map.of(
          "created_at", "created_at",
          "last_message", "last_at",
          "temperature", "CASE temperature WHEN 'HOT' THEN 3 WHEN 'WARM' THEN 2 WHEN 'COLD' THEN 1 ELSE 0 END",
          "name", "LOWER(name)",
          "score", "score",
          "next_followup", "next_followup_at");
  private static final List<String> BOTS = List.of("concierge", "seller", "buyer", "human");
  private final Jdbi jdbi;
  private final OptionalTables tables;

  /** A validated request for one page of leads. */
  public record Query(String temperature, String bot, String text, String sort, int page, int size) {}

  LeadList(Jdbi jdbi, OptionalTables tables) {
    this.jdbi = jdbi;
    this.tables = tables;
  }

  static Query query(String temperature, String bot, String text, String sort, String page, String size) {
    List<String> problems = new ArrayList<>();
    String t = temperature == null || temperature.isBlank() ? null : temperature.toUpperCase(Locale.ROOT);
    if (t != null && !List.of("HOT", "WARM", "COLD").contains(t)) {
      problems.add("temperature (HOT, WARM or COLD)");
    }
    String b = bot == null || bot.isBlank() ? null : bot.toLowerCase(Locale.ROOT);
    if (b != null && !BOTS.contains(b)) {
      problems.add("bot (" + String.join(", ", BOTS) + ")");
    }
    String s = sort == null || sort.isBlank() ? "-last_message" : sort;
    if (!SORTS.containsKey(s.startsWith("-") ? s.substring(1) : s)) {
      problems.add("sort (" + String.join(", ", SORTS.keySet().stream().sorted().toList()) + ", '-' for descending)");
    }
    int p = number(page, 1, "page", problems);
    int n = number(size, 25, "size", problems);
    if (n > MAX_SIZE) {
      problems.add("size (at most " + MAX_SIZE + ")");
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("invalid lead query: " + String.join(", ", problems), problems);
    }
    String q = text == null || text.isBlank() ? null : text.trim();
    return new Query(t, b, q, s, p, n);
  }

  private static int number(String raw, int dflt, String name, List<String> problems) {
    if (raw == null || raw.isBlank()) {
      return dflt;
    }
    try {
      int v = Integer.parseInt(raw.trim());
      if (v >= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(name + " (a whole number from 1)");
    return dflt;
  }

  Map<String, Object> page(Query q, boolean withDetails) {
    boolean scores = tables.has("scores");
    boolean followups = tables.has("followups");
    String score =
        scores
            ? "(SELECT s.score FROM scores s WHERE s.contact_id = c.id ORDER BY s.id DESC LIMIT 1)"
            : "CAST(NULL AS INTEGER)";
    String next =
        followups
            ? "(SELECT MIN(f.due_at) FROM followups f WHERE f.contact_id = c.id AND f.status IN"
                + " ('pending', 'deferred'))"
            : "CAST(NULL AS TIMESTAMP WITH TIME ZONE)";
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (q.temperature() != null) {
      where.append(" AND v.temperature = :temperature");
    }
    if (q.bot() != null) {
      where.append(
          "human".equals(q.bot()) ? " AND v.human_hold = TRUE" : " AND v.human_hold = FALSE AND v.bot = :bot");
    }
    if (q.text() != null) {
      where.append(" AND (LOWER(c.name) LIKE :text OR c.id = :exact)");
    }
    String from =
        " FROM contacts c JOIN conversations v ON v.contact_id = c.id LEFT JOIN messages m ON m.id ="
            + " (SELECT MAX(m2.id) FROM messages m2 WHERE m2.contact_id = c.id)";
    boolean desc = q.sort().startsWith("-");
    String column = SORTS.get(desc ? q.sort().substring(1) : q.sort());
    String order = " ORDER BY " + column + (desc ? " DESC NULLS LAST" : " ASC NULLS LAST") + ", id";
    String select =
        "SELECT * FROM (SELECT c.id, c.name, c.channel, c.created_at, v.bot, v.temperature,"
            + " v.human_hold, v.opted_out, m.body AS last_text, m.direction AS last_direction,"
            + " m.author AS last_author, m.received_at AS last_at, "
            + score + " AS score, " + next + " AS next_followup_at" + from + where + ") leads"
            + order + " LIMIT :limit OFFSET :offset";
    return jdbi.withHandle(
        h -> {
          var count = h.createQuery("SELECT COUNT(*)" + from + where);
          var rows = h.createQuery(select);
          for (var stmt : List.of(count, rows)) {
            if (q.temperature() != null) {
              stmt.bind("temperature", q.temperature());
            }
            if (q.bot() != null && !"human".equals(q.bot())) {
              stmt.bind("bot", q.bot());
            }
            if (q.text() != null) {
              stmt.bind("text", "%" + q.text().toLowerCase(Locale.ROOT) + "%");
              stmt.bind("exact", q.text());
            }
          }
          long total = count.mapTo(Long.class).one();
          List<Map<String, Object>> items =
              rows.bind("limit", q.size())
                  .bind("offset", (long) (q.page() - 1) * q.size())
                  .map((rs, ctx) -> row(rs, withDetails))
                  .list();
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("items", items);
          out.put("page", q.page());
          out.put("size", q.size());
          out.put("total", total);
          out.put("sort", q.sort());
          out.put("has_scores", scores);
          out.put("has_followups", followups);
          return out;
        });
  }

  private static Map<String, Object> row(ResultSet rs, boolean withDetails) throws SQLException {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", rs.getString("id"));
    String name = rs.getString("name");
    r.put("name", withDetails ? name : ViewerRedaction.firstName(name));
    r.put("channel", rs.getString("channel"));
    r.put("bot", rs.getBoolean("human_hold") ? "human" : rs.getString("bot"));
    r.put("temperature", rs.getString("temperature"));
    int score = rs.getInt("score");
    r.put("score", rs.wasNull() ? null : score);
    r.put("opted_out", rs.getBoolean("opted_out"));
    r.put("created_at", instant(rs.getTimestamp("created_at")));
    String text = rs.getString("last_text");
    if (text == null) {
      r.put("last_message", null);
    } else {
      Map<String, Object> last = new LinkedHashMap<>();
      last.put("text", withDetails ? text : MaskingConverter.mask(text));
      last.put("direction", rs.getString("last_direction"));
      last.put("author", rs.getString("last_author"));
      last.put("at", instant(rs.getTimestamp("last_at")));
      r.put("last_message", last);
    }
    r.put("next_followup_at", instant(rs.getTimestamp("next_followup_at")));
    return r;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
