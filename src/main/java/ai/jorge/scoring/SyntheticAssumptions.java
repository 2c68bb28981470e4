package ai.jorge.scoring;

import java.util.Map;

/**
 * The generative assumptions of the synthetic data set: how strongly each answer and behaviour
 * moves the log-odds of conversion. docs/scoring.md restates these numbers; change both together
 * (and {@link SyntheticLeads#GENERATOR_VERSION}). Stateless.
 */
final class SyntheticAssumptions {
  /** Chosen so that about 20 % of synthetic leads convert. */
  static final double BASE_LOG_ODDS = -2.75;

  /** Weight of the latent intent, which the features only see through behaviour. */
  static final double INTENT = 1.0;

  static final Map<String, Double> CHANNEL =
      Map.of("sms", 0.0, "web_chat", -0.1, "live_chat", 0.3, "api", -0.2);

  static final Map<String, Double> SELLER_MOTIVATION =
      Map.ofEntries(
          Map.entry("foreclosure", 0.7),
          Map.entry("relocation", 0.5),
          Map.entry("divorce", 0.5),
          Map.entry("inheritance", 0.4),
          Map.entry("financial", 0.4),
          Map.entry("medical", 0.3),
          Map.entry("landlord_exit", 0.3),
          Map.entry("downsizing", 0.1),
          Map.entry("upsizing", 0.0),
          Map.entry("retirement", 0.0),
          Map.entry("other", -0.2),
          Map.entry("unknown", -0.6));

  static final Map<String, Double> URGENCY = Map.of("high", 0.6, "medium", 0.1, "low", -0.7);

  static final Map<String, Double> CONDITION =
      Map.of("move_in_ready", 0.0, "minor_repairs", 0.0, "major_repairs", 0.2, "unknown", -0.3);

  static final Map<String, Double> FINANCING =
      Map.of("cash", 0.9, "preapproved", 0.7, "not_yet", -0.6);

  private SyntheticAssumptions() {}

  /** The true log-odds of conversion of a synthetic lead with the given latent intent. */
  static double logOdds(LeadFeatures f, double intent) {
    double z = BASE_LOG_ODDS + INTENT * intent + CHANNEL.get(f.channel());
    if (f.side().equals("seller")) {
      z += f.motivation() == null ? 0 : SELLER_MOTIVATION.get(f.motivation());
      z += f.urgency() == null ? 0 : URGENCY.get(f.urgency());
      z += f.acceptsFastSale() == null ? 0 : f.acceptsFastSale() ? 0.5 : -0.2;
      z += f.timelineDays() == null ? 0 : sellerTimeline(f.timelineDays());
      z += f.condition() == null ? 0 : CONDITION.get(f.condition());
    } else if (f.side().equals("buyer")) {
      z += f.financing() == null ? 0 : FINANCING.get(f.financing());
      z += f.timelineDays() == null ? 0 : buyerTimeline(f.timelineDays());
      z += "relocation".equals(f.motivation()) ? 0.3 : 0;
    }
    z += 0.25 * f.answersCompleted();
    z += 0.12 * Math.min(f.questionsAsked(), 4);
    if (f.meanReplyLatencySeconds() != null) {
      z -= 0.25 * StrictMath.log(Math.max(f.meanReplyLatencySeconds(), 1) / 300.0);
    }
    z += 0.3 * f.handoffs();
    z += f.localHour() >= 8 && f.localHour() <= 20 ? 0.1 : 0;
    z -= f.optedOut() ? 3.0 : 0;
    return z;
  }

  private static double sellerTimeline(int days) {
    if (days <= 30) {
      return 0.6;
    } else if (days <= 45) {
      return 0.4;
    } else if (days <= 90) {
      return 0.1;
    } else if (days <= 180) {
      return -0.3;
    }
    return -0.8;
  }

  private static double buyerTimeline(int days) {
    if (days <= 30) {
      return 0.6;
    } else if (days <= 90) {
      return 0.1;
    }
    return -0.7;
  }
}
