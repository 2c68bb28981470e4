/**
 * Dangerous operations on contacts (SPEC §8, layer 4): exporting every contact as CSV and deleting
 * one contact with everything keyed to it. Both pass {@link ai.jorge.guard.DangerousOperations}
 * first, so they are admin-only, need a reason and land in the guard's audit log.
 */
package ai.jorge.contacts;
