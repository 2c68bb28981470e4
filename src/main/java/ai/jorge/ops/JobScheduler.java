package ai.jorge.ops;

import ai.jorge.Service;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs the recurring jobs on db-scheduler (SPEC §7): tasks live in the database, and across any
 * number of instances each due run executes on exactly one. Exposes {@code
 * jorge_scheduler_lag_seconds}: how late the most overdue unpicked run is.
 */
public final class JobScheduler implements Service {
  private final DataSource dataSource;
  private final List<Job> jobs;
  private final Jdbi jdbi;
  private final Clock clock;
  private Scheduler scheduler;

  /** A job run every {@code every}, on one instance at a time. */
  public record Job(String name, Duration every, Runnable action) {}

  public JobScheduler(DataSource dataSource, List<Job> jobs, MeterRegistry meters, Clock clock) {
    this.dataSource = dataSource;
    this.jobs = List.copyOf(jobs);
    this.jdbi = Jdbi.create(dataSource);
    this.clock = clock;
    Gauge.builder("jorge.scheduler.lag", this, JobScheduler::lagSeconds)
        .baseUnit("seconds")
        .register(meters);
  }

  @Override
  public String name() {
    return "scheduler";
  }

  @Override
  public void start() {
    List<RecurringTask<Void>> tasks =
        jobs.stream()
            .map(
                j ->
                    Tasks.recurring(j.name(), FixedDelay.of(j.every()))
                        .execute((instance, ctx) -> j.action().run()))
            .toList();
    scheduler =
        Scheduler.create(dataSource)
            .startTasks(tasks)
            .pollingInterval(Duration.ofSeconds(1))
            .heartbeatInterval(Duration.ofSeconds(10))
            .threads(4)
            .shutdownMaxWait(Duration.ofSeconds(10))
            .build();
    scheduler.start();
  }

  /** Seconds the oldest overdue, unpicked run has been waiting; 0 when nothing is late. */
  double lagSeconds() {
    try {
      Timestamp oldest =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "SELECT MIN(execution_time) FROM scheduled_tasks WHERE picked = FALSE")
                      .mapTo(Timestamp.class)
                      .findOne()
                      .orElse(null));
      if (oldest == null) {
        return 0;
      }
      Instant now = clock.instant();
      return Math.max(0, Duration.between(oldest.toInstant(), now).toMillis() / 1000.0);
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  @Override
  public void stop() {
    scheduler.stop();
  }
}
