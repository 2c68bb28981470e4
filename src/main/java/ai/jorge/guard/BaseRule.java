package ai.jorge.guard;

import java.util.Set;

/** Holds a rule's {@link RuleSpec} so concrete rules only implement the matching. */
abstract class BaseRule implements Rule {
  final RuleSpec spec;

  BaseRule(RuleSpec spec) {
    this.spec = spec;
  }

  @Override
  public String id() {
    return spec.id();
  }

  @Override
  public int layer() {
    return spec.layer();
  }

  @Override
  public Set<Target> targets() {
    return spec.targets();
  }

  @Override
  public boolean appliesTo(Subject subject) {
    return !(subject instanceof Subject.Text text) || spec.appliesToPath(text.path());
  }

  @Override
  public boolean warnOnly() {
    return spec.warnOnly();
  }
}
