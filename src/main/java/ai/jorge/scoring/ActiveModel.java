package ai.jorge.scoring;

import ai.jorge.Service;
import ai.jorge.events.Event;
import ai.jorge.events.EventBus;
import ai.jorge.events.EventLog;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model this instance scores with: the registry's active version, held in memory. On first
 * start (an empty registry) it stores {@link DefaultModel}, as shipped in the jar, as active. It
 * reloads when a {@code model.promoted} event reaches this instance's bus, and checks the
 * registry's active version every {@code checkEvery} as well, so a promotion by another instance
 * without Redis, or by {@code jorge train}, is picked up within that period. Thread-safe; started
 * and stopped by App.
 */
public final class ActiveModel implements Service {
  private static final Logger log = LoggerFactory.getLogger(ActiveModel.class);

  private final Jdbi jdbi;
  private final ModelRegistry registry;
  private final EventLog events;
  private final EventBus bus;
  private final Clock clock;
  private final Duration checkEvery;
  private volatile LeadModel current;
  private EventBus.Subscription subscription;
  private ScheduledExecutorService checker;

  public ActiveModel(
      Jdbi jdbi,
      ModelRegistry registry,
      EventLog events,
      EventBus bus,
      Clock clock,
      Duration checkEvery) {
    this.jdbi = jdbi;
    this.registry = registry;
    this.events = events;
    this.bus = bus;
    this.clock = clock;
    this.checkEvery = checkEvery;
  }

  @Override
  public String name() {
    return "scoring-model";
  }

  @Override
  public void start() {
    TribuoLogging.quiet();
    ensureDefault(jdbi, registry, events, clock);
    reload();
    subscription =
        bus.subscribe(
            e -> {
              if ("ml".equals(e.topic()) && "model.promoted".equals(e.type())) {
                reload();
              }
            });
    checker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "model-check");
              t.setDaemon(true);
              return t;
            });
    long ms = checkEvery.toMillis();
    checker.scheduleWithFixedDelay(this::checkQuietly, ms, ms, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    if (subscription != null) {
      subscription.close();
    }
    if (checker != null) {
      checker.shutdownNow();
    }
  }

  /** The model to score with; null only before {@link #start()}. */
  public LeadModel get() {
    return current;
  }

  /** Loads the registry's active version unless it is the one in memory already. */
  public void reload() {
    Optional<String> version = jdbi.withHandle(registry::activeVersion);
    LeadModel held = current;
    if (version.isEmpty() || (held != null && held.version().equals(version.get()))) {
      return;
    }
    LeadModel loaded = jdbi.withHandle(h -> registry.load(h, version.get()));
    current = loaded;
    log.info("scoring with model {}", loaded.version());
  }

  private void checkQuietly() {
    try {
      reload();
    } catch (RuntimeException e) {
      log.warn("could not check the active model version", e);
    }
  }

  private static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Stores the default model as active when the registry has no active version. Two instances
   * starting together may both try; the second insert fails on the version key and is ignored.
   */
  public static void ensureDefault(
      Jdbi jdbi, ModelRegistry registry, EventLog events, Clock clock) {
    if (jdbi.withHandle(registry::activeVersion).isPresent()) {
      return;
    }
    LeadModel model = ShippedDefaultModel.load();
    Instant now = clock.instant();
    List<Event> out = new ArrayList<>();
    try {
      jdbi.useTransaction(
          h -> {
            if (registry.lockActive(h).isPresent() || registry.exists(h, model.version())) {
              return;
            }
            registry.insert(h, model, ModelRegistry.ACTIVE, "default", now, now, null);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("version", model.version());
            data.put("status", ModelRegistry.ACTIVE);
            data.put("trained_by", "default");
            data.put("data", model.provenance().dataDescription());
            data.put("metrics", Promotions.summary(model.metrics()));
            out.add(events.append(h, "ml", "model.trained", data));
            out.add(
                events.append(
                    h,
                    "ml",
                    "model.promoted",
                    Promotions.promoted(model.version(), null, "first start")));
          });
    } catch (UnableToExecuteStatementException e) {
      if (!isUniqueViolation(e)) {
        throw e;
      }
      log.info("another instance stored the default model first");
      return;
    }
    events.publish(out);
  }
}
