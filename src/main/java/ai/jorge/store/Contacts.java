package ai.jorge.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Contact rows; every method runs on the caller's handle so it joins the caller's transaction. */
public final class Contacts {
  private static final String COLUMNS =
      "id, source, external_id, channel, name, phone, email, location_id, time_zone, created_at";

  public Optional<ContactRow> find(Handle h, String id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM contacts WHERE id = :id")
        .bind("id", id)
        .mapTo(ContactRow.class)
        .findOne();
  }

  public Optional<ContactRow> findByExternal(Handle h, String source, String externalId) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM contacts WHERE source = :source AND external_id = :ext")
        .bind("source", source)
        .bind("ext", externalId)
        .mapTo(ContactRow.class)
        .findOne();
  }

  /** The contacts of one source among {@code externalIds}, in no particular order. */
  public List<ContactRow> findByExternals(Handle h, String source, Collection<String> externalIds) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM contacts WHERE source = :source AND external_id IN (<ext>)")
        .bind("source", source)
        .bindList("ext", List.copyOf(externalIds))
        .mapTo(ContactRow.class)
        .list();
  }

  public void insert(Handle h, ContactRow c) {
    h.createUpdate(
            "INSERT INTO contacts (" + COLUMNS + ") VALUES (:id, :source, :externalId, :channel,"
                + " :name, :phone, :email, :locationId, :timeZone, :createdAt)")
        .bindMethods(c)
        .execute();
  }

  /** Fills in name, phone and email that were unknown before; never overwrites a known value. */
  public void enrich(Handle h, String id, String name, String phone, String email, String channel) {
    h.createUpdate(
            "UPDATE contacts SET name = COALESCE(name, :name), phone = COALESCE(phone, :phone),"
                + " email = COALESCE(email, :email), channel = :channel WHERE id = :id")
        .bind("id", id)
        .bind("name", name)
        .bind("phone", phone)
        .bind("email", email)
        .bind("channel", channel)
        .execute();
  }
}
