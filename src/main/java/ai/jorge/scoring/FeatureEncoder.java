package ai.jorge.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Turns {@link LeadFeatures} into the numeric columns the model sees: one-hot categories with a
 * {@code :missing} column, standardised numerics (log-scaled where skewed) with a {@code :missing}
 * indicator, and the hour of day on a circle. Every column belongs to exactly one feature, which is
 * what makes per-feature contributions exact. The standardisation is fitted on training rows only.
 * Immutable and thread-safe.
 */
final class FeatureEncoder {
  record Column(
      String name, int feature, ToDoubleFunction<LeadFeatures> raw, boolean standardise) {}

  static final List<Column> COLUMNS = columns();

  private static final int[] FEATURE_OF = COLUMNS.stream().mapToInt(Column::feature).toArray();

  private final double[] mean;
  private final double[] scale;

  private FeatureEncoder(double[] mean, double[] scale) {
    if (mean.length != COLUMNS.size() || scale.length != COLUMNS.size()) {
      throw new IllegalArgumentException(
          "expected " + COLUMNS.size() + " columns, got " + mean.length + " and " + scale.length);
    }
    this.mean = mean.clone();
    this.scale = scale.clone();
  }

  /** Fits means and standard deviations of the standardised columns on {@code rows}. */
  static FeatureEncoder fit(List<LeadFeatures> rows) {
    int width = COLUMNS.size();
    double[] mean = new double[width];
    double[] scale = new double[width];
    for (int j = 0; j < width; j++) {
      scale[j] = 1;
      Column column = COLUMNS.get(j);
      if (!column.standardise()) {
        continue;
      }
      double sum = 0;
      double sumSquares = 0;
      int count = 0;
      for (LeadFeatures row : rows) {
        double v = column.raw().applyAsDouble(row);
        if (!Double.isNaN(v)) {
          sum += v;
          sumSquares += v * v;
          count++;
        }
      }
      if (count > 0) {
        mean[j] = sum / count;
        double variance = Math.max(0, sumSquares / count - mean[j] * mean[j]);
        scale[j] = variance > 1e-12 ? Math.sqrt(variance) : 1;
      }
    }
    return new FeatureEncoder(mean, scale);
  }

  static FeatureEncoder of(double[] mean, double[] scale) {
    return new FeatureEncoder(mean, scale);
  }

  static List<String> names() {
    return COLUMNS.stream().map(Column::name).toList();
  }

  static int width() {
    return COLUMNS.size();
  }

  static int featureOf(int column) {
    return FEATURE_OF[column];
  }

  double[] mean() {
    return mean.clone();
  }

  double[] scale() {
    return scale.clone();
  }

  /** Encodes into {@code out}, which has {@link #width()} slots. */
  void encode(LeadFeatures f, double[] out) {
    for (int j = 0; j < out.length; j++) {
      double v = COLUMNS.get(j).raw().applyAsDouble(f);
      out[j] = Double.isNaN(v) ? 0 : (v - mean[j]) / scale[j];
    }
  }

  double[] encode(LeadFeatures f) {
    double[] out = new double[COLUMNS.size()];
    encode(f, out);
    return out;
  }

  private static List<Column> columns() {
    List<Column> c = new ArrayList<>();
    oneHot(
        c, FeatureSchema.CHANNEL, "channel", FeatureSchema.CHANNELS, LeadFeatures::channel, false);
    oneHot(c, FeatureSchema.SIDE, "side", FeatureSchema.SIDES, LeadFeatures::side, false);
    oneHot(
        c,
        FeatureSchema.MOTIVATION,
        "motivation",
        FeatureSchema.MOTIVATIONS,
        LeadFeatures::motivation,
        true);
    oneHot(
        c, FeatureSchema.URGENCY, "urgency", FeatureSchema.URGENCIES, LeadFeatures::urgency, true);
    c.add(
        new Column(
            "accepts_fast_sale",
            FeatureSchema.ACCEPTS_FAST_SALE,
            f -> Boolean.TRUE.equals(f.acceptsFastSale()) ? 1 : 0,
            false));
    c.add(
        missing(
            "accepts_fast_sale",
            FeatureSchema.ACCEPTS_FAST_SALE,
            f -> f.acceptsFastSale() == null));
    numeric(
        c,
        FeatureSchema.TIMELINE_DAYS,
        "timeline_days:log",
        f -> f.timelineDays() == null ? Double.NaN : StrictMath.log1p(f.timelineDays()),
        true);
    oneHot(
        c,
        FeatureSchema.CONDITION,
        "condition",
        FeatureSchema.CONDITIONS,
        LeadFeatures::condition,
        true);
    numeric(
        c,
        FeatureSchema.PRICE,
        "price:log",
        f -> f.price() == null ? Double.NaN : StrictMath.log1p(f.price()),
        true);
    oneHot(
        c,
        FeatureSchema.FINANCING_TYPE,
        "financing",
        FeatureSchema.FINANCING,
        LeadFeatures::financing,
        true);
    numeric(c, FeatureSchema.BEDS, "beds", f -> orNaN(f.beds()), true);
    numeric(c, FeatureSchema.BATHS, "baths", f -> orNaN(f.baths()), true);
    numeric(
        c,
        FeatureSchema.ANSWERS_COMPLETED,
        "answers_completed",
        LeadFeatures::answersCompleted,
        false);
    numeric(
        c,
        FeatureSchema.INBOUND_MESSAGES,
        "inbound_messages:log",
        f -> StrictMath.log1p(f.inboundMessages()),
        false);
    numeric(
        c,
        FeatureSchema.OUTBOUND_MESSAGES,
        "outbound_messages:log",
        f -> StrictMath.log1p(f.outboundMessages()),
        false);
    numeric(
        c,
        FeatureSchema.MEAN_REPLY_LATENCY,
        "mean_reply_latency_seconds:log",
        f ->
            f.meanReplyLatencySeconds() == null
                ? Double.NaN
                : StrictMath.log1p(f.meanReplyLatencySeconds()),
        true);
    numeric(
        c,
        FeatureSchema.MEAN_MESSAGE_LENGTH,
        "mean_message_length",
        f -> orNaN(f.meanMessageLength()),
        true);
    numeric(
        c, FeatureSchema.QUESTIONS_ASKED, "questions_asked", LeadFeatures::questionsAsked, false);
    numeric(
        c,
        FeatureSchema.HOURS_SINCE_FIRST_CONTACT,
        "hours_since_first_contact:log",
        f -> StrictMath.log1p(f.hoursSinceFirstContact()),
        false);
    numeric(
        c,
        FeatureSchema.LOCAL_HOUR,
        "local_hour:sin",
        f -> StrictMath.sin(2 * Math.PI * f.localHour() / 24),
        false);
    numeric(
        c,
        FeatureSchema.LOCAL_HOUR,
        "local_hour:cos",
        f -> StrictMath.cos(2 * Math.PI * f.localHour() / 24),
        false);
    for (int day = 1; day <= 7; day++) {
      int d = day;
      c.add(
          new Column(
              "local_weekday=" + day,
              FeatureSchema.LOCAL_WEEKDAY,
              f -> f.localWeekday() == d ? 1 : 0,
              false));
    }
    c.add(new Column("opted_out", FeatureSchema.OPTED_OUT, f -> f.optedOut() ? 1 : 0, false));
    numeric(c, FeatureSchema.HANDOFFS, "handoffs", LeadFeatures::handoffs, false);
    return List.copyOf(c);
  }

  private static void oneHot(
      List<Column> c,
      int feature,
      String name,
      List<String> vocabulary,
      Function<LeadFeatures, String> value,
      boolean nullable) {
    for (String category : vocabulary) {
      c.add(
          new Column(
              name + "=" + category, feature, f -> category.equals(value.apply(f)) ? 1 : 0, false));
    }
    if (nullable) {
      c.add(missing(name, feature, f -> value.apply(f) == null));
    }
  }

  private static void numeric(
      List<Column> c,
      int feature,
      String name,
      ToDoubleFunction<LeadFeatures> raw,
      boolean nullable) {
    c.add(new Column(name, feature, raw, true));
    if (nullable) {
      c.add(missing(name.replace(":log", ""), feature, f -> Double.isNaN(raw.applyAsDouble(f))));
    }
  }

  private static Column missing(String name, int feature, Predicate<LeadFeatures> isMissing) {
    return new Column(name + ":missing", feature, f -> isMissing.test(f) ? 1 : 0, false);
  }

  private static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }
}
