package ai.jorge.ops;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Pattern;

/**
 * Logback converter ({@code %maskedMsg}) that masks email addresses and phone numbers in every
 * log message, so lead contact details never reach log files (SPEC §8).
 */
public final class MaskingConverter extends MessageConverter {
  private static final Pattern EMAIL =
      Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
  private static final Pattern PHONE =
      Pattern.compile("(?<![\\w(])(\\+?\\(?\\d[\\d\\s().-]{7,}\\d)(?![\\w])");

  @Override
  public String convert(ILoggingEvent event) {
    return mask(super.convert(event));
  }

  /** The text with emails as {@code m***@domain} and phone numbers as {@code ***-0142}. */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    String out = EMAIL.matcher(text).replaceAll("$1***@$2");
    return PHONE.matcher(out)
        .replaceAll(
            m -> {
              String digits = m.group(1).replaceAll("\\D", "");
              return digits.length() < 8 ? m.group() : "***-" + digits.substring(digits.length() - 4);
            });
  }
}
