/**
 * Configuration: the environment variables of SPEC §9, optionally mirrored in a YAML file, read
 * once at start into an immutable {@link ai.jorge.config.JorgeConfig}. Invalid values fail fast
 * with a message naming the variable, so a misconfigured instance never starts half-working.
 */
package ai.jorge.config;
