package ai.jorge;

import ai.jorge.config.JorgeConfig;
import ai.jorge.conversation.BotSettings;
import ai.jorge.conversation.ContactRoutes;
import ai.jorge.conversation.ContactViews;
import ai.jorge.conversation.ConversationEngine;
import ai.jorge.conversation.ConversationService;
import ai.jorge.crm.Channel;
import ai.jorge.crm.LocalCalendar;
import ai.jorge.crm.LoggingSmsChannel;
import ai.jorge.crm.OutboxDispatcher;
import ai.jorge.crm.SynchronousChannel;
import ai.jorge.dashboard.DashboardMetrics;
import ai.jorge.dashboard.DashboardRoutes;
import ai.jorge.dashboard.MetricsSnapshot;
import ai.jorge.dashboard.StaticAssets;
import ai.jorge.dashboard.SystemStatus;
import ai.jorge.events.EventBus;
import ai.jorge.events.EventLog;
import ai.jorge.events.InProcessEventBus;
import ai.jorge.events.WebSocketHub;
import ai.jorge.events.WsTickets;
import ai.jorge.intake.ChatRoutes;
import ai.jorge.intake.GhlWebhookRoutes;
import ai.jorge.intake.InboundWorker;
import ai.jorge.intake.SignatureVerifier;
import ai.jorge.ops.HealthRoutes;
import ai.jorge.ops.JobScheduler;
import ai.jorge.ops.Metrics;
import ai.jorge.ops.MetricsRoutes;
import ai.jorge.store.ApiKeys;
import ai.jorge.store.Database;
import ai.jorge.web.Authenticator;
import ai.jorge.web.HttpServer;
import ai.jorge.users.AuthRoutes;
import ai.jorge.users.FirstAdmin;
import ai.jorge.users.Sessions;
import ai.jorge.users.Users;
import ai.jorge.web.JsonBodies;
import ai.jorge.web.OriginPolicy;
import ai.jorge.web.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every service by constructor from one {@link JorgeConfig}, starts
 * them in order and stops them in reverse. Tests call the same {@link #create} with port 0, so
 * they exercise the production wiring.
 */
public final class App implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(App.class);
  private static final Duration EVENT_RETENTION = Duration.ofHours(24);

  /** Where a service is in its life. */
  public enum State {
    BUILT,
    STARTED,
    STOPPED,
    FAILED
  }

  private final JorgeConfig config;
  private final Database database;
  private final ConversationService conversations;
  private final HttpServer http;
  private final List<Service> services;
  private final Map<Service, State> states = Collections.synchronizedMap(new java.util.LinkedHashMap<>());
  private final ApiKeys apiKeys;
  private final FirstAdmin firstAdmin;
  private final EventLog events;
  private final Clock clock;

  private App(
      JorgeConfig config,
      Database database,
      ConversationService conversations,
      HttpServer http,
      ApiKeys apiKeys,
      FirstAdmin firstAdmin,
      EventLog events,
      Clock clock,
      List<Service> services) {
    this.config = config;
    this.database = database;
    this.conversations = conversations;
    this.http = http;
    this.apiKeys = apiKeys;
    this.firstAdmin = firstAdmin;
    this.events = events;
    this.clock = clock;
    this.services = List.copyOf(services);
    this.services.forEach(s -> states.put(s, State.BUILT));
  }

  /** Builds the whole platform; opens and migrates the database, starts nothing else. */
  public static App create(JorgeConfig cfg, Clock clock) {
    ObjectMapper json = Json.newMapper();
    PrometheusMeterRegistry meters = Metrics.newRegistry(cfg.instanceId());
    Database database = Database.migrateAndConnect(cfg.database(), meters);
    try {
      return wire(cfg, clock, json, meters, database);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  private static App wire(
      JorgeConfig cfg,
      Clock clock,
      ObjectMapper json,
      PrometheusMeterRegistry meters,
      Database database) {
    var jdbi = database.jdbi();
    EventBus bus = new InProcessEventBus();
    var events = new EventLog(jdbi, bus, json, clock, cfg.instanceId());
    var engine = new ConversationEngine(settings(cfg));
    Channel local = new SynchronousChannel();
    var dispatcher =
        new OutboxDispatcher(
            jdbi,
            Map.of("web_chat", local, "api", local, "sms", new LoggingSmsChannel()),
            new LoggingSmsChannel(),
            clock,
            meters);
    var conversations =
        new ConversationService(
            jdbi,
            events,
            engine,
            new LocalCalendar(jdbi, cfg.timezone()),
            json,
            clock,
            cfg.timezone(),
            Duration.ofMinutes(cfg.silenceMinutes()),
            meters,
            dispatcher::wake);
    var worker = new InboundWorker(conversations);
    var bodies = new JsonBodies(json);
    var apiKeys = new ApiKeys(jdbi);
    var users = new Users(jdbi, clock);
    var sessions = new Sessions(jdbi, clock);
    var auth = new Authenticator(apiKeys, sessions, clock);
    var origins = new OriginPolicy(cfg.allowedOrigins());
    var hub =
        new WebSocketHub(
            bus, events, json, auth, new WsTickets(jdbi, clock), origins,
            WebSocketHub.DEFAULT_QUEUE_CAPACITY, cfg.instanceId(), meters);
    var dashboard = new DashboardMetrics(jdbi, json, clock, cfg.timezone());
    var system =
        new SystemStatus(jdbi, cfg.instanceId(), version(), database::isReachable, hub::connections, clock);
    var http =
        new HttpServer(
            cfg.port(),
            json,
            auth,
            meters,
            List.of(
                hub,
                new AuthRoutes(users, sessions, bodies, origins),
                new DashboardRoutes(dashboard, system),
                new StaticAssets(),
                new HealthRoutes(
                    List.of(new HealthRoutes.Check("database", database::isReachable)),
                    cfg.instanceId(),
                    version(),
                    clock),
                new MetricsRoutes(meters),
                new ChatRoutes(conversations, bodies, cfg.allowedOrigins(), clock),
                new GhlWebhookRoutes(
                    conversations,
                    worker,
                    new SignatureVerifier(cfg.ghlPublicKey(), cfg.webhookSecrets(), clock),
                    cfg.signatureMode(),
                    bodies,
                    meters,
                    clock),
                new ContactRoutes(new ContactViews(jdbi, json, events, clock))));
    var scheduler =
        new JobScheduler(
            database.dataSource(),
            List.of(
                new JobScheduler.Job(
                    "event-log-retention",
                    Duration.ofHours(24),
                    () -> events.deleteOlderThan(clock.instant().minus(EVENT_RETENTION))),
                new JobScheduler.Job(
                    "metrics-snapshot", Duration.ofSeconds(5), new MetricsSnapshot(dashboard, events))),
            meters,
            clock);
    var services = new ArrayList<Service>();
    services.add(closing("event-bus", bus));
    services.add(scheduler);
    services.add(dispatcher);
    services.add(worker);
    services.add(hub);
    services.add(http);
    return new App(
        cfg, database, conversations, http, apiKeys, new FirstAdmin(users, System.out), events,
        clock, services);
  }

  private static BotSettings settings(JorgeConfig cfg) {
    BotSettings d = BotSettings.defaults();
    return new BotSettings(cfg.agentName(), cfg.maxReplyChars(), cfg.serviceAreas(), d.texts());
  }

  private static Service closing(String name, AutoCloseable resource) {
    return new Service() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void start() {}

      @Override
      public void stop() throws Exception {
        resource.close();
      }
    };
  }

  /** Starts every service in order; on a failure stops those already started and rethrows. */
  public App start() {
    config.apiKey().ifPresent(k -> apiKeys.ensure(k, "JORGE_API_KEY", Role.ADMIN.wireName(), clock.instant()));
    firstAdmin.ensure(config.adminPassword());
    for (Service s : services) {
      try {
        s.start();
        states.put(s, State.STARTED);
      } catch (Exception e) {
        states.put(s, State.FAILED);
        stop();
        throw new IllegalStateException("service " + s.name() + " failed to start", e);
      }
    }
    log.info("Jorge ready on port {} (instance {})", http.port(), config.instanceId());
    return this;
  }

  /** Stops started services in reverse order, then closes the database. Idempotent. */
  public void stop() {
    List<Service> reversed = new ArrayList<>(services);
    Collections.reverse(reversed);
    for (Service s : reversed) {
      if (states.get(s) == State.STARTED) {
        try {
          s.stop();
          states.put(s, State.STOPPED);
        } catch (Exception e) {
          log.warn("service {} did not stop cleanly", s.name(), e);
          states.put(s, State.FAILED);
        }
      }
    }
    database.close();
  }

  @Override
  public void close() {
    stop();
  }

  public int port() {
    return http.port();
  }

  /** Every service App built, with its state, in start order. */
  public Map<String, State> serviceStates() {
    var out = new java.util.LinkedHashMap<String, State>();
    services.forEach(s -> out.put(s.name(), states.get(s)));
    return out;
  }

  public ConversationService conversations() {
    return conversations;
  }

  public EventLog events() {
    return events;
  }

  public Database database() {
    return database;
  }

  public JorgeConfig config() {
    return config;
  }

  static String version() {
    String v = App.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
