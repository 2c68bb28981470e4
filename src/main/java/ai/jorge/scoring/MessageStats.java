package ai.jorge.scoring;

import java.util.List;

/** Counts and means over a time-ordered conversation. Immutable. */
record MessageStats(
    int inbound,
    int outbound,
    Double meanReplyLatencySeconds,
    Double meanInboundLength,
    int questions) {

  /** Summarises messages already sorted by time. */
  static MessageStats of(List<LeadFacts.TimedMessage> sorted) {
    int inbound = 0;
    int outbound = 0;
    int questions = 0;
    long lengthSum = 0;
    long latencyMillisSum = 0;
    int replies = 0;
    LeadFacts.TimedMessage previous = null;
    for (LeadFacts.TimedMessage m : sorted) {
      if (m.inbound()) {
        inbound++;
        lengthSum += m.text().codePointCount(0, m.text().length());
        if (m.text().indexOf('?') >= 0) {
          questions++;
        }
        if (previous != null && !previous.inbound()) {
          latencyMillisSum += m.at().toEpochMilli() - previous.at().toEpochMilli();
          replies++;
        }
      } else {
        outbound++;
      }
      previous = m;
    }
    return new MessageStats(
        inbound,
        outbound,
        replies == 0 ? null : latencyMillisSum / 1000.0 / replies,
        inbound == 0 ? null : (double) lengthSum / inbound,
        questions);
  }
}
