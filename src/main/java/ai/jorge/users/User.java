package ai.jorge.users;

import ai.jorge.web.Role;
import java.time.Instant;

/** A dashboard account as listed: never the password hash. */
public record User(String id, String username, Role role, Instant createdAt, boolean disabled) {}
