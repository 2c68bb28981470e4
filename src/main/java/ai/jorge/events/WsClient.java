package ai.jorge.events;

import ai.jorge.web.Caller;
import ai.jorge.web.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One WebSocket connection: its caller, its subscriptions and a bounded queue drained by a virtual
 * thread that hands Jetty a batch of frames and waits until they are written before taking more.
 * The publishing thread only offers to the queue, so a slow client never holds anyone up; when
 * the queue is full the client is evicted. The sender
 * alone owns {@link #last}: it replays from the log on subscribe, drops seqs already sent and
 * fills any gap from the log, so each client sees every seq of a topic once, in order.
 */
final class WsClient {
  private static final long SEND_TIMEOUT_SECONDS = 30;
  private static final int REPLAY_PAGE = 500;
  private static final int BATCH = 64;

  /** Work for the sender thread, in arrival order. */
  sealed interface Item {}

  record Control(String json) implements Item {}

  record Live(Rendered event) implements Item {}

  record Subscribe(Map<String, Long> since) implements Item {}

  private final String id;
  private final Session session;
  private final WebSocketHub hub;
  private final LinkedBlockingQueue<Item> queue;
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final Map<String, Long> last = new HashMap<>();
  private volatile Caller caller;
  private volatile Set<String> topics = Set.of();
  private Thread sender;
  private CompletableFuture<Void> inFlight;

  WsClient(String id, Session session, WebSocketHub hub, int capacity) {
    this.id = id;
    this.session = session;
    this.hub = hub;
    this.queue = new LinkedBlockingQueue<>(capacity);
  }

  void start() {
    sender = Thread.ofVirtual().name("ws-" + id).start(this::drain);
  }

  String id() {
    return id;
  }

  Caller caller() {
    return caller;
  }

  boolean isAuthenticated() {
    return caller != null;
  }

  boolean viewer() {
    return caller != null && caller.role() == Role.VIEWER;
  }

  boolean isOpen() {
    return open.get();
  }

  /**
   * Accepts the caller: queues the welcome, then the automatic subscription if any. Locked with
   * {@link #publish} so no live event can slip between the welcome and the subscription.
   */
  synchronized void authenticate(Caller c, String welcome, Map<String, Long> autoSince) {
    this.caller = c;
    offer(new Control(welcome));
    if (!autoSince.isEmpty()) {
      subscribe(autoSince);
    }
  }

  /**
   * Queues a subscription and starts taking live events of its topics, atomically with respect to
   * {@link #publish}: every live event of these topics is queued after the subscription.
   */
  synchronized void subscribe(Map<String, Long> since) {
    offer(new Subscribe(since));
    var all = new java.util.HashSet<>(topics);
    all.addAll(since.keySet());
    topics = Set.copyOf(all);
  }

  void control(String json) {
    offer(new Control(json));
  }

  /** Called on the publishing thread: never waits for the network. */
  void publish(Rendered event) {
    if (caller == null) {
      return;
    }
    synchronized (this) {
      if (topics.contains(event.event().topic())) {
        offer(new Live(event));
      }
    }
  }

  private void offer(Item item) {
    if (open.get() && !queue.offer(item)) {
      hub.evict(this);
    }
  }

  /** Stops the sender; the connection is closed or being closed. */
  void closed() {
    if (open.compareAndSet(true, false) && sender != null) {
      sender.interrupt();
    }
  }

  void close(int code, String reason) {
    closed();
    session.close(code, reason, Callback.NOOP);
  }

  private void drain() {
    List<Item> batch = new ArrayList<>();
    try {
      while (open.get()) {
        Item first = queue.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        for (Item item : batch) {
          switch (item) {
            case Control c -> write(c.json());
            case Subscribe s -> replay(s.since());
            case Live l -> deliver(l.event());
          }
        }
        batch.clear();
        flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SendFailed e) {
      closed();
      session.disconnect();
    }
  }

  private void replay(Map<String, Long> since) throws InterruptedException {
    for (var e : since.entrySet()) {
      String topic = e.getKey();
      long from = e.getValue();
      if (hub.beyondRetention(topic, from)) {
        long latest = hub.log().latestSeq(topic);
        last.put(topic, latest);
        send(hub.resync(topic, latest));
        continue;
      }
      last.put(topic, from);
      fill(topic, Long.MAX_VALUE);
    }
  }

  private void deliver(Rendered r) throws InterruptedException {
    Event e = r.event();
    Long seen = last.get(e.topic());
    if (seen == null || e.seq() <= seen) {
      return;
    }
    if (e.seq() > seen + 1) {
      fill(e.topic(), e.seq() - 1);
    }
    if (e.seq() > last.get(e.topic())) {
      sendEvent(e.topic(), e.seq(), r.json(viewer()));
    }
  }

  /** Sends every logged event of a topic after the last one sent, up to {@code upTo}. */
  private void fill(String topic, long upTo) throws InterruptedException {
    while (true) {
      long from = last.get(topic);
      if (from >= upTo) {
        return;
      }
      int n = (int) Math.min(REPLAY_PAGE, upTo - from);
      List<Event> page = hub.log().since(topic, from, n);
      for (Event e : page) {
        sendEvent(topic, e.seq(), hub.render(e).json(viewer()));
      }
      flush();
      if (page.size() < n) {
        return;
      }
    }
  }

  private void sendEvent(String topic, long seq, String json) {
    write(json);
    last.put(topic, seq);
    hub.countSent();
  }

  /**
   * Queues a frame with Jetty without waiting; frames complete in order, so {@link #flush} waits
   * for the last one only. At most one batch is ever in flight, which keeps the bound real.
   */
  private void write(String json) {
    var done = new CompletableFuture<Void>();
    session.sendText(json, Callback.from(() -> done.complete(null), done::completeExceptionally));
    inFlight = done;
  }

  private void flush() throws InterruptedException {
    CompletableFuture<Void> last = inFlight;
    if (last == null) {
      return;
    }
    inFlight = null;
    try {
      last.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new SendFailed();
    }
  }

  private void send(String json) throws InterruptedException {
    write(json);
    flush();
  }

  /** The connection can no longer take frames. */
  private static final class SendFailed extends RuntimeException {
    SendFailed() {
      super(null, null, false, false);
    }
  }
}
