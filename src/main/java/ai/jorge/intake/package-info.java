/**
 * Intake: the channels leads reach Jorge through (GoHighLevel webhooks, the website chat, the
 * authenticated API). Each verifies and parses its input, stores the message durably and hands
 * the turn to the conversation service; nothing half-written survives bad input.
 */
package ai.jorge.intake;
