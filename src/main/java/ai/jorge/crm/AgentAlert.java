package ai.jorge.crm;

import java.util.List;
import java.util.Map;

/**
 * What the agent needs to call a HOT lead: who they are, which side turned HOT, every answer
 * gathered, and the appointment booked or the times just offered. Goes to the team, never to the
 * lead.
 */
public record AgentAlert(
    String contactId,
    String name,
    String phone,
    String email,
    String channel,
    String side,
    String temperature,
    Map<String, Object> answers,
    List<String> reasons,
    String summary,
    Map<String, Object> appointment,
    List<String> offeredSlots,
    String at) {
  public AgentAlert {
    answers = answers == null ? Map.of() : Map.copyOf(answers);
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    offeredSlots = offeredSlots == null ? List.of() : List.copyOf(offeredSlots);
  }
}
