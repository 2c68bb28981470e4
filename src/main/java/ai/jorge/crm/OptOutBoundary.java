package ai.jorge.crm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Defence in depth at the channel boundary: right before a message leaves, the contact's opt-out
 * is read once more. A message other than the opt-out confirmation that reaches this point for an
 * opted-out contact means an earlier check failed (or lost a race): it is refused, never sent, and
 * counted in {@code jorge_optout_violations_total}, which the zero-tolerance alert watches.
 * Thread-safe.
 */
public final class OptOutBoundary {
  private final Jdbi jdbi;
  private final Counter violations;

  public OptOutBoundary(Jdbi jdbi, MeterRegistry meters) {
    this.jdbi = jdbi;
    this.violations =
        Counter.builder("jorge.optout.violations")
            .description("messages that reached a channel for an opted-out contact (refused)")
            .register(meters);
  }

  /** The channel, behind the check. */
  public Channel guard(Channel channel) {
    return delivery -> {
      if (violates(delivery.outboxId())) {
        violations.increment();
        throw new Channel.DeliveryException("contact opted out; refused at the channel", false);
      }
      return channel.deliver(delivery);
    };
  }

  /** Each channel of the map, behind the check. */
  public Map<String, Channel> guardAll(Map<String, Channel> channels) {
    var out = new java.util.HashMap<String, Channel>();
    channels.forEach((name, c) -> out.put(name, guard(c)));
    return out;
  }

  private boolean violates(long outboxId) {
    Optional<Map.Entry<String, Boolean>> row =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT o.kind, v.opted_out FROM outbox o JOIN conversations v ON"
                            + " v.contact_id = o.contact_id WHERE o.id = :id")
                    .bind("id", outboxId)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getBoolean(2)))
                    .findOne());
    return row.isPresent()
        && row.get().getValue()
        && !"opt_out_confirmation".equals(row.get().getKey());
  }
}
