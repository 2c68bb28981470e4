package ai.jorge.conversation;

import java.time.Instant;
import java.time.ZonedDateTime;

/** A call booked with the agent: its start and when the lead picked it. */
public record Appointment(ZonedDateTime start, Instant bookedAt) {}
