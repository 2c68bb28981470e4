package ai.jorge.conversation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed clock, zone and calendar for conversation tests, plus a helper to play a conversation.
 */
final class Fixtures {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");

  /** Monday 23 November 2026, 09:00 in Los Angeles. */
  static final Instant NOW = Instant.parse("2026-11-23T17:00:00Z");

  static final List<ZonedDateTime> SLOTS =
      List.of(
          at("2026-11-24T10:00"),
          at("2026-11-24T10:30"),
          at("2026-11-24T14:30"),
          at("2026-11-25T14:30"),
          at("2026-11-25T15:00"),
          at("2026-11-26T11:00"),
          at("2026-11-27T09:30"));
  static final TurnContext CTX = new TurnContext(NOW, LA, SLOTS, false);

  private Fixtures() {}

  static ZonedDateTime at(String local) {
    return LocalDateTime.parse(local).atZone(LA);
  }

  static TurnContext ctxAt(Instant now) {
    return new TurnContext(now, LA, SLOTS, false);
  }

  /** Plays messages one after another from the initial state, all at the fixed time. */
  static final class Conversation {
    final ConversationEngine engine;
    ConversationState state = ConversationState.initial();
    TurnContext ctx = CTX;
    final List<TurnResult> results = new ArrayList<>();

    Conversation() {
      this(BotSettings.defaults());
    }

    Conversation(BotSettings settings) {
      engine = new ConversationEngine(settings);
    }

    TurnResult say(String text) {
      TurnResult r = engine.handle(state, text, ctx);
      state = r.state();
      results.add(r);
      return r;
    }

    String replyText(TurnResult r) {
      return String.join("\n", r.replies().stream().map(Reply::text).toList());
    }

    Object seller(String key) {
      return state.seller() == null ? null : state.seller().answers().get(key);
    }

    Object buyer(String key) {
      return state.buyer() == null ? null : state.buyer().answers().get(key);
    }
  }
}
