package ai.jorge.events;

import ai.jorge.web.Caller;
import ai.jorge.web.Role;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * One WebSocket connection: its caller, a cursor per subscribed topic and a virtual thread, the
 * sender, which alone writes to the socket. Live events are not queued per client: the sender
 * reads them from the hub's shared {@link TopicRing}s from its cursors, and from the log for
 * whatever a ring no longer (or not yet) holds, so each client sees every seq of a topic once, in
 * order. Control messages (welcome, pong, errors, subscriptions) go through a small queue. The
 * sender hands Jetty a batch of frames and waits until they are written before taking more; a
 * client whose cursor falls more than the capacity behind is evicted by the hub.
 */
final class WsClient {
  private static final long SEND_TIMEOUT_SECONDS = 30;
  private static final int REPLAY_PAGE = 500;
  private static final int BATCH = 64;
  private static final int CONTROL_CAPACITY = 64;

  /** Work for the sender thread, in arrival order. */
  sealed interface Item {}

  record Control(String json) implements Item {}

  record Subscribe(Map<String, Long> since) implements Item {}

  private final String id;
  private final Session session;
  private final CoreSession frames;
  private final WebSocketHub hub;
  private final LinkedBlockingQueue<Item> control = new LinkedBlockingQueue<>(CONTROL_CAPACITY);
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final Map<String, AtomicLong> cursors = new ConcurrentHashMap<>();
  private volatile Caller caller;
  private volatile Thread sender;
  private boolean pending;

  WsClient(String id, Session session, WebSocketHub hub) {
    this.id = id;
    this.session = session;
    this.frames = ((WebSocketSession) session).getCoreSession();
    this.hub = hub;
  }

  void start() {
    sender = Thread.ofVirtual().name("ws-" + id).start(this::run);
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

  /** Accepts the caller: queues the welcome, then the automatic subscription if any. */
  void authenticate(Caller c, String welcome, Map<String, Long> autoSince) {
    this.caller = c;
    offer(new Control(welcome));
    if (!autoSince.isEmpty()) {
      offer(new Subscribe(autoSince));
    }
    wake();
  }

  /** Queues a subscription: the sender replays the log after {@code since}, then goes live. */
  void subscribe(Map<String, Long> since) {
    offer(new Subscribe(since));
    wake();
  }

  void control(String json) {
    offer(new Control(json));
    wake();
  }

  private void offer(Item item) {
    if (open.get() && !control.offer(item)) {
      hub.evict(this);
    }
  }

  /** How many events the furthest-behind subscribed topic has not been sent yet. */
  long backlog() {
    long behind = 0;
    for (var e : cursors.entrySet()) {
      behind = Math.max(behind, hub.ring(e.getKey()).latest() - e.getValue().get());
    }
    return behind;
  }

  boolean hasControl() {
    return !control.isEmpty();
  }

  /** Lets the sender write whatever is waiting; the hub calls this on every write tick. */
  void wake() {
    Thread t = sender;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  /** Stops the sender; the connection is closed or being closed. */
  void closed() {
    Thread t = sender;
    if (open.compareAndSet(true, false) && t != null) {
      t.interrupt();
    }
  }

  void close(int code, String reason) {
    closed();
    session.close(code, reason, org.eclipse.jetty.websocket.api.Callback.NOOP);
  }

  private void run() {
    try {
      while (open.get()) {
        LockSupport.park(this);
        if (Thread.interrupted()) {
          return;
        }
        while (open.get() && writeSome()) {
          // more was waiting than one batch holds
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SendFailed e) {
      closed();
      session.disconnect();
    }
  }

  /** Writes queued control messages and a batch of live events; true when more is waiting. */
  private boolean writeSome() throws InterruptedException {
    Item item;
    int n = 0;
    while (n++ < BATCH && (item = control.poll()) != null) {
      switch (item) {
        case Control c -> write(c.json().getBytes(StandardCharsets.UTF_8));
        case Subscribe s -> replay(s.since());
      }
    }
    boolean more = false;
    for (var e : cursors.entrySet()) {
      more |= sendLive(e.getKey(), e.getValue());
    }
    flush();
    return more || !control.isEmpty();
  }

  /** Sends up to a batch of a topic's events after its cursor; true when more are waiting. */
  private boolean sendLive(String topic, AtomicLong cursor) throws InterruptedException {
    TopicRing ring = hub.ring(topic);
    long latest = ring.latest();
    long upTo = Math.min(latest, cursor.get() + BATCH);
    boolean viewer = viewer();
    int sent = 0;
    for (long seq = cursor.get() + 1; seq <= upTo; seq++) {
      Rendered r = ring.get(seq);
      if (r == null) {
        fill(topic, cursor, upTo);
        break;
      }
      write(r.utf8(viewer));
      cursor.set(seq);
      sent++;
    }
    hub.countSent(sent);
    return latest > cursor.get();
  }

  private void replay(Map<String, Long> since) throws InterruptedException {
    for (var e : since.entrySet()) {
      String topic = e.getKey();
      long from = e.getValue();
      if (hub.beyondRetention(topic, from)) {
        long latest = hub.log().latestSeq(topic);
        cursors.put(topic, new AtomicLong(latest));
        write(hub.resync(topic, latest).getBytes(StandardCharsets.UTF_8));
        flush();
        continue;
      }
      AtomicLong cursor = new AtomicLong(from);
      fill(topic, cursor, Long.MAX_VALUE);
      cursors.put(topic, cursor);
    }
  }

  /**
   * Sends the logged events of a topic after the cursor, up to {@code upTo}. Seqs the log no
   * longer holds are passed over: they cannot be sent to anyone.
   */
  private void fill(String topic, AtomicLong cursor, long upTo) throws InterruptedException {
    boolean viewer = viewer();
    while (cursor.get() < upTo) {
      int n = (int) Math.min(REPLAY_PAGE, upTo - cursor.get());
      List<Event> page = hub.log().since(topic, cursor.get(), n);
      for (Event e : page) {
        write(hub.render(e).utf8(viewer));
        cursor.set(e.seq());
      }
      hub.countSent(page.size());
      flush();
      if (page.size() < n) {
        if (upTo != Long.MAX_VALUE) {
          cursor.set(Math.max(cursor.get(), upTo));
        }
        return;
      }
    }
  }

  /**
   * Hands Jetty a frame to batch without writing it yet; {@link #flush} writes the batch with as
   * few syscalls as the socket allows and waits for it. At most one batch is ever in flight.
   */
  private void write(byte[] utf8) {
    frames.sendFrame(new Frame(OpCode.TEXT, ByteBuffer.wrap(utf8)), Callback.NOOP, true);
    pending = true;
  }

  private void flush() throws InterruptedException {
    if (!pending) {
      return;
    }
    pending = false;
    var done = new CompletableFuture<Void>();
    frames.flush(Callback.from(() -> done.complete(null), done::completeExceptionally));
    try {
      done.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new SendFailed();
    }
  }

  /** The connection can no longer take frames. */
  private static final class SendFailed extends RuntimeException {
    SendFailed() {
      super(null, null, false, false);
    }
  }
}
