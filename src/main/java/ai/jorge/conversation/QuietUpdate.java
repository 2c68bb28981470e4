package ai.jorge.conversation;

import ai.jorge.conversation.extract.Intent;
import ai.jorge.conversation.extract.IntentDetector;
import java.util.ArrayList;
import java.util.List;

/**
 * Handles a message no bot may answer (a human holds the contact, or the contact opted out):
 * answers and temperature of the side in focus, or of a side the message clearly names while the
 * concierge still holds it, are updated; nothing is sent and the pending question stays.
 */
final class QuietUpdate {
  private final QualifyingBot qualifying;

  QuietUpdate(QualifyingBot qualifying) {
    this.qualifying = qualifying;
  }

  void apply(Turn t) {
    t.quiet();
    Intent in = IntentDetector.detect(t.text, Slot.INTENT.wire().equals(t.state.asking()));
    List<Side> sides = new ArrayList<>();
    if (t.state.focus() != null) {
      sides.add(t.state.focus());
    } else {
      if (in.seller() >= 0.7) {
        sides.add(Side.SELLER);
      }
      if (in.buyer() >= 0.7) {
        sides.add(Side.BUYER);
      }
    }
    Slot asked = Slot.fromWire(t.state.asking());
    for (Side side : sides) {
      Qualifier q = qualifying.qualifier(side);
      Slot slot =
          side == t.state.focus() && asked != null && q.slots().contains(asked) ? asked : null;
      SideState s = t.state.sideOrEmpty(side).withAnswers(q.extract(t.text, slot, t.ctx, in));
      boolean declined = side == Side.SELLER ? in.sellerDeclined() : in.buyerDeclined();
      if (declined || in.notInterested()) {
        s = s.withNotInterested(true);
      }
      t.state.side(side, s.withRating(q.rate(s)));
    }
  }
}
