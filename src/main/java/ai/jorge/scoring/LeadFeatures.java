package ai.jorge.scoring;

import ai.jorge.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's view of one lead as of a scoring time: channel, side, each extracted answer, and the
 * conversation behaviour. A {@code null} answer means "not answered yet". Names in {@link #names()}
 * are the keys of {@link #toMap()} and {@link #fromMap(Map)}, the columns of training CSV files and
 * the {@code feature} of each {@link Factor}. Holds no name, address, zip code or protected
 * characteristic. Immutable.
 */
public record LeadFeatures(
    String channel,
    String side,
    String motivation,
    String urgency,
    Boolean acceptsFastSale,
    Integer timelineDays,
    String condition,
    Long price,
    String financing,
    Double beds,
    Double baths,
    int answersCompleted,
    int inboundMessages,
    int outboundMessages,
    Double meanReplyLatencySeconds,
    Double meanMessageLength,
    int questionsAsked,
    double hoursSinceFirstContact,
    int localHour,
    int localWeekday,
    boolean optedOut,
    int handoffs) {

  public LeadFeatures {
    List<String> problems = new ArrayList<>();
    category(problems, "channel", channel, FeatureSchema.CHANNELS, false);
    category(problems, "side", side, FeatureSchema.SIDES, false);
    category(problems, "motivation", motivation, FeatureSchema.MOTIVATIONS, true);
    category(problems, "urgency", urgency, FeatureSchema.URGENCIES, true);
    category(problems, "condition", condition, FeatureSchema.CONDITIONS, true);
    category(problems, "financing", financing, FeatureSchema.FINANCING, true);
    atLeastZero(problems, "timeline_days", timelineDays);
    atLeastZero(problems, "price", price);
    atLeastZero(problems, "beds", beds);
    atLeastZero(problems, "baths", baths);
    atLeastZero(problems, "answers_completed", answersCompleted);
    atLeastZero(problems, "inbound_messages", inboundMessages);
    atLeastZero(problems, "outbound_messages", outboundMessages);
    atLeastZero(problems, "mean_reply_latency_seconds", meanReplyLatencySeconds);
    atLeastZero(problems, "mean_message_length", meanMessageLength);
    atLeastZero(problems, "questions_asked", questionsAsked);
    atLeastZero(problems, "hours_since_first_contact", hoursSinceFirstContact);
    atLeastZero(problems, "handoffs", handoffs);
    if (localHour < 0 || localHour > 23) {
      problems.add("feature 'local_hour' must be 0 to 23, was " + localHour);
    }
    if (localWeekday < 1 || localWeekday > 7) {
      problems.add("feature 'local_weekday' must be 1 (Monday) to 7 (Sunday), was " + localWeekday);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("invalid features", problems);
    }
  }

  /** The feature names in canonical order. */
  public static List<String> names() {
    return FeatureSchema.NAMES;
  }

  /**
   * Builds features from named values, e.g. the {@code features} object of a score request. Every
   * name in {@link #names()} must be present (with {@code null} for an unanswered question) and no
   * other name may appear.
   *
   * @throws InvalidInputException whose details name every unknown, missing or invalid feature
   */
  public static LeadFeatures fromMap(Map<String, ?> values) {
    List<String> problems = new ArrayList<>();
    values.keySet().stream()
        .filter(key -> !FeatureSchema.BY_NAME.containsKey(key))
        .sorted()
        .forEach(key -> problems.add("unknown feature '" + key + "'"));
    for (String name : FeatureSchema.NAMES) {
      if (!values.containsKey(name)) {
        problems.add("missing feature '" + name + "'");
      }
    }
    Object[] typed = new Object[FeatureSchema.size()];
    for (int i = 0; i < typed.length; i++) {
      FeatureSchema.Spec spec = FeatureSchema.SPECS.get(i);
      if (values.containsKey(spec.name())) {
        typed[i] = FeatureValues.coerce(spec, values.get(spec.name()), problems);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("unknown, missing or invalid features", problems);
    }
    return fromValues(typed);
  }

  /** The features as an ordered map from {@link #names()} to values; unanswered values are null. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < FeatureSchema.size(); i++) {
      map.put(FeatureSchema.NAMES.get(i), value(i));
    }
    return Collections.unmodifiableMap(map);
  }

  Object value(int index) {
    return switch (index) {
      case FeatureSchema.CHANNEL -> channel;
      case FeatureSchema.SIDE -> side;
      case FeatureSchema.MOTIVATION -> motivation;
      case FeatureSchema.URGENCY -> urgency;
      case FeatureSchema.ACCEPTS_FAST_SALE -> acceptsFastSale;
      case FeatureSchema.TIMELINE_DAYS -> timelineDays;
      case FeatureSchema.CONDITION -> condition;
      case FeatureSchema.PRICE -> price;
      case FeatureSchema.FINANCING_TYPE -> financing;
      case FeatureSchema.BEDS -> beds;
      case FeatureSchema.BATHS -> baths;
      case FeatureSchema.ANSWERS_COMPLETED -> answersCompleted;
      case FeatureSchema.INBOUND_MESSAGES -> inboundMessages;
      case FeatureSchema.OUTBOUND_MESSAGES -> outboundMessages;
      case FeatureSchema.MEAN_REPLY_LATENCY -> meanReplyLatencySeconds;
      case FeatureSchema.MEAN_MESSAGE_LENGTH -> meanMessageLength;
      case FeatureSchema.QUESTIONS_ASKED -> questionsAsked;
      case FeatureSchema.HOURS_SINCE_FIRST_CONTACT -> hoursSinceFirstContact;
      case FeatureSchema.LOCAL_HOUR -> localHour;
      case FeatureSchema.LOCAL_WEEKDAY -> localWeekday;
      case FeatureSchema.OPTED_OUT -> optedOut;
      case FeatureSchema.HANDOFFS -> handoffs;
      default -> throw new IndexOutOfBoundsException(index);
    };
  }

  static LeadFeatures fromValues(Object[] v) {
    return new LeadFeatures(
        (String) v[FeatureSchema.CHANNEL],
        (String) v[FeatureSchema.SIDE],
        (String) v[FeatureSchema.MOTIVATION],
        (String) v[FeatureSchema.URGENCY],
        (Boolean) v[FeatureSchema.ACCEPTS_FAST_SALE],
        (Integer) v[FeatureSchema.TIMELINE_DAYS],
        (String) v[FeatureSchema.CONDITION],
        (Long) v[FeatureSchema.PRICE],
        (String) v[FeatureSchema.FINANCING_TYPE],
        (Double) v[FeatureSchema.BEDS],
        (Double) v[FeatureSchema.BATHS],
        (Integer) v[FeatureSchema.ANSWERS_COMPLETED],
        (Integer) v[FeatureSchema.INBOUND_MESSAGES],
        (Integer) v[FeatureSchema.OUTBOUND_MESSAGES],
        (Double) v[FeatureSchema.MEAN_REPLY_LATENCY],
        (Double) v[FeatureSchema.MEAN_MESSAGE_LENGTH],
        (Integer) v[FeatureSchema.QUESTIONS_ASKED],
        (Double) v[FeatureSchema.HOURS_SINCE_FIRST_CONTACT],
        (Integer) v[FeatureSchema.LOCAL_HOUR],
        (Integer) v[FeatureSchema.LOCAL_WEEKDAY],
        (Boolean) v[FeatureSchema.OPTED_OUT],
        (Integer) v[FeatureSchema.HANDOFFS]);
  }

  private static void category(
      List<String> problems, String name, String value, List<String> vocabulary, boolean nullable) {
    if (value == null) {
      if (!nullable) {
        problems.add("feature '" + name + "' must not be null");
      }
    } else if (!vocabulary.contains(value)) {
      problems.add("feature '" + name + "' must be one of " + vocabulary + ", was '" + value + "'");
    }
  }

  private static void atLeastZero(List<String> problems, String name, Number value) {
    if (value == null) {
      return;
    }
    double d = value.doubleValue();
    if (!(d >= 0) || Double.isInfinite(d)) {
      problems.add("feature '" + name + "' must be a finite number >= 0, was " + value);
    }
  }
}
