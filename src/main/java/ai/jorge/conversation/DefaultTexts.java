package ai.jorge.conversation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default question and reply texts, keyed as in {@link BotSettings#texts()}. Placeholders:
 * {agent}, {goal}, {first}, {second}, {time}.
 */
final class DefaultTexts {
  static final Map<String, String> ALL;

  static {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("concierge.greeting", "Hi, thanks for reaching out to {agent}'s team!");
    t.put("concierge.intent", "Are you looking to buy, sell, or both?");
    t.put("concierge.intent.retry", "No problem, just so I point you the right way.");
    t.put("concierge.human", "Thanks! I'll have {agent} reach out to you directly.");
    t.put("concierge.both", "Happy to help with both. Let's start with the sale.");
    t.put(
        "seller.motivation", "What's got you thinking about selling, and where would you move to?");
    t.put(
        "seller.motivation.retry",
        "Even a quick reason helps, like relocating for work, downsizing, or needing more space."
            + " What's prompting the sale?");
    t.put(
        "seller.timeline",
        "If we sold your home in the next 30 to 45 days, would that work for you?");
    t.put(
        "seller.timeline.retry",
        "A yes or no is fine, or a rough timeframe like \"within 3 months\". Would a sale in the"
            + " next 30 to 45 days work?");
    t.put(
        "seller.condition",
        "How would you describe the home: move-in ready, or would it need some work?");
    t.put(
        "seller.condition.retry",
        "For example \"move-in ready\", \"needs paint and carpet\", or \"needs a new roof\". How"
            + " would you describe its condition?");
    t.put("seller.price", "What price would make you feel good about selling?");
    t.put(
        "seller.price.retry",
        "A ballpark is fine, like \"around $650k\". What price would you be happy with?");
    t.put("buyer.criteria", "What are you looking for? Beds, baths, area, and price range.");
    t.put(
        "buyer.criteria.retry",
        "Something like \"3 bed, 2 bath in Ontario, up to $700k\" works. What are you looking"
            + " for?");
    t.put("buyer.financing", "Are you pre-approved, or paying cash?");
    t.put(
        "buyer.financing.retry",
        "For example \"pre-approved\", \"paying cash\", or \"not yet\". Where are you with"
            + " financing?");
    t.put(
        "buyer.timeline",
        "When are you hoping to move: in the next 30 days, 1 to 3 months, or just browsing?");
    t.put(
        "buyer.timeline.retry",
        "A rough idea is fine, like \"within 2 months\". When are you hoping to move?");
    t.put("buyer.motivation", "What's prompting the move?");
    t.put(
        "buyer.motivation.retry",
        "For example a new job, needing more space, or wanting to own instead of rent. What's"
            + " prompting the move?");
    t.put("ack", "Got it, thanks.");
    t.put("resume", "First, {question}");
    t.put("ack.motivation", "Thanks for sharing that.");
    t.put("ack.motivation.divorce", "Thanks for sharing that; I know it's a lot to handle.");
    t.put("ack.motivation.foreclosure", "Thanks for telling me; we'll move quickly.");
    t.put("ack.motivation.inheritance", "I'm sorry for your loss, and thanks for sharing.");
    t.put("ack.motivation.medical", "Thanks for sharing that; we'll keep this easy for you.");
    t.put("ack.timeline", "Got it.");
    t.put("ack.condition", "Good to know.");
    t.put("ack.price", "Thanks.");
    t.put("ack.criteria", "Great, thanks.");
    t.put("ack.financing", "Perfect.");
    t.put("queue.buyer", "I can help you find your next place too once we've covered the sale.");
    t.put(
        "queue.seller",
        "I can help with selling your current home too, right after we sort out your search.");
    t.put("handoff.buyer", "Now let's find your next home.");
    t.put("handoff.seller", "Now let's talk about selling your home.");
    t.put(
        "not_interested",
        "No problem at all, no pressure. If anything changes or you'd like a value estimate later,"
            + " just text me here.");
    t.put("not_interested.again", "Sounds good. I'm here if anything changes.");
    t.put("closing", "Thanks, that's everything I need for now. {agent} will be in touch soon.");
    t.put("closing.again", "Thanks! {agent} will be in touch soon.");
    t.put("identity", "I'm {agent}'s assistant, here to help with your {goal}.");
    t.put("advice", "That's a question for your attorney or CPA.");
    t.put(
        "appointment.offer",
        "{agent} would love to talk through next steps. I have {first} or {second} open; which"
            + " works better?");
    t.put(
        "appointment.offer.one",
        "{agent} would love to talk through next steps. I have {first} open; does that work?");
    t.put("appointment.retry", "Which time suits you better, {first} or {second}?");
    t.put("appointment.retry.one", "Would {first} work for a quick call?");
    t.put("appointment.none", "{agent} will reach out shortly to set up a time to talk.");
    t.put("appointment.booked", "You're all set for {time}. {agent} will give you a call then.");
    t.put("appointment.declined", "No problem. {agent} can set up a time whenever you're ready.");
    t.put("appointment.gave_up", "No worries, {agent} will reach out to find a time that works.");
    t.put("guarded", "Thanks! {agent} will follow up with you shortly.");
    t.put(
        "opt_out", "You're unsubscribed and won't get more texts from us. Reply START to resume.");
    t.put("resubscribed", "Welcome back, you're resubscribed.");
    ALL = Map.copyOf(t);
  }

  private DefaultTexts() {}
}
