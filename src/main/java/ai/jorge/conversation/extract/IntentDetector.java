package ai.jorge.conversation.extract;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Scores seller and buyer intent. Explicit goals ("thinking about selling", "looking to buy", "we
 * need a 3 bed", "what's my home worth") score 1.0; weak signals ("pre-approved", "down payment",
 * "zestimate") add 0.3 each up to 1.0. When the intent question was just asked, a one-word answer
 * ("selling", "buy", "both") is explicit. "Buy my house" is a seller talking.
 */
public final class IntentDetector {
  private static final Pattern SELL_MY =
      Pattern.compile(
          "\\b(?:buy|buys|buying|purchase|buyers?) (?:my|our)"
              + " (?:house|home|place|property|condo|townhouse|land)|\\bbuyers? for"
              + " (?:my|our)|\\bwe buy houses\\b|\\bcash offer\\b");
  private static final Pattern SELLER_EXPLICIT =
      Pattern.compile(
          "\\b(?:sell|selling|sale of (?:my|our))\\b|\\blist(?:ing)? (?:my|our|the)"
              + " (?:house|home|place|condo|property|townhouse|townhome)|\\bput(?:ting)?"
              + " (?:my|our|the) (?:house|home|place|condo|townhouse) (?:up )?(?:on the market|for"
              + " sale)|\\bwhat(?:'s| is) (?:my|our) (?:\\w+"
              + " )?(?:house|home|place|property|condo|townhouse) worth|\\bhow much"
              + " (?:is|could|would|can|will) (?:my|our|i get|we get)|\\b(?:home|house|property)"
              + " (?:value|valuation|estimate|appraisal)|\\bvalue of (?:my|our)|\\bworth (?:of )?my"
              + " (?:house|home)|\\bhome worth\\b|\\bhouse worth\\b");
  private static final Pattern BUYER_EXPLICIT =
      Pattern.compile(
          "\\b(?:buy|buying|purchase|purchasing)\\b|\\blooking for (?:a|an|our|my) (?:new"
              + " )?(?:home|house|place|condo|townhouse|townhome|property|\\d+"
              + " ?(?:bed|br|bd|bedroom))|\\bhouse hunting\\b|\\bhome search\\b|\\bfirst[- ]time"
              + " (?:home )?buyers?\\b|\\b(?:need|want|looking for) (?:a|an)"
              + " (?:\\d+|one|two|three|four|five|six)[ -]?(?:bed|br|bd|bedroom)|\\bin the market"
              + " for\\b|\\bbuyers? agent\\b|\\b(?:do you have|are there|any|show"
              + " me|see|tour|looking at|interested"
              + " in)\\b[^.?!]{0,30}\\b(?:homes|houses|condos|townhomes|townhouses|properties|listings)\\b|\\b(?:homes|houses|condos|listings)"
              + " (?:for sale|available)\\b");
  private static final List<Pattern> BUYER_WEAK =
      List.of(
          Pattern.compile("\\bpre-? ?approv|\\bpreapprov|\\bpre-? ?qual"),
          Pattern.compile("\\bdown payment"),
          Pattern.compile("(?<!my |our )\\bmortgage\\b"),
          Pattern.compile("\\blender\\b"),
          Pattern.compile("\\bopen houses?\\b"),
          Pattern.compile("\\blistings\\b"),
          Pattern.compile("\\bfirst[- ]time\\b"));
  private static final List<Pattern> SELLER_WEAK =
      List.of(
          Pattern.compile("\\bzestimate\\b"),
          Pattern.compile("\\bequity\\b"),
          Pattern.compile("\\bcomps\\b|\\bcma\\b"),
          Pattern.compile("\\blisting agent\\b"),
          Pattern.compile("\\bappraisal\\b"));
  private static final Pattern ONE_WORD_SELL =
      Pattern.compile("^(?:i'?m |we'?re |to )?(?:sell|selling|seller|sale|list|listing)[.!]*$");
  private static final Pattern ONE_WORD_BUY =
      Pattern.compile(
          "^(?:i'?m |we'?re |to )?(?:buy|buying|buyer|purchase|purchasing|purchaser)[.!]*$");
  private static final Pattern BOTH =
      Pattern.compile(
          "^(?:both|both of them|both actually|a bit of both|buy and sell|sell and buy)\\b");
  private static final Pattern SELL_DECLINED =
      Pattern.compile(
          "\\b(?:not|n't|no plans to|never|no"
              + " longer)\\s+(?:\\w+\\s+){0,3}?(?:sell|selling)\\b(?!\\s+(?:it\\s+|the \\w+\\s+|my"
              + " \\w+\\s+|our \\w+\\s+)?(?:for|under|below|unless|until|before|without|at|too|to"
              + " (?:an? )?(?:investor|wholesaler)))|\\bjust curious\\b|\\bjust wondering\\b");
  private static final Pattern BUY_DECLINED =
      Pattern.compile(
          "\\b(?:not|n't|no plans to|never|no"
              + " longer)\\s+(?:\\w+\\s+){0,3}?(?:buy|buying|purchase|in the market)\\b"
              + "(?!\\s+(?:for|under|over|above|unless|until|before|without|at|too))");
  private static final Pattern NOT_INTERESTED =
      Pattern.compile(
          "\\b(?:not interested|no longer interested|not really interested|changed (?:my|our)"
              + " minds?|we'?re good|i'?m good,? thanks|no thanks|no thank you|not (?:doing|going"
              + " to do) (?:this|that|it)|never ?mind)\\b");

  private IntentDetector() {}

  public static Intent detect(String text, boolean intentJustAsked) {
    String s = Normalized.of(text);
    boolean sellMy = Normalized.has(s, SELL_MY);
    String withoutSellMy = SELL_MY.matcher(s).replaceAll(" ");
    double seller = sellMy || Normalized.has(s, SELLER_EXPLICIT) ? 1.0 : weak(s, SELLER_WEAK);
    double buyer = Normalized.has(withoutSellMy, BUYER_EXPLICIT) ? 1.0 : weak(s, BUYER_WEAK);
    if (intentJustAsked) {
      if (ONE_WORD_SELL.matcher(s).matches()) {
        seller = 1.0;
      }
      if (ONE_WORD_BUY.matcher(s).matches()) {
        buyer = 1.0;
      }
    }
    if (BOTH.matcher(s).find() && (intentJustAsked || (seller > 0 && buyer > 0))) {
      seller = 1.0;
      buyer = 1.0;
    }
    boolean sellDeclined = Normalized.has(s, SELL_DECLINED);
    boolean buyDeclined = Normalized.has(s, BUY_DECLINED);
    boolean notInterested = Normalized.has(s, NOT_INTERESTED);
    if (sellDeclined && s.matches(".*\\b(?:sell|selling|worth|value|home|house)\\b.*")) {
      seller = 1.0;
    }
    return new Intent(seller, buyer, sellDeclined, buyDeclined, notInterested);
  }

  private static double weak(String s, List<Pattern> signals) {
    long hits = signals.stream().filter(p -> p.matcher(s).find()).count();
    return Math.min(1.0, 0.3 * hits);
  }
}
