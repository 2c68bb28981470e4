package ai.jorge.scoring;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The names, kinds and vocabularies of the features in {@link LeadFeatures}, in their canonical
 * order. Immutable and thread-safe.
 */
final class FeatureSchema {
  enum Kind {
    CATEGORY,
    INTEGER,
    LONG,
    DECIMAL,
    BOOLEAN
  }

  record Spec(String name, Kind kind, boolean nullable, List<String> vocabulary) {
    static Spec category(String name, boolean nullable, List<String> vocabulary) {
      return new Spec(name, Kind.CATEGORY, nullable, vocabulary);
    }

    static Spec of(String name, Kind kind, boolean nullable) {
      return new Spec(name, kind, nullable, List.of());
    }
  }

  static final List<String> CHANNELS = List.of("sms", "web_chat", "live_chat", "api");
  static final List<String> SIDES = List.of("seller", "buyer", "unknown");
  static final List<String> MOTIVATIONS =
      List.of(
          "relocation",
          "divorce",
          "foreclosure",
          "financial",
          "inheritance",
          "downsizing",
          "upsizing",
          "retirement",
          "medical",
          "landlord_exit",
          "other",
          "unknown");
  static final List<String> URGENCIES = List.of("high", "medium", "low");
  static final List<String> CONDITIONS =
      List.of("move_in_ready", "minor_repairs", "major_repairs", "unknown");
  static final List<String> FINANCING = List.of("preapproved", "cash", "not_yet");

  static final int CHANNEL = 0;
  static final int SIDE = 1;
  static final int MOTIVATION = 2;
  static final int URGENCY = 3;
  static final int ACCEPTS_FAST_SALE = 4;
  static final int TIMELINE_DAYS = 5;
  static final int CONDITION = 6;
  static final int PRICE = 7;
  static final int FINANCING_TYPE = 8;
  static final int BEDS = 9;
  static final int BATHS = 10;
  static final int ANSWERS_COMPLETED = 11;
  static final int INBOUND_MESSAGES = 12;
  static final int OUTBOUND_MESSAGES = 13;
  static final int MEAN_REPLY_LATENCY = 14;
  static final int MEAN_MESSAGE_LENGTH = 15;
  static final int QUESTIONS_ASKED = 16;
  static final int HOURS_SINCE_FIRST_CONTACT = 17;
  static final int LOCAL_HOUR = 18;
  static final int LOCAL_WEEKDAY = 19;
  static final int OPTED_OUT = 20;
  static final int HANDOFFS = 21;

  static final List<Spec> SPECS =
      List.of(
          Spec.category("channel", false, CHANNELS),
          Spec.category("side", false, SIDES),
          Spec.category("motivation", true, MOTIVATIONS),
          Spec.category("urgency", true, URGENCIES),
          Spec.of("accepts_fast_sale", Kind.BOOLEAN, true),
          Spec.of("timeline_days", Kind.INTEGER, true),
          Spec.category("condition", true, CONDITIONS),
          Spec.of("price", Kind.LONG, true),
          Spec.category("financing", true, FINANCING),
          Spec.of("beds", Kind.DECIMAL, true),
          Spec.of("baths", Kind.DECIMAL, true),
          Spec.of("answers_completed", Kind.INTEGER, false),
          Spec.of("inbound_messages", Kind.INTEGER, false),
          Spec.of("outbound_messages", Kind.INTEGER, false),
          Spec.of("mean_reply_latency_seconds", Kind.DECIMAL, true),
          Spec.of("mean_message_length", Kind.DECIMAL, true),
          Spec.of("questions_asked", Kind.INTEGER, false),
          Spec.of("hours_since_first_contact", Kind.DECIMAL, false),
          Spec.of("local_hour", Kind.INTEGER, false),
          Spec.of("local_weekday", Kind.INTEGER, false),
          Spec.of("opted_out", Kind.BOOLEAN, false),
          Spec.of("handoffs", Kind.INTEGER, false));

  static final List<String> NAMES = SPECS.stream().map(Spec::name).toList();

  static final Map<String, Spec> BY_NAME =
      SPECS.stream().collect(Collectors.toUnmodifiableMap(Spec::name, Function.identity()));

  static int size() {
    return SPECS.size();
  }

  private FeatureSchema() {}
}
