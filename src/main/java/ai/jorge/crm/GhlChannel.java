package ai.jorge.crm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends SMS and live-chat replies through GoHighLevel ({@code POST /conversations/messages}) and
 * answers GHL's message id as the delivery receipt. Thread-safe.
 */
public final class GhlChannel implements Channel {
  private final GhlClient client;

  public GhlChannel(GhlClient client) {
    this.client = client;
  }

  @Override
  public String deliver(Delivery d) throws DeliveryException {
    if (d.externalContactId() == null) {
      throw new DeliveryException("contact " + d.contactId() + " has no GHL contact id", false);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type(d.channel()));
    body.put("contactId", d.externalContactId());
    body.put("message", d.text());
    JsonNode answer = client.call("POST", "/conversations/messages", body);
    String id = text(answer, "messageId");
    return id != null ? id : text(answer, "id");
  }

  static String type(String channel) {
    return switch (channel == null ? "sms" : channel.toLowerCase(Locale.ROOT)) {
      case "live_chat" -> "Live_Chat";
      case "whatsapp" -> "WhatsApp";
      case "email" -> "Email";
      default -> "SMS";
    };
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
