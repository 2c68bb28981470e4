package ai.jorge.config;

/** How inbound webhook signatures are treated. */
public enum SignatureMode {
  /** Unsigned or badly signed webhooks are refused. */
  ENFORCE,
  /** Signatures are verified and failures counted and logged, but the webhook is accepted. */
  SHADOW,
  /** No verification. */
  OFF
}
