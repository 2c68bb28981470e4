package ai.jorge.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a {@link JorgeConfig} from environment variables (SPEC §9), optionally layered over a YAML
 * file whose keys mirror the variables ({@code JORGE_PORT} or {@code port}). Every invalid value
 * fails with a {@link ConfigException} naming its variable.
 */
public final class ConfigLoader {
  static final String DEFAULT_RATE_LIMITS =
      "chat_ip=60/1m,chat_session=20/1m,webhook_location=600/1m,api_key=1200/1m,login=10/15m";
  static final String DEFAULT_AREAS =
      "Rancho Cucamonga, Ontario, Upland, Fontana, Chino Hills, Etiwanda";
  /** The outcomes {@code POST /api/v1/contacts/{id}/outcome} accepts. */
  public static final List<String> OUTCOMES =
      List.of(
          "won", "lost", "appointment_kept", "appointment_no_show", "not_interested",
          "unresponsive");

  private static final Pattern LIMIT = Pattern.compile("(\\w+)\\s*=\\s*(\\d+)/(\\d+)([smhd])");

  private final Map<String, String> values;

  private ConfigLoader(Map<String, String> values) {
    this.values = values;
  }

  public static JorgeConfig fromEnv(Map<String, String> env) {
    return new ConfigLoader(env).load();
  }

  /** Reads the YAML file, then lets the environment override any of its values. */
  public static JorgeConfig fromFileAndEnv(Path file, Map<String, String> env) {
    Map<String, String> merged = new HashMap<>(readYaml(file));
    merged.putAll(env);
    return new ConfigLoader(merged).load();
  }

  private static Map<String, String> readYaml(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (IOException e) {
      throw new ConfigException("--config", "cannot read " + file + ": " + e.getMessage());
    }
    Map<String, String> out = new HashMap<>();
    if (root == null || !root.isObject()) {
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      var field = it.next();
      String key = field.getKey().toUpperCase(Locale.ROOT).replace('-', '_');
      String name = key.startsWith("JORGE_") ? key : "JORGE_" + key;
      JsonNode value = field.getValue();
      out.put(name, value.isArray() ? joinArray(value) : value.asText());
    }
    return out;
  }

  private static String joinArray(JsonNode array) {
    var parts = new java.util.ArrayList<String>();
    array.forEach(n -> parts.add(n.asText()));
    return String.join(",", parts);
  }

  private JorgeConfig load() {
    int port = intValue("JORGE_PORT", 8080, 0, 65535);
    var database =
        new JorgeConfig.Database(
            text("JORGE_DB_URL")
                .orElse("jdbc:h2:file:./data/jorge;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"),
            text("JORGE_DB_USER").orElse(""),
            text("JORGE_DB_PASSWORD").orElse(""));
    if (database.url().startsWith("jdbc:h2:") && !database.url().toUpperCase(Locale.ROOT).contains("MODE=")) {
      // The one migration set speaks PostgreSQL's dialect; H2 must run in its compatibility mode.
      database =
          new JorgeConfig.Database(
              database.url() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
              database.user(),
              database.password());
    }
    if (!database.url().startsWith("jdbc:h2:") && !database.isPostgres()) {
      throw new ConfigException("JORGE_DB_URL", "must be a jdbc:h2: or jdbc:postgresql: URL");
    }
    Optional<URI> redis = text("JORGE_REDIS_URL").map(v -> uri("JORGE_REDIS_URL", v, "redis"));
    var ghl =
        new JorgeConfig.Ghl(
            text("JORGE_GHL_API_TOKEN"),
            text("JORGE_GHL_LOCATION_ID"),
            uri(
                "JORGE_GHL_BASE_URL",
                text("JORGE_GHL_BASE_URL").orElse("https://services.leadconnectorhq.com"),
                "http"),
            text("JORGE_GHL_CALENDAR_ID"));
    List<String> origins = list("JORGE_ALLOWED_ORIGINS", "");
    if (origins.isEmpty()) {
      origins = List.of("http://localhost:" + port, "http://127.0.0.1:" + port);
    }
    return new JorgeConfig(
        port,
        database,
        redis,
        text("JORGE_API_KEY"),
        text("JORGE_ADMIN_PASSWORD"),
        signatureMode(),
        text("JORGE_GHL_PUBLIC_KEY"),
        list("JORGE_WEBHOOK_SECRETS", ""),
        ghl,
        text("JORGE_ANTHROPIC_API_KEY"),
        text("JORGE_AGENT_NAME").orElse("Jorge"),
        text("JORGE_MARKET").orElse("Rancho Cucamonga, CA"),
        list("JORGE_SERVICE_AREAS", DEFAULT_AREAS),
        rateLimits(),
        zone(),
        commissionRate(),
        origins,
        text("JORGE_INSTANCE_ID").orElse(UUID.randomUUID().toString().substring(0, 8)),
        intValue("JORGE_SILENCE_MINUTES", 120, 0, 100_000),
        intValue("JORGE_MAX_REPLY_CHARS", 320, 40, 1600),
        text("JORGE_NOTIFY_WEBHOOK_URL").map(v -> uri("JORGE_NOTIFY_WEBHOOK_URL", v, "http")),
        text("JORGE_REDIS_PREFIX").orElse("jorge:"),
        new JorgeConfig.Learning(
            intValue("JORGE_RETRAIN_MIN_OUTCOMES", 50, 1, 1_000_000),
            conversionOutcomes()),
        Path.of(text("JORGE_GUARD_AUDIT").orElse("data/guard-audit.jsonl")));
  }

  private Optional<String> text(String name) {
    return Optional.ofNullable(values.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  private int intValue(String name, int fallback, int min, int max) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(raw.get());
      if (v < min || v > max) {
        throw new ConfigException(name, "must be between " + min + " and " + max);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new ConfigException(name, "not a whole number: '" + raw.get() + "'");
    }
  }

  private List<String> list(String name, String fallback) {
    String raw = text(name).orElse(fallback);
    return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static URI uri(String name, String value, String schemePrefix) {
    try {
      URI u = URI.create(value);
      if (u.getScheme() == null || !u.getScheme().startsWith(schemePrefix)) {
        throw new ConfigException(name, "must be a " + schemePrefix + "… URL: '" + value + "'");
      }
      return u;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name, "not a URL: '" + value + "'");
    }
  }

  private SignatureMode signatureMode() {
    String raw = text("JORGE_WEBHOOK_SIGNATURES").orElse("enforce");
    try {
      return SignatureMode.valueOf(raw.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "JORGE_WEBHOOK_SIGNATURES", "must be enforce, shadow or off, not '" + raw + "'");
    }
  }

  private ZoneId zone() {
    String raw = text("JORGE_TIMEZONE").orElse("America/Los_Angeles");
    try {
      return ZoneId.of(raw);
    } catch (DateTimeException e) {
      throw new ConfigException("JORGE_TIMEZONE", "unknown time zone '" + raw + "'");
    }
  }

  private double commissionRate() {
    String raw = text("JORGE_COMMISSION_RATE").orElse("0.06");
    try {
      double v = Double.parseDouble(raw);
      if (!(v > 0 && v < 1)) {
        throw new ConfigException("JORGE_COMMISSION_RATE", "must be between 0 and 1");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new ConfigException("JORGE_COMMISSION_RATE", "not a number: '" + raw + "'");
    }
  }

  private List<String> conversionOutcomes() {
    List<String> outcomes = list("JORGE_CONVERSION_OUTCOMES", "won,appointment_kept");
    for (String o : outcomes) {
      if (!OUTCOMES.contains(o)) {
        throw new ConfigException(
            "JORGE_CONVERSION_OUTCOMES", "unknown outcome '" + o + "', expected some of " + OUTCOMES);
      }
    }
    if (outcomes.isEmpty()) {
      throw new ConfigException("JORGE_CONVERSION_OUTCOMES", "needs at least one outcome");
    }
    return outcomes;
  }

  private Map<String, RateLimit> rateLimits() {
    Map<String, RateLimit> limits = new LinkedHashMap<>(parseLimits("", DEFAULT_RATE_LIMITS));
    text("JORGE_RATE_LIMITS").ifPresent(raw -> limits.putAll(parseLimits("JORGE_RATE_LIMITS", raw)));
    return limits;
  }

  private static Map<String, RateLimit> parseLimits(String name, String raw) {
    Map<String, RateLimit> out = new LinkedHashMap<>();
    for (String part : raw.split(",")) {
      Matcher m = LIMIT.matcher(part.trim());
      if (!m.matches()) {
        throw new ConfigException(name, "expected tier=count/period like chat_ip=60/1m, got '" + part + "'");
      }
      long amount = Long.parseLong(m.group(3));
      Duration period =
          switch (m.group(4)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
          };
      long capacity = Long.parseLong(m.group(2));
      if (capacity == 0 || amount == 0) {
        throw new ConfigException(name, "count and period must be positive in '" + part + "'");
      }
      out.put(m.group(1), new RateLimit(m.group(1), capacity, period));
    }
    return out;
  }
}
