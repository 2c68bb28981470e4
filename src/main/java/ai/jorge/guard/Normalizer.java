package ai.jorge.guard;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer.Form;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns raw input into the forms rules match against, undoing the usual evasions: Unicode
 * look-alikes and zero-width characters, URL and double URL encoding, {@code \xNN} escapes,
 * {@code $IFS}, quotes and backslashes inserted into words, brace expansion, whitespace runs,
 * base64/hex payloads fed to a shell and reversed strings. Compound commands are split into parts
 * so each is checked on its own. Stateless and thread-safe.
 */
final class Normalizer {
  private static final Pattern INVISIBLE =
      Pattern.compile("[\\u200B-\\u200F\\u2060\\uFEFF\\u00AD]");
  private static final Pattern PERCENT = Pattern.compile("%[0-9a-fA-F]{2}");
  private static final Pattern HEX_ESCAPE = Pattern.compile("\\\\x([0-9a-fA-F]{2})");
  private static final Pattern IFS = Pattern.compile("\\$\\{IFS[^}]*}|\\$IFS(?![A-Za-z0-9_])");
  private static final Pattern EMPTY_EXPANSION = Pattern.compile("\\$[@*]|\\$\\{[@*]}");
  private static final Pattern ANSI_C_QUOTE = Pattern.compile("\\$(?=['\"])");
  private static final Pattern BRACE_LIST = Pattern.compile("\\{([^{}\\s]*,[^{}\\s]*)}");
  private static final Pattern BLANKS = Pattern.compile("[ \\t\\x0B\\f\\r]+");
  private static final Pattern SEPARATORS =
      Pattern.compile("\\$\\(|<\\(|>\\(|&&|\\|\\||[;&|\\n`(){}]");
  private static final Pattern DECODES_BASE64 =
      Pattern.compile("(?i)base64\\s+(-d|--decode|-D)\\b|b64decode|frombase64string|base64\\s+-di");
  private static final Pattern DECODES_HEX = Pattern.compile("(?i)xxd\\s+(-r|-p\\s+-r|-rp|-pr)");
  private static final Pattern REVERSES = Pattern.compile("(?i)\\|\\s*rev\\b");
  private static final Pattern BASE64_TOKEN = Pattern.compile("[A-Za-z0-9+/_-]{8,}={0,2}");
  private static final Pattern HEX_TOKEN = Pattern.compile("\\b(?:[0-9a-fA-F]{2}){4,}\\b");
  private static final int MAX_DEPTH = 2;

  private Normalizer() {}

  static List<String> commandForms(String raw) {
    Set<String> out = new LinkedHashSet<>();
    addCommandForms(raw, 0, out);
    return List.copyOf(out);
  }

  private static void addCommandForms(String raw, int depth, Set<String> out) {
    String whole = normalizeCommand(raw);
    out.add(whole);
    out.addAll(commandParts(whole));
    if (depth >= MAX_DEPTH) {
      return;
    }
    for (String payload : decodedPayloads(whole)) {
      addCommandForms(payload, depth + 1, out);
    }
  }

  /** Splits one command form on {@code ; && || | & newline $( ` ( ) { }} into its parts. */
  static List<String> commandParts(String form) {
    List<String> parts = new ArrayList<>();
    for (String part : SEPARATORS.split(form)) {
      String p = part.strip();
      if (!p.isEmpty()) {
        parts.add(p);
      }
    }
    return parts;
  }

  static String normalizeCommand(String raw) {
    String s = unicode(raw);
    s = urlDecodeFully(s);
    s = HEX_ESCAPE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(hexChar(m.group(1))));
    s = IFS.matcher(s).replaceAll(" ");
    s = EMPTY_EXPANSION.matcher(s).replaceAll("");
    s = ANSI_C_QUOTE.matcher(s).replaceAll("");
    s = s.replace("\\\n", "").replace("\"", "").replace("'", "").replace("\\", "");
    s = BRACE_LIST.matcher(s)
        .replaceAll(m -> Matcher.quoteReplacement(" " + m.group(1).replace(',', ' ') + " "));
    s = BLANKS.matcher(s).replaceAll(" ");
    return s.strip();
  }

  private static List<String> decodedPayloads(String whole) {
    List<String> payloads = new ArrayList<>();
    if (DECODES_BASE64.matcher(whole).find()) {
      Matcher m = BASE64_TOKEN.matcher(whole);
      while (m.find()) {
        decodeBase64(m.group()).ifPresent(payloads::add);
      }
    }
    if (DECODES_HEX.matcher(whole).find()) {
      Matcher m = HEX_TOKEN.matcher(whole);
      while (m.find()) {
        byte[] bytes = HexFormat.of().parseHex(m.group());
        String decoded = new String(bytes, StandardCharsets.ISO_8859_1);
        if (printable(decoded)) {
          payloads.add(decoded);
        }
      }
    }
    if (REVERSES.matcher(whole).find()) {
      payloads.add(new StringBuilder(whole).reverse().toString());
    }
    return payloads;
  }

  private static Optional<String> decodeBase64(String token) {
    for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
      try {
        String padded = token + "=".repeat((4 - token.length() % 4) % 4);
        String decoded = new String(decoder.decode(padded), StandardCharsets.ISO_8859_1);
        if (printable(decoded)) {
          return Optional.of(decoded);
        }
      } catch (IllegalArgumentException notBase64) {
        // try the next alphabet
      }
    }
    return Optional.empty();
  }

  private static boolean printable(String s) {
    if (s.isEmpty()) {
      return false;
    }
    long ok = s.chars().filter(c -> (c >= 0x20 && c < 0x7f) || c == '\n' || c == '\t').count();
    return ok >= s.length() * 0.95;
  }

  static List<String> contentForms(String content) {
    String decoded = PERCENT.matcher(content).find() ? urlDecodeFully(content) : content;
    return decoded.equals(content) ? List.of(content) : List.of(content, decoded);
  }

  static List<String> pathForms(String path) {
    String slashes = path.replace('\\', '/');
    String decoded = urlDecodeFully(unicode(slashes)).replace('\\', '/');
    return decoded.equals(slashes) ? List.of(slashes) : List.of(slashes, decoded);
  }

  static String messageText(String text) {
    String s = unicode(text).toLowerCase(Locale.ROOT);
    s = s.replaceAll("[\\u2018\\u2019\\u02BC`]", "'").replaceAll("[\\u201C\\u201D]", "\"");
    s = s.replaceAll("[\\u2010-\\u2015]", "-");
    return s.replaceAll("\\s+", " ").strip();
  }

  private static String unicode(String s) {
    return INVISIBLE.matcher(java.text.Normalizer.normalize(s, Form.NFKC)).replaceAll("");
  }

  /**
   * URL-decodes repeatedly (double encoding) without treating '+' as space or failing on stray '%'.
   */
  static String urlDecodeFully(String s) {
    String current = s;
    for (int i = 0; i < 3 && PERCENT.matcher(current).find(); i++) {
      current = urlDecodeOnce(current);
    }
    return current;
  }

  private static String urlDecodeOnce(String s) {
    StringBuilder out = new StringBuilder(s.length());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < s.length()) {
      if (s.charAt(i) == '%' && i + 2 < s.length()
          && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
        bytes.write(Integer.parseInt(s, i + 1, i + 3, 16));
        i += 3;
        continue;
      }
      flush(bytes, out);
      out.append(s.charAt(i++));
    }
    flush(bytes, out);
    return out.toString();
  }

  private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
    if (bytes.size() > 0) {
      out.append(bytes.toString(StandardCharsets.UTF_8));
      bytes.reset();
    }
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  private static String hexChar(String hex) {
    return String.valueOf((char) Integer.parseInt(hex, 16));
  }
}
