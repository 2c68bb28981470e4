package ai.jorge.scoring;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The raw, timestamped facts stored for one lead, from which {@link FeatureExtractor} computes
 * {@link LeadFeatures} as of a scoring time. Immutable.
 *
 * @param channel {@code sms | web_chat | live_chat | api}
 * @param side {@code seller | buyer | unknown} (unknown while the concierge is still routing)
 * @param answers every extracted answer with the time it was recorded; a later answer to the same
 *     key replaces an earlier one
 * @param messages the conversation, in any order
 * @param handoffs the times of bot-to-bot handoffs
 * @param optedOutAt when the lead opted out, or {@code null}
 * @param firstContactAt the lead's first message
 * @param zone the lead's time zone (the team's when the lead's is unknown)
 */
public record LeadFacts(
    String channel,
    String side,
    List<TimedAnswer> answers,
    List<TimedMessage> messages,
    List<Instant> handoffs,
    Instant optedOutAt,
    Instant firstContactAt,
    ZoneId zone) {

  /**
   * One extracted answer, e.g. {@code ("timeline_days", 30, at)}, as the conversation engine emits
   * it.
   */
  public record TimedAnswer(String key, Object value, Instant at) {
    public TimedAnswer {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(at, "at");
    }
  }

  /** One message; {@code inbound} is true when the lead sent it. */
  public record TimedMessage(Instant at, boolean inbound, String text) {
    public TimedMessage {
      Objects.requireNonNull(at, "at");
      text = text == null ? "" : text;
    }
  }

  public LeadFacts {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(firstContactAt, "firstContactAt");
    Objects.requireNonNull(zone, "zone");
    answers = List.copyOf(answers);
    messages = List.copyOf(messages);
    handoffs = List.copyOf(handoffs);
  }
}
