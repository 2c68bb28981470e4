package ai.jorge.conversation;

import ai.jorge.conversation.extract.IntentDetector;
import ai.jorge.conversation.extract.OptOutDetector;
import java.util.Map;
import java.util.Objects;

/**
 * Turns one inbound message into the contact's next state and the replies to send. Opt-out is
 * checked before any bot logic; while opted out or held by a human nothing is sent but answers are
 * still recorded. Deterministic for a given state, text and context: no I/O, no clock reads, no
 * randomness. Stateless and thread-safe; one instance can serve every contact.
 */
public final class ConversationEngine {
  /** Longer messages are read only up to this many characters. */
  static final int MAX_INBOUND_CHARS = 2_000;

  private final BotSettings settings;
  private final QualifyingBot qualifying;
  private final ConciergeBot concierge;
  private final QuietUpdate quiet;

  public ConversationEngine(BotSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.qualifying =
        new QualifyingBot(
            Map.of(
                Side.SELLER,
                new SellerQualifier(),
                Side.BUYER,
                new BuyerQualifier(settings.serviceAreas())));
    this.concierge = new ConciergeBot(qualifying);
    this.quiet = new QuietUpdate(qualifying);
  }

  public TurnResult handle(ConversationState state, String inboundText, TurnContext ctx) {
    Objects.requireNonNull(ctx, "ctx");
    ConversationState current = state == null ? ConversationState.initial() : state;
    String text = inboundText == null ? "" : inboundText;
    if (text.length() > MAX_INBOUND_CHARS) {
      text = text.substring(0, MAX_INBOUND_CHARS);
    }
    Turn t = new Turn(current, text, ctx, settings);
    if (current.optedOut()) {
      if (OptOutDetector.isOptIn(text)) {
        resubscribe(t);
      } else {
        quiet.apply(t);
      }
    } else if (OptOutDetector.isOptOut(text)) {
      t.state.optedOut(true);
      t.kind(Reply.Kind.OPT_OUT_CONFIRMATION);
      t.say(settings.text("opt_out"));
    } else if (ctx.silenced() || current.bot() == Bot.HUMAN) {
      quiet.apply(t);
    } else if (current.bot() == Bot.CONCIERGE || current.focus() == null) {
      concierge.run(t);
    } else {
      qualifying.run(t, current.focus(), IntentDetector.detect(text, false));
    }
    return t.finish();
  }

  private void resubscribe(Turn t) {
    t.state.optedOut(false);
    t.kind(Reply.Kind.RESUBSCRIBED);
    t.say(settings.text("resubscribed"));
    if (t.ctx.silenced() || t.state.bot() == Bot.HUMAN || t.state.needsHuman()) {
      return;
    }
    Side focus = t.state.focus();
    if (focus == null) {
      t.ask(Slot.INTENT, settings.text("concierge.intent"));
    } else if (!t.state.side(focus).notInterested()) {
      if (t.state.appointmentStatus() == AppointmentStatus.OFFERED) {
        AppointmentDesk.reoffer(t);
      } else {
        qualifying.continueWith(t, focus, null, false, null);
      }
    }
  }
}
