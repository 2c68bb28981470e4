package ai.jorge.support;

import ai.jorge.config.JorgeConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The storage backends every integration test runs against. Each call makes a fresh database
 * (H2 in memory) or a fresh schema (PostgreSQL), so runs never collide or see leftovers.
 * PostgreSQL is required: when it is unreachable the test fails, it does not skip.
 */
public enum Backend {
  H2,
  POSTGRES;

  static final String PG_URL =
      System.getenv().getOrDefault("JORGE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String PG_USER = System.getenv().getOrDefault("JORGE_TEST_PG_USER", "postgres");
  static final String PG_PASSWORD = System.getenv().getOrDefault("JORGE_TEST_PG_PASSWORD", "");

  /** A new, empty database for one App (or several sharing it). */
  public TestDatabase create() {
    String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    return switch (this) {
      case H2 -> {
        String url = "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        yield new TestDatabase(
            new JorgeConfig.Database(url, "sa", ""), () -> shutdownH2(url));
      }
      case POSTGRES -> {
        exec("CREATE SCHEMA " + name);
        String sep = PG_URL.contains("?") ? "&" : "?";
        yield new TestDatabase(
            new JorgeConfig.Database(PG_URL + sep + "currentSchema=" + name, PG_USER, PG_PASSWORD),
            () -> exec("DROP SCHEMA " + name + " CASCADE"));
      }
    };
  }

  /** An H2 file database in {@code dir}, for tests that restart or kill the process. */
  public static TestDatabase h2File(java.nio.file.Path dir) {
    return new TestDatabase(
        new JorgeConfig.Database(
            "jdbc:h2:file:" + dir.resolve("jorge").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
            "sa",
            ""),
        () -> {});
  }

  private static void shutdownH2(String url) {
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      c.createStatement().execute("SHUTDOWN");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void exec(String sql) {
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
      c.createStatement().execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL is required for the tests (" + PG_URL + " as " + PG_USER + "): " + e.getMessage(), e);
    }
  }

  /** A database made for a test and the action that removes it. */
  public record TestDatabase(JorgeConfig.Database config, Runnable drop) implements AutoCloseable {
    @Override
    public void close() {
      drop.run();
    }
  }
}
