/**
 * The command line (picocli): {@code serve}, {@code migrate} and the operator tools. Commands read
 * configuration, call into App or a feature's entry point, and print; they hold no logic of
 * their own.
 */
package ai.jorge.cli;
