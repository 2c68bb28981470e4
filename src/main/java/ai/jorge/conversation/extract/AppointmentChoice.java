package ai.jorge.conversation.extract;

import java.time.ZonedDateTime;
import java.util.List;

/** How a lead answered an offer of appointment times. */
public sealed interface AppointmentChoice {
  /** The lead picked this start time. */
  record Picked(ZonedDateTime start) implements AppointmentChoice {}

  /** The lead named a day that has open times but no time; these are that day's first times. */
  record OtherDay(List<ZonedDateTime> options) implements AppointmentChoice {
    public OtherDay {
      options = List.copyOf(options);
    }
  }

  /** The lead does not want an appointment now. */
  record Declined() implements AppointmentChoice {}

  /** The message does not answer the offer. */
  record Unclear() implements AppointmentChoice {}
}
