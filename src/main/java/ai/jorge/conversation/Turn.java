package ai.jorge.conversation;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The working area of one {@link ConversationEngine#handle} call: the state being changed, what the
 * bots have decided to say, and what happened. Confined to that call.
 */
final class Turn {
  final String text;
  final TurnContext ctx;
  final BotSettings settings;
  final StateBuilder state;
  private final ConversationState before;
  private final List<String> statements = new ArrayList<>();
  private String question;
  private Slot questionSlot;
  private Reply.Kind kind = Reply.Kind.BOT;
  private boolean quiet;
  private final List<Handoff> handoffs = new ArrayList<>();
  private List<ZonedDateTime> offered = List.of();
  private Appointment booked;

  Turn(ConversationState before, String text, TurnContext ctx, BotSettings settings) {
    this.before = before;
    this.text = text;
    this.ctx = ctx;
    this.settings = settings;
    this.state = StateBuilder.from(before);
  }

  void say(String statement) {
    statements.add(statement);
  }

  boolean saidAnything() {
    return !statements.isEmpty() || question != null;
  }

  void ask(Slot slot, String text) {
    question = text;
    questionSlot = slot;
  }

  boolean asked() {
    return question != null;
  }

  /** Puts the pending question in a resuming frame, e.g. {@code "First, {question}"}. */
  void resumeLastQuestion(String frame) {
    if (question != null && !question.isEmpty()) {
      String lowered = Character.toLowerCase(question.charAt(0)) + question.substring(1);
      question = frame.replace("{question}", lowered);
    }
  }

  void kind(Reply.Kind value) {
    kind = value;
  }

  /** No replies this turn and the pending question stays as it was. */
  void quiet() {
    quiet = true;
  }

  void handoff(Handoff h) {
    handoffs.add(h);
    state.addHandoff(h);
  }

  void offered(List<ZonedDateTime> slots) {
    offered = List.copyOf(slots);
  }

  void booked(Appointment appointment) {
    booked = appointment;
  }

  TurnResult finish() {
    List<Reply> replies = new ArrayList<>();
    if (!quiet) {
      state.asking(questionSlot == null ? null : questionSlot.wire());
      for (String t : ReplyComposer.compose(statements, question, settings.maxReplyChars())) {
        replies.add(new Reply(t, kind));
      }
    }
    ConversationState after = state.build();
    boolean resubscribed = before.optedOut() && !after.optedOut();
    return new TurnResult(
        after,
        replies,
        after.asking(),
        handoffs,
        after.optedOut(),
        resubscribed,
        before.activeTemperature(),
        after.activeTemperature(),
        turnedHot(before, after),
        offered,
        booked);
  }

  private static boolean turnedHot(ConversationState before, ConversationState after) {
    Map<Side, Temperature> was = new EnumMap<>(Side.class);
    for (Side s : Side.values()) {
      if (before.side(s) != null) {
        was.put(s, before.side(s).temperature());
      }
    }
    for (Side s : Side.values()) {
      SideState now = after.side(s);
      if (now != null && now.temperature() == Temperature.HOT && was.get(s) != Temperature.HOT) {
        return true;
      }
    }
    return false;
  }
}
