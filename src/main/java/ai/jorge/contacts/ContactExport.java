package ai.jorge.contacts;

import ai.jorge.guard.DangerousOperations;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Exports every contact as CSV after layer 4 allowed it: the guard sees the caller's role, the
 * reason and how many contacts the export holds before a single row is read. Stateless,
 * thread-safe.
 */
public final class ContactExport {
  static final List<String> HEADER =
      List.of(
          "id", "name", "phone", "email", "channel", "source", "created_at", "bot", "temperature",
          "opted_out");
  private static final Pattern SIGNED_NUMBER = Pattern.compile("[+-][0-9 ().-]*");
  private final Jdbi jdbi;
  private final DangerousOperations operations;

  public ContactExport(Jdbi jdbi, DangerousOperations operations) {
    this.jdbi = jdbi;
    this.operations = operations;
  }

  /**
   * The CSV of every contact, oldest first, with a header line; throws {@link
   * ai.jorge.guard.OperationRefusedException} when the guard refuses.
   */
  public String csv(String role, String reason) {
    int count =
        jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM contacts").mapTo(Integer.class).one());
    operations.authorize(DangerousOperations.EXPORT_CONTACTS, role, reason, count);
    StringBuilder out = new StringBuilder();
    line(out, HEADER);
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "SELECT c.id, c.name, c.phone, c.email, c.channel, c.source, c.created_at,"
                        + " v.bot, v.temperature, v.opted_out FROM contacts c"
                        + " LEFT JOIN conversations v ON v.contact_id = c.id"
                        + " ORDER BY c.created_at, c.id")
                .map(
                    (rs, ctx) -> {
                      Instant created = rs.getTimestamp("created_at").toInstant();
                      Object optedOut = rs.getObject("opted_out");
                      return java.util.Arrays.asList(
                          rs.getString("id"),
                          rs.getString("name"),
                          rs.getString("phone"),
                          rs.getString("email"),
                          rs.getString("channel"),
                          rs.getString("source"),
                          created.toString(),
                          rs.getString("bot"),
                          rs.getString("temperature"),
                          optedOut == null ? null : String.valueOf(rs.getBoolean("opted_out")));
                    })
                .forEach(row -> line(out, row)));
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  /**
   * RFC 4180 quoting, and a leading {@code '} on text a spreadsheet would run as a formula ({@code
   * =}, {@code @}, {@code +}, {@code -}, tab, CR) unless it is a signed number such as a phone.
   */
  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String v = value;
    char first = v.charAt(0);
    boolean formula =
        first == '=' || first == '@' || first == '\t' || first == '\r'
            || ((first == '+' || first == '-') && !SIGNED_NUMBER.matcher(v).matches());
    if (formula) {
      v = "'" + v;
    }
    boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0;
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }
}
