package ai.jorge.store;

import ai.jorge.config.JorgeConfig;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The one relational database: a Hikari pool, Flyway migrations (one set for H2 and PostgreSQL)
 * and a {@link Jdbi} over the pool. Owned by App, which closes it last.
 */
public final class Database implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final boolean postgres;

  private Database(HikariDataSource dataSource, boolean postgres) {
    this.dataSource = dataSource;
    this.postgres = postgres;
    this.jdbi = Jdbi.create(dataSource);
    for (Class<?> row :
        List.of(ContactRow.class, ConversationRow.class, MessageRow.class, OutboxRow.class)) {
      jdbi.registerRowMapper(ConstructorMapper.factory(row));
    }
  }

  /** Opens the pool, applies pending migrations and returns the ready database. */
  public static Database migrateAndConnect(JorgeConfig.Database cfg, MeterRegistry meters) {
    var hikari = poolConfig(cfg, cfg.isPostgres() ? 16 : 10);
    hikari.setPoolName("jorge");
    hikari.setMetricRegistry(meters);
    var dataSource = new HikariDataSource(hikari);
    try {
      migrate(dataSource);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new Database(dataSource, cfg.isPostgres());
  }

  /** Applies pending migrations without keeping a pool open (the {@code migrate} command). */
  public static int migrateOnly(JorgeConfig.Database cfg) {
    try (var ds = new HikariDataSource(poolConfig(cfg, 2))) {
      return migrate(ds);
    }
  }

  private static HikariConfig poolConfig(JorgeConfig.Database cfg, int size) {
    var hikari = new HikariConfig();
    hikari.setJdbcUrl(durable(cfg.url()));
    hikari.setUsername(cfg.user());
    hikari.setPassword(cfg.password());
    hikari.setMaximumPoolSize(size);
    hikari.setConnectionTimeout(10_000);
    if (!cfg.isPostgres()) {
      // H2 waits only 1 s for a row lock by default; a busy contact would then fail its turn.
      hikari.setConnectionInitSql("SET LOCK_TIMEOUT 15000");
    }
    return hikari;
  }

  /**
   * An H2 file database keeps commits in memory for up to half a second by default, so a killed
   * process would lose them (a sent follow-up would be sent again). Writing each commit at once
   * makes the embedded default survive a crash of the process.
   */
  static String durable(String url) {
    boolean file = url.startsWith("jdbc:h2:file:") || url.startsWith("jdbc:h2:./") || url.startsWith("jdbc:h2:/");
    return file && !url.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY") ? url + ";WRITE_DELAY=0" : url;
  }

  private static int migrate(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate()
        .migrationsExecuted;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public boolean isPostgres() {
    return postgres;
  }

  /** True when a trivial query answers within two seconds. */
  public boolean isReachable() {
    try (var c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
