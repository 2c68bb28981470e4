package ai.jorge;

/**
 * Something App starts and stops in order. Every long-lived component implements it, so none can
 * exist without being started: App refuses to run until each has started.
 */
public interface Service {
  String name();

  void start() throws Exception;

  /**
   * First phase of a graceful shutdown, called on every started service in reverse start order
   * before any is stopped: stop taking new work and finish what is in flight (HTTP refuses intake,
   * the worker finishes its turns, the outbox flushes a batch, sockets close with 1001).
   */
  default void drain() throws Exception {}

  /** Stops; called once, in reverse start order, even when a later service failed to start. */
  void stop() throws Exception;
}
