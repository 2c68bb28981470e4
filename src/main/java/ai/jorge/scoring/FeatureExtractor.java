package ai.jorge.scoring;

import ai.jorge.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes {@link LeadFeatures} from {@link LeadFacts} as of a scoring time. Only facts recorded at
 * or before that time are read, so a score never depends on what happened afterwards. Answer values
 * outside the documented vocabulary count as not answered, except an unrecognised motivation, which
 * becomes {@code other}. Stateless and thread-safe.
 */
public final class FeatureExtractor {
  private static final Set<String> BUYER_CRITERIA =
      Set.of("beds", "baths", "sqft_min", "price_min", "price_max", "area");

  /**
   * Extracts the features of a lead as of {@code asOf}.
   *
   * @throws InvalidInputException when {@code asOf} is before the lead's first contact
   */
  public LeadFeatures extract(LeadFacts facts, Instant asOf) {
    if (asOf.isBefore(facts.firstContactAt())) {
      throw new InvalidInputException(
          "scoring time is before the first contact",
          List.of("as_of " + asOf + " < first_contact_at " + facts.firstContactAt()));
    }
    Map<String, Object> answers = answersAsOf(facts, asOf);
    String motivation = motivation(answers.get("motivation"));
    String urgency = category(answers.get("urgency"), FeatureSchema.URGENCIES);
    Boolean acceptsFastSale = bool(answers.get("accepts_fast_sale"));
    Long timeline = whole(answers.get("timeline_days"));
    String condition = category(answers.get("condition"), FeatureSchema.CONDITIONS);
    String financing = category(answers.get("financing"), FeatureSchema.FINANCING);
    Long price = price(facts.side(), answers);

    List<LeadFacts.TimedMessage> messages = new ArrayList<>();
    for (LeadFacts.TimedMessage m : facts.messages()) {
      if (!m.at().isAfter(asOf)) {
        messages.add(m);
      }
    }
    messages.sort(Comparator.comparing(LeadFacts.TimedMessage::at));
    MessageStats stats = MessageStats.of(messages);

    int handoffs = (int) facts.handoffs().stream().filter(h -> !h.isAfter(asOf)).count();
    boolean optedOut = facts.optedOutAt() != null && !facts.optedOutAt().isAfter(asOf);
    ZonedDateTime firstLocal = facts.firstContactAt().atZone(facts.zone());
    double hours = Duration.between(facts.firstContactAt(), asOf).toMillis() / 3_600_000.0;

    return new LeadFeatures(
        facts.channel(),
        facts.side(),
        motivation,
        urgency,
        acceptsFastSale,
        timeline == null ? null : Math.toIntExact(Math.min(timeline, 3650)),
        condition,
        price,
        financing,
        decimal(answers.get("beds")),
        decimal(answers.get("baths")),
        answersCompleted(facts.side(), answers, motivation, condition),
        stats.inbound(),
        stats.outbound(),
        stats.meanReplyLatencySeconds(),
        stats.meanInboundLength(),
        stats.questions(),
        hours,
        firstLocal.getHour(),
        firstLocal.getDayOfWeek().getValue(),
        optedOut,
        handoffs);
  }

  private static Map<String, Object> answersAsOf(LeadFacts facts, Instant asOf) {
    List<LeadFacts.TimedAnswer> sorted = new ArrayList<>(facts.answers());
    sorted.sort(Comparator.comparing(LeadFacts.TimedAnswer::at));
    Map<String, Object> latest = new HashMap<>();
    for (LeadFacts.TimedAnswer a : sorted) {
      if (!a.at().isAfter(asOf)) {
        if (a.value() == null) {
          latest.remove(a.key());
        } else {
          latest.put(a.key(), a.value());
        }
      }
    }
    return latest;
  }

  private static int answersCompleted(
      String side, Map<String, Object> answers, String motivation, String condition) {
    boolean knownMotivation = motivation != null && !motivation.equals("unknown");
    boolean timeline =
        whole(answers.get("timeline_days")) != null
            || bool(answers.get("accepts_fast_sale")) != null;
    int seller =
        (knownMotivation ? 1 : 0)
            + (timeline ? 1 : 0)
            + (condition != null && !condition.equals("unknown") ? 1 : 0)
            + (whole(answers.get("price")) != null ? 1 : 0);
    boolean criteria = BUYER_CRITERIA.stream().anyMatch(k -> answers.get(k) != null);
    int buyer =
        (criteria ? 1 : 0)
            + (category(answers.get("financing"), FeatureSchema.FINANCING) != null ? 1 : 0)
            + (whole(answers.get("timeline_days")) != null ? 1 : 0)
            + (knownMotivation ? 1 : 0);
    return switch (side) {
      case "seller" -> seller;
      case "buyer" -> buyer;
      default -> Math.max(seller, buyer);
    };
  }

  /** A seller's asking price; a buyer's budget (midpoint of min and max, or whichever is known). */
  private static Long price(String side, Map<String, Object> answers) {
    Long price = whole(answers.get("price"));
    if (side.equals("seller") || price != null) {
      return price == null ? null : Math.max(0, price);
    }
    Long min = whole(answers.get("price_min"));
    Long max = whole(answers.get("price_max"));
    if (min != null && max != null) {
      return Math.max(0, (min + max) / 2);
    }
    Long either = max != null ? max : min;
    return either == null ? null : Math.max(0, either);
  }

  private static String motivation(Object value) {
    if (!(value instanceof String s) || s.isBlank()) {
      return null;
    }
    return FeatureSchema.MOTIVATIONS.contains(s) ? s : "other";
  }

  private static String category(Object value, List<String> vocabulary) {
    return value instanceof String s && vocabulary.contains(s) ? s : null;
  }

  private static Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    return value instanceof String s ? FeatureValues.parseBoolean(s) : null;
  }

  private static Long whole(Object value) {
    Double d = decimal(value);
    return d == null ? null : Math.round(d);
  }

  private static Double decimal(Object value) {
    double d;
    if (value instanceof Number n) {
      d = n.doubleValue();
    } else if (value instanceof String s) {
      try {
        d = Double.parseDouble(s.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    } else {
      return null;
    }
    return Double.isFinite(d) && d >= 0 ? d : null;
  }
}
