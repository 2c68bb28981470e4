package ai.jorge.conversation;

import ai.jorge.events.EventDrafts;
import ai.jorge.crm.AgentAlert;
import ai.jorge.crm.AppointmentBooking;
import ai.jorge.crm.ContactSync;
import ai.jorge.crm.CrmTask;
import ai.jorge.crm.CrmTasks;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Queues the CRM side effects of a turn in the turn's transaction: the agent alert when a lead
 * turns HOT (when a notifier is configured) and, for GoHighLevel contacts when the CRM is
 * configured, a sync of the temperature tag and answers whenever they changed and, when a GHL
 * calendar is configured, each appointment booked this turn, to be created on that calendar. Web
 * chat and API leads get no GHL booking: GHL appointments need a GHL contact and Jorge does not
 * create contacts in the CRM; their bookings stay in Jorge and still block the time (see {@code
 * GhlCalendar}). The calls themselves run later from the task queue. Stateless and thread-safe.
 */
public final class CrmHooks implements TurnListener {
  private final CrmTasks tasks = new CrmTasks();
  private final ObjectMapper json;
  private final boolean alerts;
  private final boolean sync;
  private final boolean bookings;

  public CrmHooks(ObjectMapper json, boolean alerts, boolean sync, boolean bookings) {
    this.json = json;
    this.alerts = alerts;
    this.sync = sync;
    this.bookings = bookings;
  }

  @Override
  public void afterTurns(Handle h, TurnBatch batch, EventDrafts events) {
    String cid = batch.contact().id();
    if (alerts && batch.turnedHot()) {
      tasks.enqueue(h, cid, CrmTask.AGENT_ALERT, write(alert(batch)), batch.now());
    }
    if (sync && "ghl".equals(batch.contact().source()) && changed(batch)) {
      Temperature t = batch.temperature();
      var payload =
          new ContactSync(batch.contact().externalId(), t == null ? null : t.name(), fields(batch.state()));
      tasks.enqueueLatest(h, cid, CrmTask.CONTACT_SYNC, write(payload), batch.now());
    }
    if (bookings && "ghl".equals(batch.contact().source())) {
      for (TurnResult r : batch.results()) {
        if (r.booked() != null) {
          tasks.enqueue(h, cid, CrmTask.APPOINTMENT_BOOKING, write(booking(h, batch, r.booked())), batch.now());
        }
      }
    }
  }

  private static AppointmentBooking booking(Handle h, TurnBatch b, Appointment booked) {
    long id =
        h.createQuery(
                "SELECT id FROM appointments WHERE contact_id = :c AND starts_at = :s AND status ="
                    + " 'booked' ORDER BY id DESC LIMIT 1")
            .bind("c", b.contact().id())
            .bind("s", booked.start().toInstant())
            .mapTo(Long.class)
            .one();
    return AppointmentBooking.of(
        id, b.contact().externalId(), b.contact().locationId(), booked.start().toOffsetDateTime(),
        b.contact().name());
  }

  private static boolean changed(TurnBatch b) {
    ConversationState before = b.before();
    ConversationState after = b.state();
    return before.activeTemperature() != after.activeTemperature()
        || !fields(before).equals(fields(after));
  }

  static Map<String, Object> fields(ConversationState s) {
    Map<String, Object> f = new LinkedHashMap<>();
    for (Side side : Side.values()) {
      SideState st = s.side(side);
      if (st != null) {
        st.answers().forEach((k, v) -> f.put("jorge_" + side.wireName() + "_" + k, v));
      }
    }
    return f;
  }

  private static AgentAlert alert(TurnBatch b) {
    ConversationState s = b.state();
    Side side = hotSide(s);
    SideState st = side == null ? null : s.side(side);
    Map<String, Object> appointment = Qualification.of(s).get("appointment") instanceof Map<?, ?> m
        ? new LinkedHashMap<>(castMap(m)) : null;
    List<String> offered = s.offeredSlots().stream().map(ZonedDateTime::toOffsetDateTime).map(Object::toString).toList();
    return new AgentAlert(
        b.contact().id(),
        b.contact().name(),
        b.contact().phone(),
        b.contact().email(),
        b.contact().channel(),
        side == null ? null : side.wireName(),
        st == null ? null : st.temperature().name(),
        st == null ? Map.of() : st.answers(),
        st == null ? List.of() : st.reasons(),
        side == null ? null : Handoffs.summary(side, st),
        appointment,
        offered,
        b.now().toString());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  private static Side hotSide(ConversationState s) {
    if (s.focus() != null && s.side(s.focus()) != null && s.side(s.focus()).temperature() == Temperature.HOT) {
      return s.focus();
    }
    for (Side side : Side.values()) {
      if (s.side(side) != null && s.side(side).temperature() == Temperature.HOT) {
        return side;
      }
    }
    return s.focus();
  }

  private String write(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode CRM task", e);
    }
  }
}
