package ai.jorge.crm;

import ai.jorge.guard.Decision;
import ai.jorge.guard.Guard;
import ai.jorge.guard.OutboundMessage;
import ai.jorge.store.OutboxRow;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * Gathers what the guard needs to judge one outbox row (SPEC §8 layer 3 and the per-contact daily
 * cap of layer 5) and asks it: the contact's opt-out flag, whether the row is proactive, the
 * contact-local time (the contact's zone, else the team's), how many messages the contact was sent
 * today, the reply length limit and the ids that must never reach a lead. Stateless apart from its
 * configuration; thread-safe.
 */
final class OutboundCheck {
  static final String QUIET_HOURS_RULE = "message.quiet_hours";
  private static final Set<String> PROACTIVE = Set.of("followup", "nurture");
  private static final String OPT_OUT_CONFIRMATION = "opt_out_confirmation";
  private static final int MIN_ID_LENGTH = 8;

  private final Guard guard;
  private final ZoneId teamZone;
  private final int maxChars;

  /** The row's recipient as the dispatcher sees it at delivery time. */
  record Target(
      String externalId, boolean optedOut, String conversationId, ZoneId zone, int sentToday) {}

  /** The guard's decision and the facts it was made on. */
  record Outcome(Decision decision, Target target, ZonedDateTime localTime) {}

  OutboundCheck(Guard guard, ZoneId teamZone, int maxChars) {
    this.guard = guard;
    this.teamZone = teamZone;
    this.maxChars = maxChars;
  }

  static boolean isOptOutConfirmation(OutboxRow row) {
    return OPT_OUT_CONFIRMATION.equals(row.kind());
  }

  Outcome check(Handle h, OutboxRow row, Instant now) {
    Target target = target(h, row.contactId(), now);
    ZonedDateTime local = now.atZone(target.zone());
    List<String> ids =
        Stream.of(row.contactId(), target.conversationId(), target.externalId())
            .filter(id -> id != null && id.length() >= MIN_ID_LENGTH)
            .toList();
    var message =
        new OutboundMessage(
            row.contactId(),
            row.body(),
            target.optedOut(),
            PROACTIVE.contains(row.kind()),
            local,
            isOptOutConfirmation(row),
            target.sentToday(),
            maxChars,
            ids);
    return new Outcome(guard.checkOutbound(message), target, local);
  }

  private Target target(Handle h, String contactId, Instant now) {
    var row =
        h.createQuery(
                "SELECT c.external_id, c.time_zone, v.opted_out, v.id FROM contacts c JOIN"
                    + " conversations v ON v.contact_id = c.id WHERE c.id = :id")
            .bind("id", contactId)
            .map(
                (rs, ctx) ->
                    new Target(
                        rs.getString(1), rs.getBoolean(3), rs.getString(4), zone(rs.getString(2)),
                        0))
            .one();
    Instant dayStart = now.atZone(row.zone()).toLocalDate().atStartOfDay(row.zone()).toInstant();
    int sent =
        h.createQuery(
                "SELECT COUNT(*) FROM outbox WHERE contact_id = :id AND status = 'sent' AND"
                    + " sent_at >= :since")
            .bind("id", contactId)
            .bind("since", dayStart)
            .mapTo(Integer.class)
            .one();
    return new Target(row.externalId(), row.optedOut(), row.conversationId(), row.zone(), sent);
  }

  private ZoneId zone(String name) {
    if (name == null || name.isBlank()) {
      return teamZone;
    }
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      return teamZone;
    }
  }
}
