package ai.jorge.crm;

import java.time.Instant;

/**
 * One queued call to the outside world about a contact: an agent alert, a CRM contact sync or a
 * booking to create on the CRM calendar.
 */
public record CrmTask(
    long id,
    String contactId,
    String kind,
    String payload,
    String status,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant createdAt,
    Instant doneAt) {
  /** An alert to the agent that a lead turned HOT (never sent to the lead). */
  public static final String AGENT_ALERT = "agent_alert";

  /** The contact's temperature tag and answers written to the CRM contact. */
  public static final String CONTACT_SYNC = "contact_sync";

  /** A call Jorge booked, created on the GoHighLevel calendar. */
  public static final String APPOINTMENT_BOOKING = "appointment_booking";
}
