package ai.jorge.conversation;

import ai.jorge.conversation.extract.Intent;
import ai.jorge.conversation.extract.MetaQuestionDetector;
import java.util.Map;

/**
 * Runs one turn for the seller or buyer bot: reads an answer to a pending appointment offer,
 * extracts every answer the message holds, counts misses on the question just asked (re-ask once
 * with an example, then record unknown), notes a second goal, recomputes the temperature, and then
 * offers times to a HOT lead, asks the next open question, hands off to a queued goal, or closes.
 */
final class QualifyingBot {
  private final Map<Side, Qualifier> qualifiers;

  QualifyingBot(Map<Side, Qualifier> qualifiers) {
    this.qualifiers = Map.copyOf(qualifiers);
  }

  Qualifier qualifier(Side side) {
    return qualifiers.get(side);
  }

  void run(Turn t, Side side, Intent intent) {
    Qualifier q = qualifiers.get(side);
    Slot asked = Slot.fromWire(t.state.asking());
    boolean booking =
        asked == Slot.APPOINTMENT && t.state.appointmentStatus() == AppointmentStatus.OFFERED;
    boolean botQuestion = MetaQuestionDetector.asksIfBot(t.text);
    boolean advice = MetaQuestionDetector.asksForAdvice(t.text);
    boolean meta = botQuestion || advice;
    boolean declining = !booking && (intent.notInterested() || declined(side, intent));
    Slot qualifying =
        asked != null && q.slots().contains(asked) && !meta && !declining ? asked : null;
    if (booking) {
      AppointmentDesk.answer(t, meta);
    }
    SideState s = t.state.sideOrEmpty(side);
    boolean wasNotInterested = s.notInterested();
    Map<String, Object> found = q.extract(t.text, qualifying, t.ctx, intent);
    s = interest(s.withAnswers(found), side, intent, booking);
    boolean queuedNow = queueOtherGoal(t, side, intent);
    boolean unanswered =
        qualifying != null && !q.answered(qualifying, s) && found.isEmpty() && !s.notInterested();
    boolean retry = false;
    if (unanswered && !queuedNow) {
      int misses = s.missesFor(qualifying.wire()) + 1;
      s = s.withMisses(qualifying.wire(), misses);
      if (misses >= 2) {
        s = s.withAnswers(Map.of(q.unknownKey(qualifying), SideState.UNKNOWN));
      } else {
        retry = true;
      }
    }
    s = s.withRating(q.rate(s));
    t.state.side(side, s);
    if (botQuestion) {
      t.say(
          t.settings.text(
              "identity", Map.of("goal", side == Side.SELLER ? "sale" : "home search")));
    }
    if (advice) {
      t.say(t.settings.text("advice"));
    }
    if (t.asked()) {
      return;
    }
    if (s.notInterested()) {
      if (t.state.queued() == null
          || !handOffToQueued(t, side, "not interested in " + side.wireName() + "ing")) {
        t.say(t.settings.text(wasNotInterested ? "not_interested.again" : "not_interested"));
      }
      return;
    }
    continueWith(
        t,
        side,
        retry ? qualifying : null,
        asked != null,
        found.isEmpty() ? null : ackKey(q, qualifying, s));
    if (unanswered && queuedNow && t.asked()) {
      // A message that only raised a second goal is no miss; the open question comes back as
      // "First, …" so the lead never reads the very same sentence twice.
      t.resumeLastQuestion(t.settings.text("resume"));
    }
  }

  private static String ackKey(Qualifier q, Slot asked, SideState s) {
    if (asked == null
        || !q.answered(asked, s)
        || SideState.UNKNOWN.equals(s.answers().get(q.unknownKey(asked)))) {
      return "ack";
    }
    if (asked == Slot.MOTIVATION) {
      String key = "ack.motivation." + s.answers().get("motivation");
      return DefaultTexts.ALL.containsKey(key) ? key : "ack.motivation";
    }
    return "ack." + asked.wire();
  }

  /** Offers times to a HOT lead, else asks the next open question, else hands off or closes. */
  void continueWith(Turn t, Side side, Slot retrySlot, boolean wasAsking, String ackKey) {
    Qualifier q = qualifiers.get(side);
    SideState s = t.state.side(side);
    if (s.temperature() == Temperature.HOT
        && t.state.appointmentStatus() == AppointmentStatus.NONE) {
      AppointmentDesk.offer(t);
      if (t.asked()) {
        return;
      }
    }
    Slot next = q.nextOpen(s);
    if (next != null) {
      if (ackKey != null && !t.saidAnything()) {
        t.say(t.settings.text(ackKey));
      }
      String key = q.textKey(next) + (next == retrySlot ? ".retry" : "");
      t.ask(next, t.settings.text(key));
      return;
    }
    boolean awaitingAppointment =
        s.temperature() == Temperature.HOT && !t.state.appointmentStatus().settled();
    if (t.state.queued() != null && !awaitingAppointment && handOffToQueued(t, side, "qualified")) {
      return;
    }
    if (awaitingAppointment && t.state.appointmentStatus() == AppointmentStatus.OFFERED) {
      AppointmentDesk.reoffer(t);
      return;
    }
    if (!t.saidAnything()) {
      t.say(t.settings.text(wasAsking ? "closing" : "closing.again"));
    }
  }

  private boolean handOffToQueued(Turn t, Side from, String why) {
    Side to = t.state.queued();
    SideState done = t.state.side(from);
    String reason =
        to.wireName()
            + " goal queued during "
            + from.wireName()
            + " qualification, "
            + from.wireName()
            + " "
            + why
            + "; "
            + Handoffs.summary(from, done);
    if (!Handoffs.transfer(t, to, reason, t.state.queuedConfidence())) {
      return false;
    }
    t.say(t.settings.text("handoff." + to.wireName()));
    SideState target = t.state.sideOrEmpty(to);
    t.state.side(to, target.withRating(qualifiers.get(to).rate(target)));
    continueWith(t, to, null, true, null);
    return true;
  }

  private boolean queueOtherGoal(Turn t, Side side, Intent intent) {
    Side other = side.other();
    double score = other == Side.BUYER ? intent.buyer() : intent.seller();
    boolean declined = other == Side.BUYER ? intent.buyerDeclined() : intent.sellerDeclined();
    double threshold = other == Side.BUYER ? 0.6 : 0.8;
    SideState existing = t.state.side(other);
    boolean done = existing != null && qualifiers.get(other).nextOpen(existing) == null;
    if (score >= threshold && !declined && t.state.queued() == null && !done) {
      t.state.queue(other, score);
      t.say(t.settings.text("queue." + other.wireName()));
      return true;
    }
    return false;
  }

  private static boolean declined(Side side, Intent intent) {
    return side == Side.SELLER ? intent.sellerDeclined() : intent.buyerDeclined();
  }

  private static SideState interest(SideState s, Side side, Intent intent, boolean booking) {
    if (booking) {
      return s;
    }
    boolean declined = declined(side, intent);
    double score = side == Side.SELLER ? intent.seller() : intent.buyer();
    if (declined || intent.notInterested()) {
      return s.withNotInterested(true);
    }
    if (s.notInterested() && score >= 0.7) {
      return s.withNotInterested(false);
    }
    return s;
  }
}
