package ai.jorge.conversation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who holds a contact's conversation; serialised as the lowercase name ("seller"). */
public enum Bot {
  CONCIERGE,
  SELLER,
  BUYER,
  HUMAN;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Bot fromWireName(String name) {
    return valueOf(name.strip().toUpperCase(Locale.ROOT));
  }

  static Bot of(Side side) {
    return side == Side.SELLER ? SELLER : BUYER;
  }
}
