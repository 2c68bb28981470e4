package ai.jorge.conversation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The two goals a lead can have; serialised as the lowercase name ("buyer"). */
public enum Side {
  SELLER,
  BUYER;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Side fromWireName(String name) {
    return valueOf(name.strip().toUpperCase(Locale.ROOT));
  }

  Side other() {
    return this == SELLER ? BUYER : SELLER;
  }
}
