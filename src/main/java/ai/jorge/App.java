package ai.jorge;

import ai.jorge.cli.DemoTraffic;
import ai.jorge.config.JorgeConfig;
import ai.jorge.config.SignatureMode;
import ai.jorge.contacts.ContactDeletion;
import ai.jorge.contacts.ContactExport;
import ai.jorge.contacts.ContactOperationRoutes;
import ai.jorge.conversation.BotSettings;
import ai.jorge.conversation.ContactRoutes;
import ai.jorge.conversation.ContactViews;
import ai.jorge.conversation.ConversationEngine;
import ai.jorge.conversation.ConversationService;
import ai.jorge.conversation.CrmHooks;
import ai.jorge.crm.AgentAlerts;
import ai.jorge.crm.Backoff;
import ai.jorge.crm.Calendar;
import ai.jorge.crm.Channel;
import ai.jorge.crm.DiscardingChannel;
import ai.jorge.crm.CrmTask;
import ai.jorge.crm.CrmTaskDispatcher;
import ai.jorge.crm.GhlAppointmentBooking;
import ai.jorge.crm.GhlCalendar;
import ai.jorge.crm.GhlChannel;
import ai.jorge.crm.GhlClient;
import ai.jorge.crm.GhlContactSync;
import ai.jorge.crm.LocalCalendar;
import ai.jorge.crm.LoggingSmsChannel;
import ai.jorge.crm.OptOutBoundary;
import ai.jorge.crm.OutboxDispatcher;
import ai.jorge.crm.SynchronousChannel;
import ai.jorge.crm.WebhookNotifier;
import ai.jorge.dashboard.DashboardMetrics;
import ai.jorge.dashboard.DashboardRoutes;
import ai.jorge.dashboard.MetricsSnapshot;
import ai.jorge.dashboard.StaticAssets;
import ai.jorge.dashboard.SystemStatus;
import ai.jorge.events.EventBus;
import ai.jorge.events.EventHistory;
import ai.jorge.events.EventLog;
import ai.jorge.events.InProcessEventBus;
import ai.jorge.events.RedisEventBus;
import ai.jorge.followup.FollowUpJob;
import ai.jorge.followup.FollowUpTexts;
import ai.jorge.followup.FollowUps;
import ai.jorge.guard.AuditLog;
import ai.jorge.guard.DangerousOperations;
import ai.jorge.guard.Guard;
import ai.jorge.guard.GuardPolicy;
import ai.jorge.intake.BotAliasRoutes;
import ai.jorge.events.WebSocketHub;
import ai.jorge.events.WsTickets;
import ai.jorge.intake.ChatRoutes;
import ai.jorge.intake.GhlWebhookRoutes;
import ai.jorge.intake.InboundCommitter;
import ai.jorge.intake.InboundWorker;
import ai.jorge.intake.SignatureVerifier;
import ai.jorge.ops.DataRetention;
import ai.jorge.ops.HealthRoutes;
import ai.jorge.ops.JobScheduler;
import ai.jorge.ops.Metrics;
import ai.jorge.ops.MetricsRoutes;
import ai.jorge.ops.Readiness;
import ai.jorge.scoring.ActiveModel;
import ai.jorge.scoring.LearningLoop;
import ai.jorge.scoring.ModelRegistry;
import ai.jorge.scoring.PromotionPolicy;
import ai.jorge.scoring.Promotions;
import ai.jorge.scoring.ScoreDrift;
import ai.jorge.scoring.Scorer;
import ai.jorge.scoring.ScoringRoutes;
import ai.jorge.store.ApiKeys;
import ai.jorge.store.Database;
import ai.jorge.web.ApiKeyRoutes;
import ai.jorge.web.Authenticator;
import ai.jorge.web.HttpServer;
import ai.jorge.users.AuthRoutes;
import ai.jorge.users.FirstAdmin;
import ai.jorge.users.Sessions;
import ai.jorge.users.Users;
import ai.jorge.web.IntakeGate;
import ai.jorge.web.JsonBodies;
import ai.jorge.web.LocalRateLimiter;
import ai.jorge.web.OriginPolicy;
import ai.jorge.web.RateLimiter;
import ai.jorge.web.RateLimits;
import ai.jorge.web.RedisRateLimiter;
import ai.jorge.web.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
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
  private static final Duration MODEL_CHECK = Duration.ofSeconds(10);
  private static final Duration RETRAIN_CHECK = Duration.ofHours(24);
  private static final Duration DRIFT_CHECK = Duration.ofHours(24);
  private static final Path HOOKS_FILE = Path.of("config", "hooks.yaml");

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
  private final EventBus bus;
  private final HttpServer http;
  private final List<Service> services;
  private final Map<Service, State> states = Collections.synchronizedMap(new java.util.LinkedHashMap<>());
  private final ApiKeys apiKeys;
  private final DangerousOperations operations;
  private final FirstAdmin firstAdmin;
  private final EventLog events;
  private final Clock clock;
  private final Delivery delivery;

  /** The background workers that send things, exposed so tests can run a round at a chosen moment. */
  public record Delivery(OutboxDispatcher outbox, CrmTaskDispatcher crmTasks, FollowUpJob followUps) {}

  private App(
      JorgeConfig config,
      Database database,
      ConversationService conversations,
      EventBus bus,
      HttpServer http,
      ApiKeys apiKeys,
      DangerousOperations operations,
      FirstAdmin firstAdmin,
      EventLog events,
      Clock clock,
      Delivery delivery,
      List<Service> services) {
    this.operations = operations;
    this.config = config;
    this.database = database;
    this.conversations = conversations;
    this.bus = bus;
    this.http = http;
    this.apiKeys = apiKeys;
    this.firstAdmin = firstAdmin;
    this.events = events;
    this.clock = clock;
    this.delivery = delivery;
    this.services = List.copyOf(services);
    this.services.forEach(s -> states.put(s, State.BUILT));
  }

  /** Builds the whole platform; opens and migrates the database, starts nothing else. */
  public static App create(JorgeConfig cfg, Clock clock) {
    return create(cfg, clock, false);
  }

  /** As {@link #create(JorgeConfig, Clock)}; {@code demo} adds seeded leads and simulated traffic. */
  public static App create(JorgeConfig cfg, Clock clock, boolean demo) {
    ObjectMapper json = Json.newMapper();
    PrometheusMeterRegistry meters = Metrics.newRegistry(cfg.instanceId());
    Database database = Database.migrateAndConnect(cfg.database(), meters);
    try {
      return wire(cfg, clock, json, meters, database, demo);
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
      Database database,
      boolean demo) {
    var jdbi = database.jdbi();
    EventBus bus =
        cfg.redisUrl().isPresent()
            ? new RedisEventBus(
                cfg.redisUrl().get(),
                cfg.redisPrefix(),
                cfg.instanceId(),
                json,
                new EventHistory(jdbi, json))
            : new InProcessEventBus();
    var events = new EventLog(jdbi, bus, json, clock, cfg.instanceId());
    var registry = new ModelRegistry(json);
    var model = new ActiveModel(jdbi, registry, events, bus, clock, MODEL_CHECK);
    var scorer =
        new Scorer(
            jdbi, model, events, json, cfg.timezone(), cfg.commissionRate(), meters, clock);
    var promotions = new Promotions(jdbi, registry, events, new PromotionPolicy(), clock);
    var learning = new LearningLoop(jdbi, registry, scorer, promotions, cfg.learning(), clock);
    var drift = new ScoreDrift(jdbi, model, clock, meters);
    var engine = new ConversationEngine(settings(cfg));
    Channel local = new SynchronousChannel();
    var guard =
        new Guard(
            GuardPolicy.loadIfPresent(HOOKS_FILE),
            clock.withZone(cfg.timezone()),
            meters,
            AuditLog.open(cfg.guardAuditLog()));
    var operations = new DangerousOperations(guard);
    var ghl = cfg.ghl().apiToken().map(token -> new GhlClient(cfg.ghl().baseUrl(), token, json));
    Channel sms = ghl.<Channel>map(GhlChannel::new).orElseGet(LoggingSmsChannel::new);
    var boundary = new OptOutBoundary(jdbi, meters);
    var dispatcher =
        new OutboxDispatcher(
            jdbi,
            boundary.guardAll(
                Map.of(
                    "web_chat", local,
                    "api", local,
                    "sms", sms,
                    "live_chat", sms,
                    DiscardingChannel.NAME, new DiscardingChannel())),
            boundary.guard(sms),
            guard,
            cfg.timezone(),
            cfg.maxReplyChars(),
            clock,
            meters,
            cfg.instanceId(),
            Backoff.DEFAULT);
    var crmHandlers = new java.util.HashMap<String, CrmTaskDispatcher.Handler>();
    cfg.notifyWebhookUrl()
        .ifPresent(url -> crmHandlers.put(CrmTask.AGENT_ALERT, new AgentAlerts(new WebhookNotifier(url, json), json)));
    ghl.ifPresent(client -> crmHandlers.put(CrmTask.CONTACT_SYNC, new GhlContactSync(client, json)));
    boolean ghlCalendar = ghl.isPresent() && cfg.ghl().calendarId().isPresent();
    if (ghlCalendar) {
      crmHandlers.put(
          CrmTask.APPOINTMENT_BOOKING,
          new GhlAppointmentBooking(
              ghl.get(), jdbi, json, cfg.ghl().calendarId().get(), cfg.ghl().locationId()));
    }
    var crmTasks = new CrmTaskDispatcher(jdbi, crmHandlers, clock, meters, cfg.instanceId(), Backoff.DEFAULT);
    Calendar calendar =
        ghlCalendar
            ? new GhlCalendar(ghl.get(), cfg.ghl().calendarId().get(), cfg.timezone(), clock, jdbi)
            : new LocalCalendar(jdbi, cfg.timezone());
    var followUps = new FollowUps();
    var conversations =
        new ConversationService(
            jdbi,
            events,
            engine,
            calendar,
            json,
            clock,
            cfg.timezone(),
            Duration.ofMinutes(cfg.silenceMinutes()),
            meters,
            List.of(
                followUps,
                new CrmHooks(json, cfg.notifyWebhookUrl().isPresent(), ghl.isPresent(), ghlCalendar),
                scorer.turnListener()),
            guard,
            cfg.maxReplyChars(),
            () -> {
              dispatcher.wake();
              crmTasks.wake();
            });
    var followUpJob =
        new FollowUpJob(
            jdbi, json, events, followUps, FollowUpTexts.defaults(), cfg.agentName(), cfg.timezone(),
            clock, meters, dispatcher::wake);
    var gate = new IntakeGate();
    var worker = new InboundWorker(conversations, gate);
    var committer = new InboundCommitter(conversations, meters);
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
        new SystemStatus(
            jdbi, cfg.instanceId(), version(), database::isReachable, hub::connections, clock);
    var checks = new ArrayList<Readiness.Check>();
    checks.add(new Readiness.Check("database", database::isReachable));
    if (bus instanceof RedisEventBus redis) {
      checks.add(new Readiness.Check("redis", redis::isReachable));
    }
    checks.add(new Readiness.Check("intake", gate::isOpen));
    var readiness = new Readiness(checks, meters);
    RateLimiter limiter =
        cfg.redisUrl()
            .<RateLimiter>map(u -> new RedisRateLimiter(u, cfg.redisPrefix(), meters))
            .orElseGet(LocalRateLimiter::new);
    var limits = new RateLimits(limiter, cfg.rateLimits(), json, meters);
    var http =
        new HttpServer(
            cfg.port(),
            json,
            auth,
            meters,
            gate,
            List.of(
                hub,
                new AuthRoutes(users, sessions, bodies, origins),
                new DashboardRoutes(dashboard, system),
                new StaticAssets(),
                new HealthRoutes(readiness, cfg.instanceId(), version(), clock),
                new MetricsRoutes(meters),
                limits,
                new ChatRoutes(conversations, bodies, cfg.allowedOrigins(), clock),
                new BotAliasRoutes(conversations, bodies, auth, clock),
                new GhlWebhookRoutes(
                    conversations,
                    committer,
                    worker,
                    new SignatureVerifier(cfg.ghlPublicKey(), cfg.webhookSecrets(), clock),
                    cfg.signatureMode(),
                    bodies,
                    limits,
                    meters,
                    clock),
                new ContactOperationRoutes(
                    new ContactExport(jdbi, operations),
                    new ContactDeletion(jdbi, operations, events, json),
                    bodies),
                new ContactRoutes(new ContactViews(jdbi, json, events, clock, scorer::latestView)),
                new ScoringRoutes(
                    jdbi, scorer, registry, learning, promotions, bodies, json, operations),
                new ApiKeyRoutes(apiKeys, bodies, clock)));
    var scheduler =
        new JobScheduler(
            database.dataSource(),
            List.of(
                new JobScheduler.Job(
                    "metrics-snapshot", Duration.ofSeconds(5), new MetricsSnapshot(dashboard, events)),
                new JobScheduler.Job(
                    "data-retention", Duration.ofHours(24), new DataRetention(jdbi, events, clock)),
                new JobScheduler.Job("model-drift-check", DRIFT_CHECK, () -> drift.check(events)),
                new JobScheduler.Job("model-retrain", RETRAIN_CHECK, learning::retrainIfDue),
                new JobScheduler.Job("followups", FollowUpJob.EVERY, followUpJob::runOnce)),
            meters,
            clock);
    var services = new ArrayList<Service>();
    services.add(bus instanceof Service s ? s : closing("event-bus", bus));
    services.add(model);
    services.add(scheduler);
    services.add(dispatcher);
    services.add(crmTasks);
    services.add(worker);
    services.add(committer);
    if (limiter instanceof Service s) {
      services.add(s);
    }
    services.add(hub);
    services.add(http);
    if (demo) {
      services.add(new DemoTraffic(conversations, clock, Duration.ofSeconds(4)));
    }
    return new App(
        cfg, database, conversations, bus, http, apiKeys, operations,
        new FirstAdmin(users, System.out), events, clock,
        new Delivery(dispatcher, crmTasks, followUpJob), services);
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
    if (config.signatureMode() == SignatureMode.OFF) {
      operations.authorize(
          DangerousOperations.SIGNATURES_OFF,
          Role.ADMIN.wireName(),
          "JORGE_WEBHOOK_SIGNATURES=off in the configuration",
          0);
    }
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

  /**
   * Graceful shutdown (SPEC §7), idempotent: first every started service drains in reverse start
   * order (HTTP refuses new intake and waits for admitted requests, the worker finishes its turns,
   * the outbox delivers one last batch, sockets close with 1001), then each stops in reverse order,
   * then the database closes.
   */
  public void stop() {
    List<Service> reversed = new ArrayList<>(services);
    Collections.reverse(reversed);
    for (Service s : reversed) {
      if (states.get(s) == State.STARTED) {
        try {
          s.drain();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (Exception e) {
          log.warn("service {} did not drain cleanly", s.name(), e);
        }
      }
    }
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

  /** The bus every logged event is published on (Redis-backed when configured). */
  public EventBus bus() {
    return bus;
  }

  /** The delivery loops, so tests can run one round on demand. */
  public Delivery delivery() {
    return delivery;
  }

  /** Layer 4 of the guard, for features that run dangerous operations. */
  public DangerousOperations operations() {
    return operations;
  }

  /** The durable event log (tests and benchmarks read it). */
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
