package ai.jorge.conversation.extract;

import java.util.regex.Pattern;

/**
 * Spots messages the bots answer with a fixed line before continuing: a sincere question whether
 * the lead is talking to a bot, AI or real person, and questions asking for legal, tax or financial
 * advice.
 */
public final class MetaQuestionDetector {
  private static final Pattern BOT_QUESTION =
      Pattern.compile(
          "\\b(?:are|r) (?:you|u|u a|you a|you an|this) (?:a |an )?(?:real |actual |live"
              + " )?(?:bot|robot|ai|a\\.i\\.?|human|person|people|machine|computer|automated|chat"
              + " ?bot|chatgpt|program|recording)\\b|\\bis (?:this|that) (?:a |an )?(?:real |actual"
              + " |live )?(?:bot|robot|ai|person|human|automated|machine|recording|chat"
              + " ?bot|computer)\\b|\\b(?:am i|are we) (?:talking|texting|chatting|speaking)"
              + " (?:to|with) (?:a |an )?(?:real |actual |live )?"
              + "(?:bot|robot|ai|person|human|machine|computer)\\b|\\bwho (?:am i|is this|are"
              + " you)\\b|\\byou(?:'re| are) (?:a |an )(?:bot|robot|ai)\\b|\\b(?:is|are)"
              + " (?:this|you) (?:jorge|him) (?:himself|personally)?\\s*\\?");
  private static final Pattern ADVICE_TOPIC =
      Pattern.compile(
          "\\b(?:tax|taxes|taxed|capital gains?|1031|irs|deduct\\w*|write[-"
              + " ]?off|legal(?:ly)?|lawyer|attorney|lawsuit|sue|liab\\w*|contract"
              + " law|bankruptcy|refinanc\\w*|invest(?:ment|ing)? advice|financial advice|should i"
              + " (?:rent|refinance|pay off|file|invest|keep)|better (?:to|if i) rent|prenup|power"
              + " of attorney|probate (?:process|law|court)|title issues?|lien|cpa|accountant)\\b");
  private static final Pattern QUESTION =
      Pattern.compile(
          "\\?|^(?:should|do|does|can|could|would|will|is|are|how|what|when|who|which|why)\\b"
              + "|\\b(?:wondering|question about|any advice|advise|tell me (?:if|whether|how))\\b");

  private MetaQuestionDetector() {}

  public static boolean asksIfBot(String text) {
    return Normalized.has(Normalized.of(text), BOT_QUESTION);
  }

  public static boolean asksForAdvice(String text) {
    String s = Normalized.of(text);
    return Normalized.has(s, ADVICE_TOPIC) && Normalized.has(s, QUESTION);
  }
}
