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

  /** GoHighLevel API access; absent token means the local CRM default is used. */
  public record Ghl(Optional<String> apiToken, Optional<String> locationId, URI baseUrl) {}

  public JorgeConfig withPort(int newPort) {
    return new JorgeConfig(
        newPort, database, redisUrl, apiKey, adminPassword, signatureMode, ghlPublicKey,
        webhookSecrets, ghl, anthropicApiKey, agentName, market, serviceAreas, rateLimits,
        timezone, commissionRate, allowedOrigins, instanceId, silenceMinutes, maxReplyChars,
        notifyWebhookUrl, redisPrefix, guardAuditLog);
  }

  public JorgeConfig withSignatureMode(SignatureMode mode) {
    return new JorgeConfig(
        port, database, redisUrl, apiKey, adminPassword, mode, ghlPublicKey, webhookSecrets, ghl,
        anthropicApiKey, agentName, market, serviceAreas, rateLimits, timezone, commissionRate,
        allowedOrigins, instanceId, silenceMinutes, maxReplyChars, notifyWebhookUrl, redisPrefix,
        guardAuditLog);
  }
}
