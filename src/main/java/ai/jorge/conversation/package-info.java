/**
 * The conversation engine: given a contact's stored state, one inbound message and a context
 * (clock, time zone, open appointment slots, whether a human holds the contact), it returns the new
 * state, the replies to send and what happened (handoffs, opt-out, temperature, booking). The
 * concierge routes a new lead to the seller or buyer bot, which ask their four questions, recompute
 * the lead's temperature every turn and offer appointment times to HOT leads. The engine is pure
 * and deterministic: no I/O, no clock reads, no randomness.
 */
package ai.jorge.conversation;
