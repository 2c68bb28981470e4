package ai.jorge.conversation;

import ai.jorge.conversation.extract.ConditionParser;
import ai.jorge.conversation.extract.Intent;
import ai.jorge.conversation.extract.MotivationParser;
import ai.jorge.conversation.extract.PriceParser;
import ai.jorge.conversation.extract.Timeline;
import ai.jorge.conversation.extract.TimelineParser;
import ai.jorge.conversation.extract.UrgencyParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seller's four questions (motivation, timeline, condition, price) and how answers to them are
 * read. A price volunteered outside the price question is ignored when the same message is about
 * buying, so a purchase budget is never taken for an asking price.
 */
final class SellerQualifier implements Qualifier {
  private static final List<Slot> SLOTS =
      List.of(Slot.MOTIVATION, Slot.TIMELINE, Slot.CONDITION, Slot.PRICE);

  @Override
  public Side side() {
    return Side.SELLER;
  }

  @Override
  public List<Slot> slots() {
    return SLOTS;
  }

  @Override
  public Map<String, Object> extract(String text, Slot asked, TurnContext ctx, Intent intent) {
    Map<String, Object> out = new LinkedHashMap<>();
    MotivationParser.parse(text, asked == Slot.MOTIVATION)
        .ifPresent(
            m -> {
              out.put("motivation", m.category());
              if (m.destination() != null) {
                out.put("destination", m.destination());
              }
              if (m.category().equals("foreclosure")) {
                out.put("urgency", "high");
              }
            });
    UrgencyParser.parse(text).ifPresent(u -> out.put("urgency", u));
    Timeline timeline = TimelineParser.parse(text, asked == Slot.TIMELINE, ctx.now(), ctx.zone());
    if (asked == Slot.TIMELINE || timeline.days() != null) {
      if (timeline.acceptsFastSale() != null) {
        out.put("accepts_fast_sale", timeline.acceptsFastSale());
      }
      if (timeline.days() != null) {
        out.put("timeline_days", timeline.days());
      }
    }
    ConditionParser.parse(text, asked == Slot.CONDITION).ifPresent(c -> out.put("condition", c));
    boolean aboutBuying = intent.buyer() >= 0.7 && intent.seller() < 0.7;
    if (asked == Slot.PRICE || !aboutBuying) {
      PriceParser.parse(text, asked == Slot.PRICE).ifPresent(p -> out.put("price", p));
    }
    return out;
  }

  @Override
  public boolean answered(Slot slot, SideState s) {
    Map<String, Object> a = s.answers();
    return switch (slot) {
      case MOTIVATION -> a.containsKey("motivation");
      case TIMELINE -> a.containsKey("accepts_fast_sale") || a.containsKey("timeline_days");
      case CONDITION -> a.containsKey("condition");
      case PRICE -> a.containsKey("price");
      default -> true;
    };
  }

  @Override
  public String unknownKey(Slot slot) {
    return slot == Slot.TIMELINE ? "timeline_days" : slot.wire();
  }

  @Override
  public Rating rate(SideState state) {
    return SellerTemperature.rate(state);
  }
}
