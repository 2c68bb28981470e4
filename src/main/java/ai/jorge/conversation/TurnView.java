package ai.jorge.conversation;

import java.util.List;
import java.util.Map;

/**
 * What the chat and contact-message APIs answer (SPEC §2.1): the bot now holding the contact, the
 * slot the last reply asks about, the replies this message produced, and the qualification.
 */
public record TurnView(
    String contactId,
    String conversationId,
    String bot,
    String asking,
    List<ReplyText> replies,
    String temperature,
    Map<String, Object> qualification,
    boolean duplicate,
    boolean truncated) {

  /** One reply as the lead sees it. */
  public record ReplyText(String text) {}
}
