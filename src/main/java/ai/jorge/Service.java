package ai.jorge;

/**
 * Something App starts and stops in order. Every long-lived component implements it, so none can
 * exist without being started: App refuses to run until each has started.
 */
public interface Service {
  String name();

  void start() throws Exception;

  /** Stops; called once, in reverse start order, even when a later service failed to start. */
  void stop() throws Exception;
}
