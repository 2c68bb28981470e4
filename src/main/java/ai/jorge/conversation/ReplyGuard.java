package ai.jorge.conversation;

import ai.jorge.guard.Guard;
import ai.jorge.guard.OutboundMessage;
import ai.jorge.store.ContactRow;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The guard's layer 3 for replies that reach the lead in the HTTP response itself (web chat and
 * the API), where the outbox's check at delivery would come too late. A refused reply is never
 * written, returned or sent. Replies for other channels are judged by the outbox at delivery.
 * Thread-safe.
 */
final class ReplyGuard {
  static final Set<String> SYNCHRONOUS = Set.of("web_chat", "api");
  private static final int MIN_ID_LENGTH = 8;
  private final Guard guard;
  private final int maxChars;

  ReplyGuard(Guard guard, int maxChars) {
    this.guard = guard;
    this.maxChars = maxChars;
  }

  /** The rule that refuses this reply, or empty when it may go out. */
  Optional<String> refusal(
      ContactRow contact, String conversationId, String channel, Reply reply, boolean optedOut,
      int sentToday, ZoneId zone, Instant now) {
    if (!SYNCHRONOUS.contains(channel)) {
      return Optional.empty();
    }
    List<String> ids =
        Stream.of(contact.id(), conversationId, contact.externalId())
            .filter(id -> id != null && id.length() >= MIN_ID_LENGTH)
            .toList();
    var decision =
        guard.checkOutbound(
            new OutboundMessage(
                contact.id(), reply.text(), optedOut, false, now.atZone(zone),
                reply.kind() == Reply.Kind.OPT_OUT_CONFIRMATION, sentToday, maxChars, ids));
    return decision.blocked() ? Optional.of(decision.ruleId()) : Optional.empty();
  }
}
