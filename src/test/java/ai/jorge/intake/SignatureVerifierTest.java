package ai.jorge.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.jorge.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {
  private static final byte[] BODY = "{\"type\":\"InboundMessage\"}".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-11-20T17:31:45Z");
  private KeyPair keys;
  private SignatureVerifier verifier;

  @BeforeEach
  void setUp() throws Exception {
    keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    verifier =
        new SignatureVerifier(Optional.of(pem), List.of("old", "new"), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private String sign(byte[] body) throws Exception {
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(keys.getPrivate());
    s.update(body);
    return Base64.getEncoder().encodeToString(s.sign());
  }

  @Test
  void a_ghl_ed25519_signature_over_the_raw_body_verifies() throws Exception {
    assertThat(verifier.verify(BODY, sign(BODY), null)).isEqualTo(SignatureVerifier.Outcome.VALID);
  }

  @Test
  void during_a_key_rotation_a_signature_from_either_ghl_key_verifies() throws Exception {
    KeyPair next = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    var both = new SignatureVerifier(
        Optional.of(Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()) + ","
            + Base64.getEncoder().encodeToString(next.getPublic().getEncoded())),
        List.of(), Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(both.verify(BODY, sign(BODY), null)).isEqualTo(SignatureVerifier.Outcome.VALID);
    assertThat(both.verify(BODY, signWith(next, BODY), null))
        .isEqualTo(SignatureVerifier.Outcome.VALID);
    assertThat(both.verify(BODY, signWith(stranger, BODY), null))
        .isEqualTo(SignatureVerifier.Outcome.INVALID);
  }

  private static String signWith(KeyPair pair, byte[] body) throws Exception {
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(pair.getPrivate());
    s.update(body);
    return Base64.getEncoder().encodeToString(s.sign());
  }

  @Test
  void one_changed_byte_fails_verification() throws Exception {
    byte[] changed = Arrays.copyOf(BODY, BODY.length);
    changed[3] ^= 1;
    assertThat(verifier.verify(changed, sign(BODY), null)).isEqualTo(SignatureVerifier.Outcome.INVALID);
  }

  @Test
  void garbage_in_the_signature_header_is_invalid_not_an_error() {
    assertThat(verifier.verify(BODY, "%%%not-base64", "t=abc,v1=zz"))
        .isEqualTo(SignatureVerifier.Outcome.INVALID);
  }

  @Test
  void no_header_at_all_is_missing() {
    assertThat(verifier.verify(BODY, null, " ")).isEqualTo(SignatureVerifier.Outcome.MISSING);
  }

  @Test
  void hmac_verifies_with_either_rotated_secret_within_300_seconds() {
    long t = NOW.getEpochSecond();
    assertThat(verifier.verify(BODY, null, SignatureVerifier.sign("old", t, BODY))).isEqualTo(SignatureVerifier.Outcome.VALID);
    assertThat(verifier.verify(BODY, null, SignatureVerifier.sign("new", t - 299, BODY))).isEqualTo(SignatureVerifier.Outcome.VALID);
    assertThat(verifier.verify(BODY, null, SignatureVerifier.sign("new", t - 301, BODY))).isEqualTo(SignatureVerifier.Outcome.INVALID);
    assertThat(verifier.verify(BODY, null, SignatureVerifier.sign("new", t + 301, BODY))).isEqualTo(SignatureVerifier.Outcome.INVALID);
    assertThat(verifier.verify(BODY, null, SignatureVerifier.sign("other", t, BODY))).isEqualTo(SignatureVerifier.Outcome.INVALID);
  }

  @Test
  void hmac_timestamp_is_part_of_what_is_signed() {
    long t = NOW.getEpochSecond();
    String header = SignatureVerifier.sign("new", t, BODY).replace("t=" + t, "t=" + (t - 1));
    assertThat(verifier.verify(BODY, null, header)).isEqualTo(SignatureVerifier.Outcome.INVALID);
  }

  @Test
  void a_raw_32_byte_public_key_is_accepted_and_a_wrong_key_fails_at_start() throws Exception {
    byte[] der = keys.getPublic().getEncoded();
    String raw = Base64.getEncoder().encodeToString(Arrays.copyOfRange(der, der.length - 32, der.length));
    var v = new SignatureVerifier(Optional.of(raw), List.of(), Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(v.verify(BODY, sign(BODY), null)).isEqualTo(SignatureVerifier.Outcome.VALID);
    assertThatThrownBy(() -> new SignatureVerifier(Optional.of("bm90IGEga2V5"), List.of(), Clock.systemUTC()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("JORGE_GHL_PUBLIC_KEY");
  }
}
