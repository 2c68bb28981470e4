package ai.jorge.conversation;

import ai.jorge.conversation.extract.BuyerCriteria;
import ai.jorge.conversation.extract.BuyerCriteriaParser;
import ai.jorge.conversation.extract.FinancingParser;
import ai.jorge.conversation.extract.Intent;
import ai.jorge.conversation.extract.MotivationParser;
import ai.jorge.conversation.extract.Timeline;
import ai.jorge.conversation.extract.TimelineParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The buyer's four questions (criteria, financing, timeline, motivation) and how answers to them
 * are read. Criteria volunteered in a message that is about selling are ignored, so the home being
 * sold is never taken for the one wanted.
 */
final class BuyerQualifier implements Qualifier {
  static final List<String> CRITERIA_KEYS =
      List.of("beds", "baths", "sqft_min", "price_min", "price_max", "area");
  private static final List<Slot> SLOTS =
      List.of(Slot.CRITERIA, Slot.FINANCING, Slot.TIMELINE, Slot.MOTIVATION);

  private final BuyerCriteriaParser criteria;

  BuyerQualifier(List<String> serviceAreas) {
    this.criteria = new BuyerCriteriaParser(serviceAreas);
  }

  @Override
  public Side side() {
    return Side.BUYER;
  }

  @Override
  public List<Slot> slots() {
    return SLOTS;
  }

  @Override
  public Map<String, Object> extract(String text, Slot asked, TurnContext ctx, Intent intent) {
    Map<String, Object> out = new LinkedHashMap<>();
    boolean aboutSelling = intent.seller() >= 0.7 && intent.buyer() < 0.7;
    if (asked == Slot.CRITERIA || !aboutSelling) {
      BuyerCriteria c = criteria.parse(text, asked == Slot.CRITERIA);
      putIfPresent(out, "beds", c.beds());
      putIfPresent(out, "baths", c.baths());
      putIfPresent(out, "sqft_min", c.sqftMin());
      putIfPresent(out, "price_min", c.priceMin());
      putIfPresent(out, "price_max", c.priceMax());
      putIfPresent(out, "area", c.area());
    }
    FinancingParser.parse(text, asked == Slot.FINANCING).ifPresent(f -> out.put("financing", f));
    Timeline timeline = TimelineParser.parse(text, false, ctx.now(), ctx.zone());
    if (timeline.days() != null) {
      out.put("timeline_days", timeline.days());
    }
    MotivationParser.parse(text, asked == Slot.MOTIVATION)
        .ifPresent(m -> out.put("motivation", m.category()));
    return out;
  }

  private static void putIfPresent(Map<String, Object> out, String key, Object value) {
    if (value != null) {
      out.put(key, value);
    }
  }

  @Override
  public boolean answered(Slot slot, SideState s) {
    Map<String, Object> a = s.answers();
    return switch (slot) {
      case CRITERIA -> a.containsKey("criteria") || CRITERIA_KEYS.stream().anyMatch(a::containsKey);
      case FINANCING -> a.containsKey("financing");
      case TIMELINE -> a.containsKey("timeline_days");
      case MOTIVATION -> a.containsKey("motivation");
      default -> true;
    };
  }

  @Override
  public String unknownKey(Slot slot) {
    return slot == Slot.TIMELINE ? "timeline_days" : slot.wire();
  }

  @Override
  public Rating rate(SideState state) {
    return BuyerTemperature.rate(state);
  }
}
