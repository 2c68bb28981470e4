package ai.jorge.events;

import ai.jorge.Service;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production bus: events cross instances through Redis pub/sub on the channel {@code
 * <prefix>events}, each message the event's JSON with the instance that appended it. Every
 * event, local or remote, goes through one {@link OrderedDelivery}, so listeners see each topic
 * in seq order without gaps or duplicates; an instance ignores its own messages (it delivered
 * them when it published). Redis is only a doorbell: after an outage the resubscription, and a
 * sweep every two seconds, replay from the event log whatever was missed. Thread-safe; App owns
 * its lifecycle.
 */
public final class RedisEventBus implements EventBus, Service {
  private static final Logger log = LoggerFactory.getLogger(RedisEventBus.class);
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final Duration SWEEP = Duration.ofSeconds(2);

  private final URI url;
  private final String channel;
  private final String instanceId;
  private final ObjectMapper json;
  private final CopyOnWriteArrayList<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
  private final OrderedDelivery ordered;
  private final ScheduledExecutorService inbox =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("bus-in").daemon().factory());
  private ClientResources resources;
  private RedisClient client;
  private StatefulRedisConnection<String, String> commands;
  private StatefulRedisPubSubConnection<String, String> pubsub;

  public RedisEventBus(
      URI url, String prefix, String instanceId, ObjectMapper json, EventHistory history) {
    this.url = url;
    this.channel = prefix + "events";
    this.instanceId = instanceId;
    this.json = json;
    this.ordered = new OrderedDelivery(history, this::deliver);
  }

  @Override
  public String name() {
    return "event-bus";
  }

  @Override
  public void start() throws Exception {
    inbox.submit(ordered::startAtLatest).get();
    resources =
        ClientResources.builder()
            .reconnectDelay(
                Delay.exponential(
                    Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
            .build();
    client = RedisClient.create(resources, RedisURI.create(url.toString()));
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(2)))
            .build());
    connect();
    inbox.scheduleWithFixedDelay(
        () -> {
          connect();
          catchUp();
        },
        SWEEP.toMillis(),
        SWEEP.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /**
   * Opens both connections if they are not open yet. Lettuce reconnects an established
   * connection by itself, but not a first one: an instance started while Redis is down keeps
   * serving from the log and tries again on every sweep.
   */
  private synchronized void connect() {
    if (pubsub != null) {
      return;
    }
    try {
      if (commands == null) {
        commands = client.connect();
      }
      var sub = client.connectPubSub();
      sub.addListener(
          new RedisPubSubAdapter<>() {
            @Override
            public void message(String ch, String message) {
              receive(message);
            }

            @Override
            public void subscribed(String ch, long count) {
              enqueue(RedisEventBus.this::catchUp);
            }
          });
      sub.sync().subscribe(channel);
      pubsub = sub;
    } catch (RedisConnectionException e) {
      log.warn("Redis at {} unreachable ({}); events flow from the log until it answers", url, e.getMessage());
    }
  }

  @Override
  public void publish(Event event) {
    enqueue(() -> ordered.offer(event));
    String message = write(event);
    if (commands == null) {
      return;
    }
    try {
      commands
          .async()
          .publish(channel, message)
          .exceptionally(
              e -> {
                log.debug("event {} #{} not published to Redis: {}", event.topic(), event.seq(), e.toString());
                return 0L;
              });
    } catch (RuntimeException e) {
      log.debug("event {} #{} not published to Redis: {}", event.topic(), event.seq(), e.toString());
    }
  }

  @Override
  public Subscription subscribe(Consumer<Event> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** True when Redis answers a PING within the command timeout. */
  public boolean isReachable() {
    try {
      return commands != null && "PONG".equals(commands.sync().ping());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private void receive(String message) {
    Event event;
    try {
      event = read(message);
    } catch (RuntimeException e) {
      log.warn("ignoring a malformed message on {}", channel);
      return;
    }
    if (instanceId.equals(event.instanceId())) {
      return;
    }
    enqueue(() -> ordered.offer(event));
  }

  private void enqueue(Runnable task) {
    try {
      inbox.execute(task);
    } catch (RejectedExecutionException e) {
      log.debug("bus closed; event left to the log");
    }
  }

  private void catchUp() {
    try {
      ordered.catchUp();
    } catch (RuntimeException e) {
      log.debug("event replay from the log failed: {}", e.toString());
    }
  }

  private void deliver(Event event) {
    for (Consumer<Event> l : listeners) {
      try {
        l.accept(event);
      } catch (RuntimeException e) {
        log.warn("event listener failed on {} #{}", event.topic(), event.seq(), e);
      }
    }
  }

  private String write(Event e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("topic", e.topic());
    m.put("seq", e.seq());
    m.put("type", e.type());
    m.put("at", e.at().toString());
    m.put("instance", e.instanceId());
    m.put("data", e.data());
    try {
      return json.writeValueAsString(m);
    } catch (JsonProcessingException ex) {
      throw new IllegalArgumentException("event is not serialisable", ex);
    }
  }

  private Event read(String message) {
    try {
      var node = json.readTree(message);
      return new Event(
          node.get("topic").asText(),
          node.get("seq").asLong(),
          node.get("type").asText(),
          Instant.parse(node.get("at").asText()),
          node.get("instance").asText(),
          json.convertValue(node.get("data"), MAP));
    } catch (JsonProcessingException | NullPointerException e) {
      throw new IllegalArgumentException("malformed event message", e);
    }
  }

  @Override
  public void stop() {
    close();
  }

  @Override
  public void close() {
    listeners.clear();
    inbox.shutdownNow();
    if (pubsub != null) {
      pubsub.close();
    }
    if (commands != null) {
      commands.close();
    }
    if (client != null) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
    if (resources != null) {
      resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }
}
