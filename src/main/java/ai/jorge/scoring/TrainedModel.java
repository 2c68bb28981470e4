package ai.jorge.scoring;

import java.util.List;

/**
 * A freshly trained model together with the newest leads held out from its training, on which a
 * promotion decision should also evaluate the current model. Immutable.
 */
public record TrainedModel(LeadModel model, List<LabelledLead> holdout) {
  public TrainedModel {
    holdout = List.copyOf(holdout);
  }
}
