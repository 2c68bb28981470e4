-- The daily-cap counts (SPEC §8) run on every turn and every delivery: one contact's bot messages
-- and sent outbox rows since the start of its day. Without these they scan the contact's whole
-- history, which grows with every message.
CREATE INDEX messages_contact_sent_by ON messages (contact_id, direction, author, received_at);
CREATE INDEX outbox_contact_sent ON outbox (contact_id, status, sent_at);
