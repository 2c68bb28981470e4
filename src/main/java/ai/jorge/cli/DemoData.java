package ai.jorge.cli;

import ai.jorge.conversation.ConversationService;
import ai.jorge.conversation.Inbound;
import java.time.Instant;
import java.util.List;

/**
 * Seeds example leads at different stages through the real conversation service, so the demo
 * shows genuine state. Idempotent: every message carries a fixed client id, so a restart adds
 * nothing twice.
 */
final class DemoData {
  private final ConversationService conversations;

  record Script(String session, String name, List<String> lines) {}

  static final List<Script> SCRIPTS =
      List.of(
          new Script(
              "demo-maria",
              "Maria Lopez",
              List.of(
                  "Hi, I'm thinking about selling my house on Banyan St",
                  "We're relocating to Austin for my husband's job",
                  "Yes, 30-45 days would actually be perfect",
                  "It's move-in ready, we just redid the kitchen",
                  "We'd want around $725k",
                  "The first one works")),
          new Script(
              "demo-tom",
              "Tom Becker",
              List.of(
                  "What's my home worth? We might sell",
                  "Kids moved out, we want to downsize",
                  "No, that's too quick. We'd need about 3 months",
                  "Needs some paint and new carpet")),
          new Script(
              "demo-ana",
              "Ana Ruiz",
              List.of(
                  "I need to sell fast, going through a divorce. It needs a lot of work",
                  "yes that works")),
          new Script(
              "demo-sam",
              "Sam Patel",
              List.of("Just curious what my house would sell for, not planning to sell anytime soon")),
          new Script("demo-kim", "Kim Nguyen", List.of("Thinking of selling", "STOP")),
          new Script("demo-joe", "Joe Park", List.of("hey")));

  DemoData(ConversationService conversations) {
    this.conversations = conversations;
  }

  void seed() {
    for (Script s : SCRIPTS) {
      for (int i = 0; i < s.lines().size(); i++) {
        conversations.converse(
            new Inbound(
                "chat", s.session(), "web_chat", null, s.session() + ":" + i, s.lines().get(i),
                Instant.now(), s.name(), null, null, null));
      }
    }
  }
}
