package ai.jorge.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

class StateJsonTest {
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
  private final ObjectMapper plainJson =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @Test
  void state_round_trips_through_json_and_the_conversation_continues_the_same() throws Exception {
    var c = new Fixtures.Conversation();
    c.say("Both actually, we need to sell our place and buy a bigger one");
    c.say("yes 30 days");
    c.say("3 bed 2.5 bath, move-in ready");
    c.say("$725k");
    String text = json.writeValueAsString(c.state);
    ConversationState restored = json.readValue(text, ConversationState.class);
    assertThat(json.writeValueAsString(restored)).isEqualTo(text);
    var engine = new ConversationEngine(BotSettings.defaults());
    TurnResult fromOriginal = engine.handle(c.state, "the second one", Fixtures.CTX);
    TurnResult fromRestored = engine.handle(restored, "the second one", Fixtures.CTX);
    assertThat(fromRestored.replies()).isEqualTo(fromOriginal.replies());
    assertThat(fromRestored.state().bot()).isEqualTo(Bot.BUYER);
    assertThat(fromRestored.booked().start().toInstant())
        .isEqualTo(fromOriginal.booked().start().toInstant());
  }

  @Test
  void slots_read_back_in_utc_by_a_default_mapper_still_book_the_same_time() throws Exception {
    var c = new Fixtures.Conversation();
    c.say("selling, relocating, yes 30 days works, move-in ready, $725k");
    ConversationState restored =
        plainJson.readValue(plainJson.writeValueAsString(c.state), ConversationState.class);
    var engine = new ConversationEngine(BotSettings.defaults());
    TurnResult r = engine.handle(restored, "Wednesday works", Fixtures.CTX);
    assertThat(r.booked().start()).isEqualTo(Fixtures.at("2026-11-25T14:30"));
    assertThat(r.replies())
        .isEqualTo(engine.handle(c.state, "Wednesday works", Fixtures.CTX).replies());
  }

  @Test
  void json_uses_lowercase_bot_and_side_names_and_plain_numbers() throws Exception {
    var c = new Fixtures.Conversation();
    c.say("Looking to buy a 3 bed 2 bath in Rancho Cucamonga, budget 800k");
    JsonNode node = json.readTree(json.writeValueAsString(c.state));
    assertThat(node.get("bot").asText()).isEqualTo("buyer");
    assertThat(node.get("focus").asText()).isEqualTo("buyer");
    assertThat(node.get("handoffs").get(0).get("to").asText()).isEqualTo("buyer");
    JsonNode answers = node.get("buyer").get("answers");
    assertThat(answers.get("baths").toString()).isEqualTo("2");
    assertThat(answers.get("price_max").toString()).isEqualTo("800000");
    assertThat(answers.get("area").asText()).isEqualTo("Rancho Cucamonga");
    assertThat(node.has("activeTemperature")).isFalse();
  }
}
