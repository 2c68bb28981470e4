package ai.jorge.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Jorge reads from its environment, validated once at start. Immutable; built by {@link
 * ConfigLoader}.
 */
public record JorgeConfig(
    int port,
    Database database,
    Optional<URI> redisUrl,
    Optional<String> apiKey,
    Optional<String> adminPassword,
    SignatureMode signatureMode,
    Optional<String> ghlPublicKey,
    List<String> webhookSecrets,
    Ghl ghl,
    Optional<String> anthropicApiKey,
    String agentName,
    String market,
    List<String> serviceAreas,
    Map<String, RateLimit> rateLimits,
    ZoneId timezone,
    double commissionRate,
    List<String> allowedOrigins,
    String instanceId,
    int silenceMinutes,
    int maxReplyChars,
    Optional<URI> notifyWebhookUrl,
    String redisPrefix,
    Learning learning,
    Path guardAuditLog) {

  public JorgeConfig {
    serviceAreas = List.copyOf(serviceAreas);
    webhookSecrets = List.copyOf(webhookSecrets);
    allowedOrigins = List.copyOf(allowedOrigins);
    rateLimits = Map.copyOf(rateLimits);
  }

  /** JDBC coordinates of the one database that holds all state. */
  public record Database(String url, String user, String password) {
    public boolean isPostgres() {
      return url.startsWith("jdbc:postgresql:");
    }
  }

  /**
   * GoHighLevel API access; absent token means the local CRM default is used. With a token and a
   * calendar id, appointment times come from that GHL calendar.
   */
  public record Ghl(
      Optional<String> apiToken, Optional<String> locationId, URI baseUrl, Optional<String> calendarId) {}

  /**
   * The scoring model's learning loop: retrain when at least {@code retrainMinOutcomes} outcomes
   * were recorded since the last training; {@code conversionOutcomes} are the outcomes that count
   * as converted.
   */
  public record Learning(int retrainMinOutcomes, List<String> conversionOutcomes) {
    public Learning {
      conversionOutcomes = List.copyOf(conversionOutcomes);
    }
  }
}
