package ai.jorge.dashboard;

import ai.jorge.events.EventLog;

/**
 * The {@code metrics.snapshot} event of SPEC §5: the Overview numbers, logged and published on the
 * {@code metrics} topic. Run every 5 s by the cluster-safe scheduler, so one instance writes each.
 */
public final class MetricsSnapshot implements Runnable {
  private final DashboardMetrics metrics;
  private final EventLog events;

  public MetricsSnapshot(DashboardMetrics metrics, EventLog events) {
    this.metrics = metrics;
    this.events = events;
  }

  @Override
  public void run() {
    events.record("metrics", "metrics.snapshot", metrics.compute());
  }
}
