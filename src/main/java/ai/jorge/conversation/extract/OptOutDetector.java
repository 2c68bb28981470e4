package ai.jorge.conversation.extract;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises carrier-style opt-out and opt-in messages. An opt-out is a message that is only an
 * opt-out word (STOP, UNSUBSCRIBE, CANCEL, ...; any case, punctuation and "please"/"thanks"
 * ignored) or a clear phrase such as "stop texting me" or "remove me from your list". Words inside
 * an ordinary sentence ("we have to stop the foreclosure") are not opt-outs.
 */
public final class OptOutDetector {
  private static final Set<String> OPT_OUT_WORDS =
      Set.of(
          "stop",
          "stopall",
          "stop all",
          "unsubscribe",
          "cancel",
          "end",
          "quit",
          "revoke",
          "optout",
          "opt-out",
          "opt out",
          "stop it",
          "stop now",
          "unsub");
  private static final Set<String> OPT_IN_WORDS =
      Set.of("start", "unstop", "resume", "start again", "opt in");
  private static final Pattern POLITENESS =
      Pattern.compile("\\b(?:please|pls|plz|thanks|thank you|thx|ty|now)\\b");
  private static final Pattern PHRASE =
      Pattern.compile(
          "\\b(?:stop"
              + " (?:texting|messaging|contacting|calling|sending|bothering|emailing|spamming)(?:"
              + " me| us)?|remove (?:me|us|my number|this number)(?: from (?:your|the|this)"
              + " (?:list|texts|contacts))?|take (?:me|us|my number) off (?:your|the|this)(?:"
              + " \\w+)? list|unsubscribe me|(?:don'?t|do not|dont|never)"
              + " (?:contact|text|message|call|email) (?:me|us)(?: again| anymore| ever)?|leave me"
              + " alone|lose my number|delete my (?:number|info)|no more (?:texts|messages)|stop"
              + " all (?:texts|messages)|opt me out|i want to opt out|wrong number,? stop)\\b");

  private OptOutDetector() {}

  public static boolean isOptOut(String text) {
    String bare = bare(text);
    return OPT_OUT_WORDS.contains(bare) || PHRASE.matcher(Normalized.of(text)).find();
  }

  public static boolean isOptIn(String text) {
    return OPT_IN_WORDS.contains(bare(text));
  }

  private static String bare(String text) {
    String s = Normalized.of(text).replaceAll("[^a-z -]", " ");
    s = POLITENESS.matcher(s).replaceAll(" ");
    return s.replaceAll("\\s+", " ").replaceAll("^[ -]+|[ -]+$", "");
  }
}
