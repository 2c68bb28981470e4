package ai.jorge.conversation.extract;

/** Why a lead is moving: a category from the fixed list and, when named, where to. */
public record Motivation(String category, String destination) {
  public static final String OTHER = "other";

  public Motivation {
    if (category == null || category.isBlank()) {
      throw new IllegalArgumentException("category is required");
    }
  }
}
