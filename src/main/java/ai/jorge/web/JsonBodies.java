package ai.jorge.web;

import ai.jorge.InvalidInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads request bodies the strict way: at most 64 KiB, valid UTF-8, a JSON object. Every refusal
 * is a 4xx before anything is written.
 */
public final class JsonBodies {
  public static final int MAX_BODY_BYTES = 64 * 1024;
  private final ObjectMapper json;

  public JsonBodies(ObjectMapper json) {
    this.json = json;
  }

  /** The raw bytes, size-checked; signature verification runs on exactly these. */
  public byte[] rawBody(Context ctx) {
    // Read the whole body (Javalin caps it at 1 MiB) before refusing: answering while the client
    // is still sending makes it see a reset connection instead of the 413.
    byte[] body = ctx.bodyAsBytes();
    if (body.length > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    return body;
  }

  public JsonNode object(Context ctx) {
    return object(rawBody(ctx));
  }

  public JsonNode object(byte[] body) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      throw new HttpStatusException(400, "invalid_utf8", "request body is not valid UTF-8");
    }
    JsonNode node;
    try {
      node = json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new HttpStatusException(
          400, "malformed_json", "request body is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new HttpStatusException(400, "malformed_json", "request body must be a JSON object");
    }
    return node;
  }

  /** A required non-blank string field. */
  public static String requiredText(JsonNode body, String field, List<String> missing) {
    JsonNode v = body.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      missing.add(field);
      return null;
    }
    return v.asText();
  }

  public static String optionalText(JsonNode body, String field) {
    JsonNode v = body.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }

  /** Throws one error naming every missing or invalid field at once. */
  public static void failIfAny(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidInputException(
          "missing or invalid fields: " + String.join(", ", problems), new ArrayList<>(problems));
    }
  }

  private static HttpStatusException tooLarge() {
    return new HttpStatusException(
        413, "payload_too_large", "request body exceeds " + MAX_BODY_BYTES + " bytes");
  }
}
