package ai.jorge.conversation;

import java.util.List;

/** A temperature and the reasons that produced it, in words an agent can read. */
record Rating(Temperature temperature, List<String> reasons) {
  Rating {
    reasons = List.copyOf(reasons);
  }
}
