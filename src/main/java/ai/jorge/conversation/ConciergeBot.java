package ai.jorge.conversation;

import ai.jorge.conversation.extract.Intent;
import ai.jorge.conversation.extract.IntentDetector;
import ai.jorge.conversation.extract.MetaQuestionDetector;
import java.util.Map;

/**
 * The first bot a lead meets. Routes a clear seller or buyer goal (intent 0.7 or more) to that
 * side's bot in the same turn, seller first when both are clear with the buyer queued; otherwise
 * asks whether they want to buy, sell or both, at most three times in all, and then marks the lead
 * for a human.
 */
final class ConciergeBot {
  private static final double ROUTE = 0.7;
  private static final int MAX_INTENT_ASKS = 3;

  private final QualifyingBot qualifying;

  ConciergeBot(QualifyingBot qualifying) {
    this.qualifying = qualifying;
  }

  void run(Turn t) {
    Intent in = IntentDetector.detect(t.text, Slot.INTENT.wire().equals(t.state.asking()));
    boolean seller = in.seller() >= ROUTE;
    boolean buyer = in.buyer() >= ROUTE;
    if (!seller && !buyer) {
      unclear(t);
      return;
    }
    boolean buyerInstead = in.sellerDeclined() && buyer && !in.buyerDeclined();
    Side target = seller && !buyerInstead ? Side.SELLER : Side.BUYER;
    boolean both =
        target == Side.SELLER ? buyer && !in.buyerDeclined() : seller && !in.sellerDeclined();
    double confidence = target == Side.SELLER ? in.seller() : in.buyer();
    String reason =
        target.wireName()
            + " intent in the lead's message"
            + (both ? "; both goals, seller first" : "");
    if (!Handoffs.transfer(t, target, reason, confidence)) {
      t.say(t.settings.text("guarded"));
      return;
    }
    if (both) {
      t.state.queue(target.other(), target == Side.SELLER ? in.buyer() : in.seller());
      t.say(t.settings.text("concierge.both"));
    }
    qualifying.run(t, target, in);
  }

  private static void unclear(Turn t) {
    if (MetaQuestionDetector.asksIfBot(t.text)) {
      t.say(t.settings.text("identity", Map.of("goal", "move")));
    }
    if (MetaQuestionDetector.asksForAdvice(t.text)) {
      t.say(t.settings.text("advice"));
    }
    if (t.state.needsHuman()) {
      return;
    }
    int asks = t.state.intentAsks();
    if (asks >= MAX_INTENT_ASKS) {
      t.state.needsHuman(true);
      t.say(t.settings.text("concierge.human"));
      return;
    }
    if (!t.saidAnything()) {
      t.say(t.settings.text(asks == 0 ? "concierge.greeting" : "concierge.intent.retry"));
    }
    t.state.intentAsks(asks + 1);
    t.ask(Slot.INTENT, t.settings.text("concierge.intent"));
  }
}
