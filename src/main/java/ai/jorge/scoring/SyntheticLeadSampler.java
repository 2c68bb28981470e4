package ai.jorge.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Draws one synthetic lead at a time from a seeded {@link Random}. Uses only {@link Random}'s
 * specified algorithms and {@link StrictMath}, so a seed gives the same leads on every JVM. Not
 * thread-safe; one instance per generated data set.
 */
final class SyntheticLeadSampler {
  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  static final long SPAN_SECONDS = 540L * 86_400;

  private static final double[] SIDE_WEIGHTS = {0.47, 0.45, 0.08};
  private static final double[] CHANNEL_WEIGHTS = {0.45, 0.30, 0.15, 0.10};
  private static final double[] SELLER_MOTIVATION_WEIGHTS = {
    0.16, 0.07, 0.04, 0.08, 0.07, 0.13, 0.10, 0.09, 0.03, 0.06, 0.12, 0.05
  };
  private static final List<String> BUYER_MOTIVATIONS =
      List.of("relocation", "upsizing", "downsizing", "retirement", "other", "unknown");
  private static final double[] BUYER_MOTIVATION_WEIGHTS = {0.20, 0.25, 0.15, 0.08, 0.25, 0.07};
  private static final double[] CONDITION_WEIGHTS = {0.45, 0.35, 0.15, 0.05};
  private static final int[] SLOW_TIMELINES = {60, 90, 120, 180, 270, 365};
  private static final double[] SLOW_TIMELINE_WEIGHTS = {0.25, 0.25, 0.15, 0.15, 0.10, 0.10};
  private static final double[] BEDS_WEIGHTS = {0.05, 0.25, 0.40, 0.22, 0.08};
  private static final double[] HOUR_WEIGHTS = {
    1, 0.5, 0.3, 0.3, 0.3, 0.5, 1, 2, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 6, 6, 5, 4, 3, 2
  };

  private final Random rnd;

  SyntheticLeadSampler(long seed) {
    this.rnd = new Random(seed);
  }

  LabelledLead next() {
    double intent = rnd.nextGaussian();
    double engagement = 0.7 * intent + 0.7 * rnd.nextGaussian();
    Instant at = START.plusSeconds((long) (rnd.nextDouble() * SPAN_SECONDS));
    String side = FeatureSchema.SIDES.get(pick(SIDE_WEIGHTS));
    String channel = FeatureSchema.CHANNELS.get(pick(CHANNEL_WEIGHTS));

    int inbound = 1 + Math.min(poisson(StrictMath.exp(1.0 + 0.45 * engagement)), 39);
    int outbound = inbound + Math.min(poisson(1.5 * StrictMath.exp(-0.5 * engagement)), 10);
    Double latency =
        inbound < 2
            ? null
            : round1(
                Math.min(
                    StrictMath.exp(
                        StrictMath.log(240) - 0.6 * engagement + 0.9 * rnd.nextGaussian()),
                    7 * 86_400.0));
    double length =
        round1(
            Math.min(20 + 40 * StrictMath.exp(0.3 * engagement + 0.4 * rnd.nextGaussian()), 320));
    int questions = binomial(inbound, sigmoid(-1.6 + 0.5 * intent));
    double hours =
        round2(Math.min(StrictMath.exp(StrictMath.log(6) + 1.3 * rnd.nextGaussian()), 720));
    int hour = pick(HOUR_WEIGHTS);
    int weekday = 1 + rnd.nextInt(7);
    boolean optedOut = rnd.nextDouble() < sigmoid(-3.0 - 0.8 * intent);
    int handoffs = side.equals("unknown") ? 0 : rnd.nextDouble() < 0.10 ? 1 + bernoulli(0.15) : 0;

    int reached = 0;
    if (!side.equals("unknown")) {
      while (reached < 4
          && reached < inbound
          && rnd.nextDouble() < sigmoid(1.2 + 0.9 * engagement - 0.25 * reached)) {
        reached++;
      }
    }
    Answers a =
        side.equals("seller") ? sellerAnswers(reached, intent) : buyerAnswers(reached, intent);
    int completed =
        (a.motivation != null && !a.motivation.equals("unknown") ? 1 : 0)
            + (a.timelineDays != null || a.acceptsFastSale != null ? 1 : 0)
            + (a.condition != null && !a.condition.equals("unknown") ? 1 : 0)
            + (a.price != null || a.beds != null ? 1 : 0)
            + (a.financing != null ? 1 : 0);
    LeadFeatures features =
        new LeadFeatures(
            channel,
            side,
            a.motivation,
            a.urgency,
            a.acceptsFastSale,
            a.timelineDays,
            a.condition,
            a.price,
            a.financing,
            a.beds,
            a.baths,
            completed,
            inbound,
            outbound,
            latency,
            length,
            questions,
            hours,
            hour,
            weekday,
            optedOut,
            handoffs);
    boolean converted = rnd.nextDouble() < sigmoid(SyntheticAssumptions.logOdds(features, intent));
    return new LabelledLead(features, converted, at);
  }

  private static final class Answers {
    String motivation;
    String urgency;
    Boolean acceptsFastSale;
    Integer timelineDays;
    String condition;
    Long price;
    String financing;
    Double beds;
    Double baths;
  }

  private Answers sellerAnswers(int reached, double intent) {
    Answers a = new Answers();
    if (reached >= 1) {
      a.motivation = FeatureSchema.MOTIVATIONS.get(pick(SELLER_MOTIVATION_WEIGHTS));
      if (!a.motivation.equals("unknown") && rnd.nextDouble() < 0.85) {
        double pressing =
            switch (a.motivation) {
              case "foreclosure", "divorce", "relocation", "financial", "medical" -> 0.5;
              case "inheritance", "landlord_exit" -> 0.0;
              default -> -0.3;
            };
        double u = 0.8 * intent + pressing + 0.8 * rnd.nextGaussian();
        a.urgency = u > 0.8 ? "high" : u < -0.6 ? "low" : "medium";
      }
    }
    if (reached >= 2) {
      a.acceptsFastSale = rnd.nextDouble() < sigmoid(-0.4 + 0.9 * intent);
      if (rnd.nextDouble() < 0.75) {
        a.timelineDays =
            a.acceptsFastSale ? 14 + rnd.nextInt(32) : SLOW_TIMELINES[pick(SLOW_TIMELINE_WEIGHTS)];
      }
    }
    if (reached >= 3) {
      a.condition = FeatureSchema.CONDITIONS.get(pick(CONDITION_WEIGHTS));
    }
    if (reached >= 4) {
      a.price = roundTo5000(650_000 * StrictMath.exp(0.35 * rnd.nextGaussian()));
    }
    return a;
  }

  private Answers buyerAnswers(int reached, double intent) {
    Answers a = new Answers();
    if (reached >= 1) {
      int beds = 1 + pick(BEDS_WEIGHTS);
      a.beds = (double) beds;
      a.baths = Math.max(1.0, beds - 1 + 0.5 * rnd.nextInt(3));
      if (rnd.nextDouble() < 0.8) {
        a.price = roundTo5000(600_000 * StrictMath.exp(0.35 * rnd.nextGaussian()));
      }
    }
    if (reached >= 2) {
      a.financing =
          rnd.nextDouble() < 0.10
              ? "cash"
              : rnd.nextDouble() < sigmoid(0.8 * intent) ? "preapproved" : "not_yet";
    }
    if (reached >= 3) {
      double t = -0.8 * intent + rnd.nextGaussian();
      a.timelineDays = t < -1.0 ? 14 : t < -0.3 ? 30 : t < 0.3 ? 60 : t < 1.0 ? 90 : 180;
    }
    if (reached >= 4) {
      a.motivation = BUYER_MOTIVATIONS.get(pick(BUYER_MOTIVATION_WEIGHTS));
    }
    return a;
  }

  private int pick(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = rnd.nextDouble() * total;
    for (int i = 0; i < weights.length - 1; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private int poisson(double mean) {
    double limit = StrictMath.exp(-mean);
    double product = rnd.nextDouble();
    int k = 0;
    while (product > limit) {
      product *= rnd.nextDouble();
      k++;
    }
    return k;
  }

  private int binomial(int trials, double p) {
    int k = 0;
    for (int i = 0; i < trials; i++) {
      k += bernoulli(p);
    }
    return k;
  }

  private int bernoulli(double p) {
    return rnd.nextDouble() < p ? 1 : 0;
  }

  static double sigmoid(double z) {
    return 1 / (1 + StrictMath.exp(-z));
  }

  private static double round1(double x) {
    return Math.round(x * 10) / 10.0;
  }

  private static double round2(double x) {
    return Math.round(x * 100) / 100.0;
  }

  private static long roundTo5000(double x) {
    return Math.round(x / 5000) * 5000;
  }
}
