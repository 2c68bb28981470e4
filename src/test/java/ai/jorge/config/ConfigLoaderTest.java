package ai.jorge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
  @Test
  void no_configuration_gives_the_embedded_defaults_of_spec_section_9() {
    JorgeConfig c = ConfigLoader.fromEnv(Map.of());
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.database().url()).startsWith("jdbc:h2:file:./data/jorge").contains("MODE=PostgreSQL");
    assertThat(c.redisUrl()).isEmpty();
    assertThat(c.signatureMode()).isEqualTo(SignatureMode.ENFORCE);
    assertThat(c.agentName()).isEqualTo("Jorge");
    assertThat(c.market()).isEqualTo("Rancho Cucamonga, CA");
    assertThat(c.serviceAreas())
        .containsExactly("Rancho Cucamonga", "Ontario", "Upland", "Fontana", "Chino Hills", "Etiwanda");
    assertThat(c.timezone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
    assertThat(c.commissionRate()).isEqualTo(0.06);
    assertThat(c.rateLimits().get("login").capacity()).isEqualTo(10);
    assertThat(c.rateLimits().get("login").period()).isEqualTo(Duration.ofMinutes(15));
    assertThat(c.rateLimits().get("chat_ip").capacity()).isEqualTo(60);
    assertThat(c.silenceMinutes()).isEqualTo(120);
    assertThat(c.maxReplyChars()).isEqualTo(320);
    assertThat(c.redisPrefix()).isEqualTo("jorge:");
    assertThat(c.guardAuditLog()).isEqualTo(Path.of("data", "guard-audit.jsonl"));
  }

  @Test
  void the_redis_key_prefix_and_the_guard_audit_log_are_configurable() {
    JorgeConfig c = ConfigLoader.fromEnv(Map.of(
        "JORGE_REDIS_PREFIX", "team-a:", "JORGE_GUARD_AUDIT", "/var/lib/jorge/audit.jsonl"));
    assertThat(c.redisPrefix()).isEqualTo("team-a:");
    assertThat(c.guardAuditLog()).isEqualTo(Path.of("/var/lib/jorge/audit.jsonl"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "JORGE_PORT|eighty",
        "JORGE_PORT|70000",
        "JORGE_DB_URL|jdbc:mysql://localhost/x",
        "JORGE_REDIS_URL|http://localhost:6379",
        "JORGE_WEBHOOK_SIGNATURES|sometimes",
        "JORGE_TIMEZONE|Mars/Olympus",
        "JORGE_COMMISSION_RATE|6%",
        "JORGE_COMMISSION_RATE|1.5",
        "JORGE_RATE_LIMITS|chat_ip=lots",
        "JORGE_RATE_LIMITS|chat_ip=0/1m",
        "JORGE_GHL_BASE_URL|not a url",
        "JORGE_MAX_REPLY_CHARS|5",
      })
  void an_invalid_value_fails_naming_its_variable(String variable, String value) {
    assertThatThrownBy(() -> ConfigLoader.fromEnv(Map.of(variable, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(variable)
        .extracting(e -> ((ConfigException) e).variable())
        .isEqualTo(variable);
  }

  @Test
  void rate_limits_override_only_the_tiers_given() {
    JorgeConfig c = ConfigLoader.fromEnv(Map.of("JORGE_RATE_LIMITS", "chat_ip = 5/1s"));
    assertThat(c.rateLimits().get("chat_ip").capacity()).isEqualTo(5);
    assertThat(c.rateLimits().get("chat_ip").period()).isEqualTo(Duration.ofSeconds(1));
    assertThat(c.rateLimits().get("api_key").capacity()).isEqualTo(1200);
  }

  @Test
  void a_yaml_file_mirrors_the_variables_and_the_environment_wins(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("jorge.yaml");
    Files.writeString(
        file,
        """
        port: 9090
        agent_name: Rosa
        JORGE_TIMEZONE: America/Denver
        service_areas: [Ontario, Upland]
        """);
    JorgeConfig c = ConfigLoader.fromFileAndEnv(file, Map.of("JORGE_AGENT_NAME", "Luis"));
    assertThat(c.port()).isEqualTo(9090);
    assertThat(c.agentName()).isEqualTo("Luis");
    assertThat(c.timezone()).isEqualTo(ZoneId.of("America/Denver"));
    assertThat(c.serviceAreas()).containsExactly("Ontario", "Upland");
  }

  @Test
  void an_h2_url_without_a_mode_gets_the_postgresql_compatibility_mode() {
    JorgeConfig c = ConfigLoader.fromEnv(Map.of("JORGE_DB_URL", "jdbc:h2:file:/tmp/x/jorge"));
    assertThat(c.database().url())
        .isEqualTo("jdbc:h2:file:/tmp/x/jorge;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
  }

  @Test
  void allowed_origins_default_to_the_local_port() {
    assertThat(ConfigLoader.fromEnv(Map.of("JORGE_PORT", "9000")).allowedOrigins())
        .containsExactly("http://localhost:9000", "http://127.0.0.1:9000");
  }
}
