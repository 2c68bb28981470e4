package ai.jorge.events;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The recent live events of one topic, shared by every WebSocket client: publishing is one store
 * however many clients there are, and each client reads from its own cursor. A seq that is not
 * here (overwritten, or published out of order and not stored yet) is read from the log instead.
 * Thread-safe.
 */
final class TopicRing {
  private final AtomicReferenceArray<Rendered> slots;
  private final int mask;
  private final AtomicLong latest = new AtomicLong();

  TopicRing(int minCapacity) {
    int size = Integer.highestOneBit(Math.max(2, minCapacity - 1)) << 1;
    this.slots = new AtomicReferenceArray<>(size);
    this.mask = size - 1;
  }

  void put(Rendered r) {
    long seq = r.event().seq();
    slots.set((int) (seq & mask), r);
    latest.accumulateAndGet(seq, Math::max);
  }

  /** The event with this seq, or null when the ring does not hold it. */
  Rendered get(long seq) {
    Rendered r = slots.get((int) (seq & mask));
    return r != null && r.event().seq() == seq ? r : null;
  }

  /** The highest seq published since start, 0 before the first. */
  long latest() {
    return latest.get();
  }
}
