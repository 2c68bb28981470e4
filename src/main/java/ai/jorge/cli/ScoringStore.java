package ai.jorge.cli;

import ai.jorge.Json;
import ai.jorge.config.JorgeConfig;
import ai.jorge.events.EventLog;
import ai.jorge.events.InProcessEventBus;
import ai.jorge.scoring.ActiveModel;
import ai.jorge.scoring.ModelRegistry;
import ai.jorge.store.Database;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;

/**
 * The model registry of the configured database, opened by a command that runs without the server.
 * Events it records reach running instances through the event log; they pick up a newly active
 * model within their periodic check. Closes the database.
 */
final class ScoringStore implements AutoCloseable {
  final Database database;
  final ModelRegistry registry;
  final EventLog events;
  final Clock clock = Clock.systemUTC();
  private final InProcessEventBus bus = new InProcessEventBus();

  ScoringStore(JorgeConfig cfg) {
    this.database = Database.migrateAndConnect(cfg.database(), new SimpleMeterRegistry());
    var json = Json.newMapper();
    this.registry = new ModelRegistry(json);
    this.events = new EventLog(database.jdbi(), bus, json, clock, "cli-" + cfg.instanceId());
    ActiveModel.ensureDefault(database.jdbi(), registry, events, clock);
  }

  @Override
  public void close() {
    bus.close();
    database.close();
  }
}
