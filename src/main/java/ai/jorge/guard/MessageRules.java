package ai.jorge.guard;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layer-3 and layer-5 checks on an outbound message that are facts, not phrases. Each is
 * immutable and thread-safe.
 */
final class MessageRules {
  private MessageRules() {}

  /** Nothing goes to an opted-out contact except the one opt-out confirmation. */
  static final class OptedOut extends BaseRule {
    OptedOut(RuleSpec spec) {
      super(spec);
    }

    @Override
    public Optional<String> evaluate(Subject subject) {
      return subject instanceof Subject.Message(OutboundMessage m, String ignored)
              && m.contactOptedOut() && !m.isOptOutConfirmation()
          ? Optional.of(spec.reason())
          : Optional.empty();
    }
  }

  /** Proactive messages only inside [{@code start}, {@code end}) contact-local time. */
  static final class QuietHours extends BaseRule {
    private final LocalTime start;
    private final LocalTime end;

    QuietHours(RuleSpec spec, Params p) {
      super(spec);
      this.start = LocalTime.parse(p.text("start", "08:00"));
      this.end = LocalTime.parse(p.text("end", "21:00"));
    }

    @Override
    public Optional<String> evaluate(Subject subject) {
      if (!(subject instanceof Subject.Message(OutboundMessage m, String ignored))
          || !m.proactive()) {
        return Optional.empty();
      }
      LocalTime local = m.contactLocalTime().toLocalTime();
      boolean inside = !local.isBefore(start) && local.isBefore(end);
      return inside
          ? Optional.empty()
          : Optional.of(String.format(
              "%s: proactive message at %s contact-local (%s), allowed %s-%s",
              spec.reason(), local.withNano(0), m.contactLocalTime().getZone(), start, end));
    }
  }

  /**
   * A message longer than the channel allows; {@code maxChars <= 0} falls back to {@code
   * default_max_chars}.
   */
  static final class Length extends BaseRule {
    private final int defaultMax;

    Length(RuleSpec spec, Params p) {
      super(spec);
      this.defaultMax = p.integer("default_max_chars", 320);
    }

    @Override
    public Optional<String> evaluate(Subject subject) {
      if (!(subject instanceof Subject.Message(OutboundMessage m, String ignored))) {
        return Optional.empty();
      }
      int max = m.maxChars() > 0 ? m.maxChars() : defaultMax;
      int length = m.text().codePointCount(0, m.text().length());
      return length > max
          ? Optional.of(spec.reason() + ": " + length + " > " + max + " characters")
          : Optional.empty();
    }
  }

  /**
   * Internal identifiers: the message's own list plus id-shaped patterns (contact ids, UUIDs,
   * message ids).
   */
  static final class InternalIds extends BaseRule {
    private final List<Pattern> patterns;

    InternalIds(RuleSpec spec, Params p) {
      super(spec);
      this.patterns = p.patterns("patterns", false, Pattern.CASE_INSENSITIVE);
    }

    @Override
    public Optional<String> evaluate(Subject subject) {
      if (!(subject instanceof Subject.Message(OutboundMessage m, String ignored))) {
        return Optional.empty();
      }
      for (String id : m.internalIds()) {
        if (!id.isBlank() && m.text().contains(id)) {
          return Optional.of(spec.reason());
        }
      }
      for (Pattern p : patterns) {
        Matcher matcher = p.matcher(m.text());
        if (matcher.find()) {
          return Optional.of(spec.reason());
        }
      }
      return Optional.empty();
    }
  }

  /**
   * At most {@code max_per_day} messages per contact per day; the opt-out confirmation always goes
   * out.
   */
  static final class DailyCap extends BaseRule {
    private final int max;

    DailyCap(RuleSpec spec, Params p) {
      super(spec);
      this.max = p.integer("max_per_day", 25);
    }

    @Override
    public Optional<String> evaluate(Subject subject) {
      if (!(subject instanceof Subject.Message(OutboundMessage m, String ignored))
          || m.isOptOutConfirmation()) {
        return Optional.empty();
      }
      return m.sentToday() >= max
          ? Optional.of(spec.reason() + ": " + m.sentToday() + " sent today, cap " + max)
          : Optional.empty();
    }
  }
}
