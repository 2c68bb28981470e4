package ai.jorge.conversation;

/**
 * Where a contact stands on the appointment offer: never offered, offered and awaiting an answer,
 * booked, declined by the lead, or left to the agent because no times were open or the lead's
 * answers could not be matched.
 */
public enum AppointmentStatus {
  NONE,
  OFFERED,
  BOOKED,
  DECLINED,
  AGENT_WILL_CALL;

  boolean settled() {
    return this == BOOKED || this == DECLINED || this == AGENT_WILL_CALL;
  }
}
