package ai.jorge.conversation;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A mutable copy of a {@link ConversationState} used while one turn is worked out; confined to that
 * turn and never shared. {@link #build()} derives {@code notInterested}.
 */
final class StateBuilder {
  private Bot bot;
  private Side focus;
  private SideState seller;
  private SideState buyer;
  private Side queued;
  private double queuedConfidence;
  private boolean optedOut;
  private String asking;
  private int intentAsks;
  private AppointmentStatus appointmentStatus;
  private List<ZonedDateTime> offeredSlots;
  private int appointmentMisses;
  private Appointment appointment;
  private final List<Handoff> handoffs;
  private boolean needsHuman;

  private StateBuilder(ConversationState s) {
    bot = s.bot();
    focus = s.focus();
    seller = s.seller();
    buyer = s.buyer();
    queued = s.queued();
    queuedConfidence = s.queuedConfidence();
    optedOut = s.optedOut();
    asking = s.asking();
    intentAsks = s.intentAsks();
    appointmentStatus = s.appointmentStatus();
    offeredSlots = s.offeredSlots();
    appointmentMisses = s.appointmentMisses();
    appointment = s.appointment();
    handoffs = new ArrayList<>(s.handoffs());
    needsHuman = s.needsHuman();
  }

  static StateBuilder from(ConversationState s) {
    return new StateBuilder(s);
  }

  ConversationState build() {
    SideState active = focus == null ? null : side(focus);
    boolean notInterested = active != null && active.notInterested() && queued == null;
    return new ConversationState(
        bot,
        focus,
        seller,
        buyer,
        queued,
        queuedConfidence,
        optedOut,
        asking,
        intentAsks,
        appointmentStatus,
        offeredSlots,
        appointmentMisses,
        appointment,
        handoffs,
        notInterested,
        needsHuman);
  }

  Bot bot() {
    return bot;
  }

  StateBuilder bot(Bot value) {
    bot = value;
    return this;
  }

  Side focus() {
    return focus;
  }

  void focus(Side value) {
    focus = value;
  }

  SideState side(Side side) {
    return side == Side.SELLER ? seller : buyer;
  }

  SideState sideOrEmpty(Side side) {
    SideState s = side(side);
    return s == null ? SideState.empty() : s;
  }

  void side(Side side, SideState value) {
    if (side == Side.SELLER) {
      seller = value;
    } else {
      buyer = value;
    }
  }

  Side queued() {
    return queued;
  }

  double queuedConfidence() {
    return queuedConfidence;
  }

  void queue(Side side, double confidence) {
    queued = side;
    queuedConfidence = side == null ? 0 : confidence;
  }

  boolean optedOut() {
    return optedOut;
  }

  void optedOut(boolean value) {
    optedOut = value;
  }

  String asking() {
    return asking;
  }

  void asking(String value) {
    asking = value;
  }

  int intentAsks() {
    return intentAsks;
  }

  void intentAsks(int value) {
    intentAsks = value;
  }

  AppointmentStatus appointmentStatus() {
    return appointmentStatus;
  }

  void appointmentStatus(AppointmentStatus value) {
    appointmentStatus = value;
  }

  List<ZonedDateTime> offeredSlots() {
    return offeredSlots;
  }

  void offeredSlots(List<ZonedDateTime> value) {
    offeredSlots = List.copyOf(value);
  }

  int appointmentMisses() {
    return appointmentMisses;
  }

  void appointmentMisses(int value) {
    appointmentMisses = value;
  }

  Appointment appointment() {
    return appointment;
  }

  void appointment(Appointment value) {
    appointment = value;
  }

  List<Handoff> handoffs() {
    return List.copyOf(handoffs);
  }

  void addHandoff(Handoff h) {
    handoffs.add(h);
  }

  boolean needsHuman() {
    return needsHuman;
  }

  StateBuilder needsHuman(boolean value) {
    needsHuman = value;
    return this;
  }
}
