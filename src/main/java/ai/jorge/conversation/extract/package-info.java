/**
 * Deterministic extraction of facts from what a lead writes: prices, timelines, motivations,
 * property condition, buyer criteria, financing, intent, opt-out words and appointment choices.
 * Every parser is a pure function of the text (plus, where dates matter, a clock instant and zone
 * passed in), so each can be tested with tables of utterances. The parsers know nothing of
 * conversation state; the bots in {@code ai.jorge.conversation} decide which parser applies.
 */
package ai.jorge.conversation.extract;
