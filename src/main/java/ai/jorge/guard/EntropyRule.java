package ai.jorge.guard;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags long random-looking tokens, the shape of an unknown credential: at least {@code min_length}
 * characters from the base64/URL-safe alphabet, mixing upper case, lower case and digits, with a
 * Shannon entropy of at least {@code threshold} bits per character. Tokens end at {@code /} so URL
 * and file paths are never taken for keys. Hex strings (commit hashes,
 * digests) and UUIDs never mix cases, so they pass; PEM public keys and certificates, tokens right
 * after {@code skip_after} (SRI {@code sha512-}, {@code base64,} data URIs, SSH public keys) and
 * lines carrying {@code allow_marker} are skipped. Immutable, thread-safe.
 */
final class EntropyRule extends BaseRule {
  private static final Pattern PUBLIC_PEM = Pattern.compile(
      "-----BEGIN (PUBLIC KEY|CERTIFICATE|RSA PUBLIC KEY|X509 CRL)-----.*?-----END \\1-----",
      Pattern.DOTALL);

  private final Pattern token;
  private final double threshold;
  private final Pattern skipAfter;
  private final String allowMarker;

  EntropyRule(RuleSpec spec, Params p) {
    super(spec);
    int minLength = p.integer("min_length", 24);
    this.token = Pattern.compile("[A-Za-z0-9+=_-]{" + minLength + ",}");
    this.threshold = p.decimal("threshold", 4.0);
    this.skipAfter = Pattern.compile("(?:" + p.text("skip_after", "(?!)") + ")$");
    this.allowMarker = p.text("allow_marker", "guard:allow");
  }

  @Override
  public Optional<String> evaluate(Subject subject) {
    if (!(subject instanceof Subject.Text text)) {
      return Optional.empty();
    }
    String[] lines = PUBLIC_PEM.matcher(text.raw()).replaceAll("").split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.contains(allowMarker)) {
        continue;
      }
      Matcher m = token.matcher(line);
      while (m.find()) {
        String t = m.group();
        String before = line.substring(Math.max(0, m.start() - 40), m.start());
        if (mixesClasses(t) && !skipAfter.matcher(before).find()) {
          double bits = Entropy.bitsPerChar(t);
          if (bits >= threshold) {
            return Optional.of(String.format("%s (%.1f bits/char over %d chars, line %d)",
                spec.reason(), bits, t.length(), i + 1));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean mixesClasses(String t) {
    return t.chars().anyMatch(Character::isUpperCase)
        && t.chars().anyMatch(Character::isLowerCase)
        && t.chars().anyMatch(Character::isDigit);
  }
}
