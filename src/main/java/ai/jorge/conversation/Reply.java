package ai.jorge.conversation;

import java.util.Objects;

/** One outbound message for the lead and why it is sent. */
public record Reply(String text, Kind kind) {
  public Reply {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(kind, "kind");
  }

  /** Bot conversation, the one opt-out confirmation, or the resubscribe confirmation. */
  public enum Kind {
    BOT,
    OPT_OUT_CONFIRMATION,
    RESUBSCRIBED
  }
}
