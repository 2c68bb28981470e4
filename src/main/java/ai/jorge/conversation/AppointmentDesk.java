package ai.jorge.conversation;

import ai.jorge.conversation.extract.AppointmentChoice;
import ai.jorge.conversation.extract.AppointmentChoiceParser;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Offers a HOT lead two concrete times in prose ("Tuesday at 10:00 AM or Wednesday at 2:30 PM") and
 * reads the answer: a pick books the slot, a refusal is recorded, an unclear answer gets the offer
 * once more and then the agent is left to call. With no open times the agent will reach out.
 */
final class AppointmentDesk {
  private static final DateTimeFormatter OFFER =
      DateTimeFormatter.ofPattern("EEEE 'at' h:mm a", Locale.US);
  private static final DateTimeFormatter BOOKED =
      DateTimeFormatter.ofPattern("EEEE, MMMM d 'at' h:mm a", Locale.US);

  private AppointmentDesk() {}

  static void offer(Turn t) {
    List<ZonedDateTime> picks = choose(t.ctx.openSlots(), t.ctx);
    t.state.appointmentMisses(0);
    if (picks.isEmpty()) {
      t.state.appointmentStatus(AppointmentStatus.AGENT_WILL_CALL);
      t.say(t.settings.text("appointment.none"));
      return;
    }
    present(t, picks, "appointment.offer");
  }

  static void answer(Turn t, boolean metaQuestion) {
    List<ZonedDateTime> offered = t.state.offeredSlots();
    AppointmentChoice choice =
        AppointmentChoiceParser.parse(t.text, offered, t.ctx.openSlots(), t.ctx.localNow());
    switch (choice) {
      case AppointmentChoice.Picked p when isOpen(p.start(), t) -> book(t, p.start());
      case AppointmentChoice.Picked p -> offer(t);
      case AppointmentChoice.OtherDay d -> present(t, d.options(), "appointment.offer");
      case AppointmentChoice.Declined d ->
          settle(t, AppointmentStatus.DECLINED, "appointment.declined");
      case AppointmentChoice.Unclear u -> unclear(t, offered, metaQuestion);
    }
  }

  static void reoffer(Turn t) {
    List<ZonedDateTime> still = choose(t.state.offeredSlots(), t.ctx);
    if (still.isEmpty()) {
      offer(t);
    } else {
      present(t, still, "appointment.retry");
    }
  }

  private static void unclear(Turn t, List<ZonedDateTime> offered, boolean metaQuestion) {
    int misses = metaQuestion ? t.state.appointmentMisses() : t.state.appointmentMisses() + 1;
    if (misses >= 2) {
      settle(t, AppointmentStatus.AGENT_WILL_CALL, "appointment.gave_up");
      return;
    }
    t.state.appointmentMisses(misses);
    reoffer(t);
  }

  private static void book(Turn t, ZonedDateTime start) {
    ZonedDateTime local = start.withZoneSameInstant(t.ctx.zone());
    Appointment appointment = new Appointment(local, t.ctx.now());
    t.state.appointment(appointment);
    t.state.appointmentStatus(AppointmentStatus.BOOKED);
    t.state.offeredSlots(List.of());
    t.booked(appointment);
    t.say(t.settings.text("appointment.booked", Map.of("time", BOOKED.format(local))));
  }

  private static void settle(Turn t, AppointmentStatus status, String textKey) {
    t.state.appointmentStatus(status);
    t.state.offeredSlots(List.of());
    t.say(t.settings.text(textKey));
  }

  private static void present(Turn t, List<ZonedDateTime> picks, String key) {
    t.state.appointmentStatus(AppointmentStatus.OFFERED);
    t.state.offeredSlots(picks);
    t.offered(picks);
    String first = OFFER.format(picks.get(0));
    String text =
        picks.size() > 1
            ? t.settings.text(key, Map.of("first", first, "second", OFFER.format(picks.get(1))))
            : t.settings.text(key + ".one", Map.of("first", first));
    t.ask(Slot.APPOINTMENT, text);
  }

  private static boolean isOpen(ZonedDateTime start, Turn t) {
    Instant at = start.toInstant();
    return at.isAfter(t.ctx.now())
        && (t.ctx.openSlots().isEmpty()
            || t.ctx.openSlots().stream().anyMatch(s -> s.toInstant().equals(at)));
  }

  /**
   * The earliest future time and the earliest on another day (else the next one), in the team's
   * zone.
   */
  static List<ZonedDateTime> choose(List<ZonedDateTime> slots, TurnContext ctx) {
    List<ZonedDateTime> future =
        slots.stream()
            .filter(s -> s.toInstant().isAfter(ctx.now()))
            .map(s -> s.withZoneSameInstant(ctx.zone()))
            .sorted(Comparator.comparing(ZonedDateTime::toInstant))
            .distinct()
            .toList();
    List<ZonedDateTime> picks = new ArrayList<>();
    if (future.isEmpty()) {
      return picks;
    }
    ZonedDateTime first = future.get(0);
    picks.add(first);
    future.stream()
        .filter(s -> !s.toLocalDate().equals(first.toLocalDate()))
        .findFirst()
        .or(() -> future.stream().skip(1).findFirst())
        .ifPresent(picks::add);
    return picks;
  }
}
