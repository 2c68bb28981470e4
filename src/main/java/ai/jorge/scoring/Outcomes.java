package ai.jorge.scoring;

import ai.jorge.InvalidInputException;
import ai.jorge.NotFoundException;
import ai.jorge.config.ConfigLoader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Outcomes of leads ({@code won}, {@code lost}, {@code appointment_kept}, …), the labels the
 * learning loop trains on. A lead counts as converted when any of its outcomes is one of the
 * configured conversion outcomes, at the first such outcome; otherwise as not converted, at its
 * latest outcome. Its training example is its features as of its last message at or before that
 * time, the moment a turn last scored it. Thread-safe; runs on the caller's handle.
 */
final class Outcomes {
  private final Set<String> conversions;

  Outcomes(List<String> conversions) {
    this.conversions = Set.copyOf(conversions);
  }

  boolean converted(String outcome) {
    return conversions.contains(outcome);
  }

  /** Validates and stores one outcome. */
  Map<String, Object> record(
      Handle h, String contactId, String outcome, Instant at, String note, String by, Instant now) {
    List<String> problems = new ArrayList<>();
    if (outcome == null || !ConfigLoader.OUTCOMES.contains(outcome)) {
      problems.add("outcome must be one of " + ConfigLoader.OUTCOMES + ", was " + outcome);
    }
    if (at != null && at.isAfter(now)) {
      problems.add("at must not be in the future");
    }
    if (note != null && note.length() > 500) {
      problems.add("note must be at most 500 characters");
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("invalid outcome", problems);
    }
    boolean known =
        h.createQuery("SELECT COUNT(*) FROM contacts WHERE id = :c")
                .bind("c", contactId)
                .mapTo(Long.class)
                .one()
            > 0;
    if (!known) {
      throw new NotFoundException("contact", contactId);
    }
    Instant when = at == null ? now : at;
    h.createUpdate(
            "INSERT INTO outcomes (contact_id, outcome, at, recorded_at, recorded_by, note) VALUES"
                + " (:c, :o, :at, :now, :by, :n)")
        .bind("c", contactId)
        .bind("o", outcome)
        .bind("at", when)
        .bind("now", now)
        .bind("by", by)
        .bind("n", note)
        .execute();
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("contact_id", contactId);
    v.put("outcome", outcome);
    v.put("converted", converted(outcome));
    v.put("at", when);
    v.put("recorded_by", by);
    return v;
  }

  long recordedSince(Handle h, Instant since) {
    return h.createQuery("SELECT COUNT(*) FROM outcomes WHERE recorded_at > :t")
        .bind("t", since)
        .mapTo(Long.class)
        .one();
  }

  /** Labelled leads with the outcome time their label was taken at. */
  record Label(String contactId, boolean converted, Instant at) {}

  List<Label> labels(Handle h) {
    Map<String, Label> byContact = new LinkedHashMap<>();
    h.createQuery("SELECT contact_id, outcome, at FROM outcomes ORDER BY contact_id, at, id")
        .map(
            (rs, ctx) ->
                new Label(
                    rs.getString("contact_id"),
                    converted(rs.getString("outcome")),
                    rs.getTimestamp("at").toInstant()))
        .forEach(
            l -> byContact.merge(l.contactId(), l, (was, next) -> was.converted() ? was : next));
    return List.copyOf(byContact.values());
  }

  /**
   * The training examples: each labelled lead's features as of its last message at or before its
   * label time. Leads without a message by then are left out.
   */
  List<LabelledLead> labelled(Handle h, Scorer scorer) {
    List<LabelledLead> out = new ArrayList<>();
    for (Label l : labels(h)) {
      Optional<Instant> asOf = scorer.facts().lastInboundAtOrBefore(h, l.contactId(), l.at());
      if (asOf.isEmpty()) {
        continue;
      }
      scorer
          .features(h, l.contactId(), asOf.get())
          .ifPresent(f -> out.add(new LabelledLead(f, l.converted(), asOf.get())));
    }
    return out;
  }
}
