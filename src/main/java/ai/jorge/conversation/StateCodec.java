package ai.jorge.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads and writes {@link ConversationState} as the JSON stored in the conversations table. */
final class StateCodec {
  private final ObjectMapper json;

  StateCodec(ObjectMapper json) {
    this.json = json;
  }

  ConversationState read(String text) {
    try {
      return json.readValue(text, ConversationState.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored conversation state is unreadable", e);
    }
  }

  String write(ConversationState state) {
    try {
      return json.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("conversation state is not serialisable", e);
    }
  }
}
