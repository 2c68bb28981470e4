package ai.jorge.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies webhook signatures over the raw body, before any parsing (SPEC §2.2): GoHighLevel's
 * {@code X-GHL-Signature} (Ed25519, base64) and the Stripe-style {@code X-Jorge-Signature} HMAC
 * for custom senders, with several secrets for rotation and a replay window. Thread-safe.
 */
public final class SignatureVerifier {
  static final Duration TOLERANCE = Duration.ofSeconds(300);
  private static final byte[] ED25519_X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private final List<PublicKey> ghlKeys;
  private final List<byte[]> secrets;
  private final Clock clock;

  /** The outcome of checking one request. */
  public enum Outcome {
    VALID,
    MISSING,
    INVALID
  }

  /**
   * {@code ghlPublicKeys} holds one Ed25519 key or several separated by commas (old and new during
   * a rotation); {@code hmacSecrets} likewise lists every secret still accepted.
   */
  public SignatureVerifier(Optional<String> ghlPublicKeys, List<String> hmacSecrets, Clock clock) {
    this.ghlKeys =
        ghlPublicKeys.stream()
            .flatMap(keys -> java.util.Arrays.stream(keys.split(",")))
            .filter(k -> !k.isBlank())
            .map(SignatureVerifier::parseEd25519)
            .toList();
    this.secrets =
        hmacSecrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    this.clock = clock;
  }

  /**
   * VALID when either header verifies, INVALID when a header is present but fails, MISSING when
   * neither is present.
   */
  public Outcome verify(byte[] body, String ghlSignature, String jorgeSignature) {
    boolean any = false;
    if (ghlSignature != null && !ghlSignature.isBlank()) {
      any = true;
      if (verifyGhl(body, ghlSignature.trim())) {
        return Outcome.VALID;
      }
    }
    if (jorgeSignature != null && !jorgeSignature.isBlank()) {
      any = true;
      if (verifyHmac(body, jorgeSignature.trim())) {
        return Outcome.VALID;
      }
    }
    return any ? Outcome.INVALID : Outcome.MISSING;
  }

  boolean verifyGhl(byte[] body, String base64Signature) {
    byte[] sig;
    try {
      sig = Base64.getDecoder().decode(base64Signature);
    } catch (IllegalArgumentException e) {
      return false;
    }
    for (PublicKey key : ghlKeys) {
      try {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(body);
        if (verifier.verify(sig)) {
          return true;
        }
      } catch (GeneralSecurityException e) {
        // a malformed signature for this key: try the next one
      }
    }
    return false;
  }

  boolean verifyHmac(byte[] body, String header) {
    Long timestamp = null;
    List<String> candidates = new java.util.ArrayList<>();
    for (String part : header.split(",")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length != 2) {
        continue;
      }
      switch (kv[0]) {
        case "t" -> timestamp = parseLong(kv[1]);
        case "v1" -> candidates.add(kv[1]);
        default -> {}
      }
    }
    if (timestamp == null || candidates.isEmpty()) {
      return false;
    }
    long age = clock.instant().getEpochSecond() - timestamp;
    if (Math.abs(age) > TOLERANCE.toSeconds()) {
      return false;
    }
    for (byte[] secret : secrets) {
      byte[] expected = hmac(secret, timestamp, body);
      for (String candidate : candidates) {
        byte[] given;
        try {
          given = HexFormat.of().parseHex(candidate);
        } catch (IllegalArgumentException e) {
          continue;
        }
        if (MessageDigest.isEqual(expected, given)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The header value a sender computes: {@code t=<unix>,v1=<hex hmac-sha256(secret, t.body)>}. */
  public static String sign(String secret, long unixSeconds, byte[] body) {
    return "t=" + unixSeconds + ",v1="
        + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), unixSeconds, body));
  }

  private static byte[] hmac(byte[] secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Long parseLong(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Accepts PEM, base64 X.509 DER, or the raw 32-byte key in base64. */
  static PublicKey parseEd25519(String text) {
    String b64 =
        text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(b64);
      if (der.length == 32) {
        byte[] wrapped = new byte[ED25519_X509_PREFIX.length + 32];
        System.arraycopy(ED25519_X509_PREFIX, 0, wrapped, 0, ED25519_X509_PREFIX.length);
        System.arraycopy(der, 0, wrapped, ED25519_X509_PREFIX.length, 32);
        der = wrapped;
      }
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new ai.jorge.config.ConfigException(
          "JORGE_GHL_PUBLIC_KEY", "not an Ed25519 public key (PEM or base64)");
    }
  }
}
