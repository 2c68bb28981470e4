package ai.jorge.web;

import java.util.List;

/** The one error body: {@code {"error":{"code","message","details"}}}. */
public record ApiError(Body error) {
  public record Body(String code, String message, List<String> details) {}

  public static ApiError of(String code, String message, List<String> details) {
    return new ApiError(new Body(code, message, List.copyOf(details)));
  }
}
