package ai.jorge.contacts;

import ai.jorge.NotFoundException;
import ai.jorge.events.EventLog;
import ai.jorge.guard.DangerousOperations;
import ai.jorge.store.Contacts;
import ai.jorge.store.Conversations;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Deletes one contact and every row keyed to it in one transaction, after layer 4 allowed it.
 * Events that mention the contact are redacted in the same transaction (their data becomes {@code
 * {"contact_id": id, "redacted": true}}), and a {@code contact.deleted} event without personal data
 * records the deletion. Stateless, thread-safe.
 */
public final class ContactDeletion {
  /** Child tables first: outbox and followups point at messages, everything at contacts. */
  static final List<String> DELETES =
      List.of(
          "DELETE FROM outbox WHERE contact_id = :c",
          "DELETE FROM followups WHERE contact_id = :c",
          "DELETE FROM crm_tasks WHERE contact_id = :c",
          "DELETE FROM answer_history WHERE contact_id = :c",
          "DELETE FROM opt_out_history WHERE contact_id = :c",
          "DELETE FROM scores WHERE contact_id = :c",
          "DELETE FROM outcomes WHERE contact_id = :c",
          "DELETE FROM handoffs WHERE contact_id = :c",
          "DELETE FROM appointments WHERE contact_id = :c",
          "DELETE FROM messages WHERE contact_id = :c",
          "DELETE FROM conversations WHERE contact_id = :c",
          "DELETE FROM contacts WHERE id = :c");

  private final Jdbi jdbi;
  private final DangerousOperations operations;
  private final EventLog events;
  private final ObjectMapper json;
  private final Contacts contacts = new Contacts();
  private final Conversations conversations = new Conversations();

  public ContactDeletion(Jdbi jdbi, DangerousOperations operations, EventLog events, ObjectMapper json) {
    this.jdbi = jdbi;
    this.operations = operations;
    this.events = events;
    this.json = json;
  }

  /**
   * Deletes {@code contactId} for a caller ({@code subject}, {@code role}) who gave {@code reason};
   * returns how many rows went. Throws {@link ai.jorge.guard.OperationRefusedException} when the
   * guard refuses (nothing is read or deleted) and {@link NotFoundException} for an unknown id.
   */
  public Map<String, Object> delete(String contactId, String subject, String role, String reason) {
    operations.authorize(DangerousOperations.DELETE_CONTACTS, role, reason, 1);
    String redacted = redacted(contactId);
    var result =
        jdbi.inTransaction(
            h -> {
              contacts.find(h, contactId).orElseThrow(() -> new NotFoundException("contact", contactId));
              conversations.lock(h, contactId);
              int rows = 0;
              for (String sql : DELETES) {
                rows += h.createUpdate(sql).bind("c", contactId).execute();
              }
              int redactedEvents = redactEvents(h, contactId, redacted);
              Map<String, Object> data = new LinkedHashMap<>();
              data.put("contact_id", contactId);
              data.put("deleted_by", subject);
              data.put("rows", rows);
              data.put("events_redacted", redactedEvents);
              return Map.entry(data, events.append(h, "leads", "contact.deleted", data));
            });
    events.publish(List.of(result.getValue()));
    return result.getKey();
  }

  private static int redactEvents(Handle h, String contactId, String redacted) {
    return h.createUpdate("UPDATE events SET data = :r WHERE POSITION(:needle IN data) > 0")
        .bind("r", redacted)
        .bind("needle", '"' + contactId + '"')
        .execute();
  }

  private String redacted(String contactId) {
    try {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("contact_id", contactId);
      d.put("redacted", true);
      return json.writeValueAsString(d);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
