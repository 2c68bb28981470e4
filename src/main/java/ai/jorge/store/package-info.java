/**
 * Storage: the one relational database (an H2 file by default, PostgreSQL in production), its
 * Flyway migrations that run unchanged on both, and small repositories over Jdbi. Repository
 * methods take the caller's {@link org.jdbi.v3.core.Handle}, so a whole turn (state, transcript,
 * outbox, events) commits or rolls back together.
 */
package ai.jorge.store;
