package ai.jorge.dashboard;

import ai.jorge.conversation.ConversationState;
import ai.jorge.conversation.SideState;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The Overview numbers of SPEC §6, each computed from the database when asked (definitions in
 * {@code docs/api.md}). The pipeline commission needs the scores table of the scoring feature
 * and is null without it. Thread-safe.
 */
public final class DashboardMetrics {
  private static final Duration ACTIVE_WINDOW = Duration.ofHours(24);
  private final Jdbi jdbi;
  private final ObjectMapper json;
  private final Clock clock;
  private final ZoneId zone;
  private final OptionalTables tables;

  public DashboardMetrics(Jdbi jdbi, ObjectMapper json, Clock clock, ZoneId zone) {
    this.jdbi = jdbi;
    this.json = json;
    this.clock = clock;
    this.zone = zone;
    this.tables = new OptionalTables(jdbi);
  }

  Jdbi jdbi() {
    return jdbi;
  }

  OptionalTables tables() {
    return tables;
  }

  public Map<String, Object> compute() {
    Instant now = clock.instant();
    return jdbi.withHandle(
        h -> {
          Map<String, Object> m = new LinkedHashMap<>();
          long leads = count(h, "SELECT COUNT(*) FROM contacts", null);
          Instant midnight = LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
          m.put("computed_at", now);
          m.put("time_zone", zone.getId());
          m.put("total_leads", leads);
          m.put("new_leads_today", count(h, "SELECT COUNT(*) FROM contacts WHERE created_at >= :t", midnight));
          m.put(
              "active_conversations",
              count(
                  h,
                  "SELECT COUNT(*) FROM conversations WHERE last_inbound_at >= :t AND opted_out = FALSE",
                  now.minus(ACTIVE_WINDOW)));
          m.put(
              "hot_leads",
              count(h, "SELECT COUNT(*) FROM conversations WHERE temperature = 'HOT' AND opted_out = FALSE", null));
          m.put("median_first_response_seconds", medianFirstResponse(h));
          m.put(
              "appointments_booked",
              count(h, "SELECT COUNT(*) FROM appointments WHERE status = 'booked'", null));
          m.put("pipeline_expected_commission", pipeline(h));
          m.putAll(answers(h, leads));
          m.put("temperatures", temperatures(h));
          return m;
        });
  }

  private static long count(Handle h, String sql, Instant t) {
    var q = h.createQuery(sql);
    if (t != null) {
      q.bind("t", t);
    }
    return q.mapTo(Long.class).one();
  }

  /** Median over leads of (first bot reply − first inbound message), in seconds. */
  private static Double medianFirstResponse(Handle h) {
    List<Double> seconds =
        new ArrayList<>(
            h.createQuery(
                    "SELECT i.first_in, o.first_out FROM (SELECT contact_id, MIN(received_at) AS"
                        + " first_in FROM messages WHERE direction = 'inbound' GROUP BY contact_id) i"
                        + " JOIN (SELECT contact_id, MIN(received_at) AS first_out FROM messages"
                        + " WHERE direction = 'outbound' AND author = 'bot' GROUP BY contact_id) o ON"
                        + " o.contact_id = i.contact_id")
                .map(
                    (rs, ctx) ->
                        Duration.between(
                                    rs.getTimestamp("first_in").toInstant(),
                                    rs.getTimestamp("first_out").toInstant())
                                .toNanos()
                            / 1e9)
                .filter(s -> s >= 0)
                .list());
    if (seconds.isEmpty()) {
      return null;
    }
    Collections.sort(seconds);
    int n = seconds.size();
    return n % 2 == 1 ? seconds.get(n / 2) : (seconds.get(n / 2 - 1) + seconds.get(n / 2)) / 2;
  }

  private Double pipeline(Handle h) {
    if (!tables.has("scores")) {
      return null;
    }
    return h.createQuery(
            "SELECT COALESCE(SUM(s.expected_commission), 0) FROM scores s JOIN conversations v ON"
                + " v.contact_id = s.contact_id WHERE v.opted_out = FALSE AND s.id = (SELECT"
                + " MAX(s2.id) FROM scores s2 WHERE s2.contact_id = s.contact_id)")
        .mapTo(Double.class)
        .one();
  }

  /** The funnel per bot and the qualification rate, from each lead's gathered answers. */
  private Map<String, Object> answers(Handle h, long leads) {
    List<String> states = h.createQuery("SELECT state FROM conversations").mapTo(String.class).list();
    long[] seller = new long[5];
    long[] buyer = new long[5];
    long qualified = 0;
    for (String text : states) {
      ConversationState s = read(text);
      if (s == null) {
        continue;
      }
      tally(s.seller(), Funnel.SELLER, seller);
      tally(s.buyer(), Funnel.BUYER, buyer);
      if (Funnel.qualified(s.seller(), Funnel.SELLER) || Funnel.qualified(s.buyer(), Funnel.BUYER)) {
        qualified++;
      }
    }
    Map<String, Object> funnel = new LinkedHashMap<>();
    funnel.put("seller", steps(Funnel.SELLER, seller));
    funnel.put("buyer", steps(Funnel.BUYER, buyer));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("qualified_leads", qualified);
    out.put("qualification_rate", leads == 0 ? null : (double) qualified / leads);
    out.put("funnel", funnel);
    return out;
  }

  private static void tally(SideState side, List<Funnel.Step> steps, long[] counts) {
    if (side == null) {
      return;
    }
    counts[0]++;
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).reached().test(side.answers())) {
        counts[i + 1]++;
      }
    }
  }

  private static Map<String, Object> steps(List<Funnel.Step> steps, long[] counts) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("leads", counts[0]);
    List<Map<String, Object>> list = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      list.add(Map.of("question", "Q" + (i + 1), "slot", steps.get(i).slot(), "leads", counts[i + 1]));
    }
    m.put("steps", list);
    return m;
  }

  private static Map<String, Long> temperatures(Handle h) {
    Map<String, Long> t = new LinkedHashMap<>();
    t.put("HOT", 0L);
    t.put("WARM", 0L);
    t.put("COLD", 0L);
    h.createQuery(
            "SELECT temperature, COUNT(*) AS n FROM conversations WHERE temperature IS NOT NULL AND"
                + " opted_out = FALSE GROUP BY temperature")
        .map((rs, ctx) -> Map.entry(rs.getString("temperature"), rs.getLong("n")))
        .forEach(e -> t.put(e.getKey(), e.getValue()));
    return t;
  }

  private ConversationState read(String text) {
    try {
      return json.readValue(text, ConversationState.class);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
