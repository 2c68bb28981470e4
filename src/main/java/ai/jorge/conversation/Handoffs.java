package ai.jorge.conversation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Moves a contact from the current bot to a side's bot when the guards allow it: records the
 * handoff with its reason and confidence, switches bot and focus, clears the queue for that side
 * and carries the motivation across so the receiving bot does not ask it again.
 */
final class Handoffs {
  private Handoffs() {}

  static boolean transfer(Turn t, Side to, String reason, double confidence) {
    Bot from = t.state.bot();
    Bot toBot = Bot.of(to);
    if (from == toBot || !HandoffGuard.allows(t.state.handoffs(), from, toBot, t.ctx.now())) {
      return false;
    }
    t.handoff(new Handoff(from, toBot, reason, confidence, t.ctx.now()));
    t.state.bot(toBot);
    t.state.focus(to);
    if (t.state.queued() == to) {
      t.state.queue(null, 0);
    }
    SideState target = t.state.sideOrEmpty(to);
    SideState source = t.state.side(to.other());
    if (source != null
        && source.knows("motivation")
        && !target.answers().containsKey("motivation")) {
      target = target.withAnswers(Map.of("motivation", source.answers().get("motivation")));
    }
    t.state.side(to, target);
    return true;
  }

  /** One line an agent can read: the side, its temperature and every answer known. */
  static String summary(Side side, SideState s) {
    Map<String, Object> answers = new LinkedHashMap<>(s.answers());
    String facts =
        answers.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", "));
    return side.wireName() + " " + s.temperature() + (facts.isEmpty() ? "" : ": " + facts);
  }
}
