package ai.jorge.events;

/** The embedded bus against the {@link EventBusContract}. */
class InProcessEventBusTest extends EventBusContract {
  @Override
  protected EventBus newBus(String instanceId) {
    return new InProcessEventBus();
  }
}
