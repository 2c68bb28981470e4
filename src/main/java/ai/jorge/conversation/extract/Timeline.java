package ai.jorge.conversation.extract;

/**
 * What a message says about timing: whether a sale within 30 to 45 days is acceptable and, when a
 * span or date is given, how many days out. Either part may be null when the text is silent.
 */
public record Timeline(Boolean acceptsFastSale, Integer days) {
  public static final Timeline NONE = new Timeline(null, null);

  public boolean isEmpty() {
    return acceptsFastSale == null && days == null;
  }
}
