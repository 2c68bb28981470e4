/**
 * The dashboard (SPEC §6): the numbers and lists its pages show, computed from the database on
 * every request (never constants), the {@code metrics.snapshot} event every 5 s, and the static
 * pages and WebJars assets the App serves itself, with no front-end build.
 */
package ai.jorge.dashboard;
