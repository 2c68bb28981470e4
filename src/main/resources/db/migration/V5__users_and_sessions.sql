-- Dashboard users, their login sessions and single-use WebSocket tickets (SPEC §5, §8).
-- Secrets are stored only as hashes: PBKDF2 for passwords, SHA-256 for random session ids and tickets.

CREATE TABLE users (
    id            VARCHAR(40)  PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    disabled      BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT users_username UNIQUE (username)
);

CREATE TABLE sessions (
    id_hash     VARCHAR(64) PRIMARY KEY,
    user_id     VARCHAR(40) NOT NULL REFERENCES users (id),
    csrf_token  VARCHAR(64) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE ws_tickets (
    ticket_hash VARCHAR(64)  PRIMARY KEY,
    subject     VARCHAR(100) NOT NULL,
    role        VARCHAR(16)  NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ws_tickets_expiry ON ws_tickets (expires_at);
