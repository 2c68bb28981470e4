package ai.jorge.crm;

/**
 * Web chat and API replies: the lead already received the text in the HTTP response of the turn,
 * so delivery only records that fact.
 */
public final class SynchronousChannel implements Channel {
  @Override
  public String deliver(Delivery delivery) {
    return null;
  }
}
