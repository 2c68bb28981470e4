package ai.jorge.dashboard;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Whether tables owned by other features (scores, follow-ups) are in this schema, so the
 * dashboard shows their columns when present and null when not. Checked once per table: the
 * schema only changes by migration at start. Thread-safe.
 */
final class OptionalTables {
  private final Jdbi jdbi;
  private final Map<String, Boolean> known = new ConcurrentHashMap<>();

  OptionalTables(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  boolean has(String table) {
    return known.computeIfAbsent(
        table,
        t ->
            jdbi.withHandle(
                h -> {
                  try {
                    return exists(h.getConnection(), t);
                  } catch (SQLException e) {
                    throw new IllegalStateException("cannot read the schema", e);
                  }
                }));
  }

  private static boolean exists(Connection c, String table) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
      try (ResultSet rs = meta.getTables(null, c.getSchema(), name, new String[] {"TABLE"})) {
        if (rs.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
