/**
 * Dashboard users and their sessions (SPEC §8): accounts with a role (admin, agent, viewer),
 * PBKDF2-hashed passwords, login and logout, HttpOnly SameSite session cookies with a per-session
 * CSRF token, and the first admin created at first start. Machines use API keys instead.
 */
package ai.jorge.users;
