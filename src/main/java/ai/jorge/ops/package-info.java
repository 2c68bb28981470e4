/**
 * Operations: health probes, metrics and the scheduled jobs that keep a running instance honest.
 * Nothing here carries business rules; it observes and maintains the rest.
 */
package ai.jorge.ops;
