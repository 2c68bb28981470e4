package ai.jorge.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.jorge.InvalidInputException;
import ai.jorge.scoring.LeadFacts.TimedAnswer;
import ai.jorge.scoring.LeadFacts.TimedMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FeatureExtractorTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final Instant T0 = Instant.parse("2025-03-04T17:00:00Z"); // Tuesday 09:00 in Los Angeles
  static final Instant AS_OF = T0.plusSeconds(3_600);
  static final Instant LATER = AS_OF.plusMillis(1);

  private final FeatureExtractor extractor = new FeatureExtractor();

  static LeadFacts seller() {
    return new LeadFacts(
        "sms",
        "seller",
        List.of(
            new TimedAnswer("motivation", "relocation", T0.plusSeconds(60)),
            new TimedAnswer("urgency", "high", T0.plusSeconds(60)),
            new TimedAnswer("accepts_fast_sale", true, T0.plusSeconds(300)),
            new TimedAnswer("timeline_days", 30, T0.plusSeconds(300))),
        List.of(
            new TimedMessage(T0, true, "I want to sell my house"),
            new TimedMessage(T0.plusSeconds(5), false, "What's got you thinking about selling?"),
            new TimedMessage(T0.plusSeconds(65), true, "Relocating for work, asap"),
            new TimedMessage(T0.plusSeconds(70), false, "Would 30 to 45 days work?"),
            new TimedMessage(T0.plusSeconds(300), true, "Yes. How fast can you sell?")),
        List.of(),
        null,
        T0,
        LA);
  }

  @Test
  void computes_conversation_features_from_the_messages() {
    LeadFeatures f = extractor.extract(seller(), AS_OF);

    assertThat(f.inboundMessages()).isEqualTo(3);
    assertThat(f.outboundMessages()).isEqualTo(2);
    assertThat(f.meanReplyLatencySeconds()).isEqualTo((60.0 + 230.0) / 2);
    assertThat(f.meanMessageLength()).isEqualTo((23 + 25 + 27) / 3.0);
    assertThat(f.questionsAsked()).isEqualTo(1);
    assertThat(f.hoursSinceFirstContact()).isEqualTo(1.0);
    assertThat(f.localHour()).isEqualTo(9);
    assertThat(f.localWeekday()).isEqualTo(2);
  }

  @Test
  void encodes_each_answer_and_counts_the_completed_ones() {
    LeadFeatures f = extractor.extract(seller(), AS_OF);

    assertThat(f.motivation()).isEqualTo("relocation");
    assertThat(f.urgency()).isEqualTo("high");
    assertThat(f.acceptsFastSale()).isTrue();
    assertThat(f.timelineDays()).isEqualTo(30);
    assertThat(f.condition()).isNull();
    assertThat(f.price()).isNull();
    assertThat(f.answersCompleted()).isEqualTo(2);
  }

  static Stream<UnaryOperator<LeadFacts>> laterFacts() {
    return Stream.of(
        facts -> withAnswer(facts, new TimedAnswer("price", 700_000L, LATER)),
        facts -> withAnswer(facts, new TimedAnswer("timeline_days", 365, LATER)),
        facts -> withAnswer(facts, new TimedAnswer("condition", "major_repairs", LATER)),
        facts ->
            withMessage(facts, new TimedMessage(LATER, true, "Actually, what about next year?")),
        facts -> withMessage(facts, new TimedMessage(LATER, false, "Sure, next year works.")),
        facts ->
            new LeadFacts(
                facts.channel(),
                facts.side(),
                facts.answers(),
                facts.messages(),
                List.of(LATER),
                facts.optedOutAt(),
                facts.firstContactAt(),
                facts.zone()),
        facts ->
            new LeadFacts(
                facts.channel(),
                facts.side(),
                facts.answers(),
                facts.messages(),
                facts.handoffs(),
                LATER,
                facts.firstContactAt(),
                facts.zone()));
  }

  @ParameterizedTest
  @MethodSource("laterFacts")
  void a_fact_recorded_after_the_scoring_time_changes_nothing(UnaryOperator<LeadFacts> addLater) {
    LeadFacts before = seller();
    LeadFacts after = addLater.apply(before);

    assertThat(extractor.extract(after, AS_OF)).isEqualTo(extractor.extract(before, AS_OF));
    assertThat(Leads.defaultModel().score(extractor.extract(after, AS_OF)))
        .isEqualTo(Leads.defaultModel().score(extractor.extract(before, AS_OF)));
    assertThat(extractor.extract(after, LATER)).isNotEqualTo(extractor.extract(before, LATER));
  }

  @Test
  void a_later_answer_to_the_same_question_replaces_the_earlier_one() {
    LeadFacts facts = withAnswer(seller(), new TimedAnswer("timeline_days", 90, AS_OF));

    assertThat(extractor.extract(facts, AS_OF).timelineDays()).isEqualTo(90);
    assertThat(extractor.extract(facts, AS_OF.minusSeconds(1)).timelineDays()).isEqualTo(30);
  }

  @Test
  void a_buyer_price_is_the_midpoint_of_the_budget() {
    LeadFacts buyer =
        new LeadFacts(
            "web_chat",
            "buyer",
            List.of(
                new TimedAnswer("beds", 3, T0),
                new TimedAnswer("baths", 2.5, T0),
                new TimedAnswer("price_min", 500_000L, T0),
                new TimedAnswer("price_max", 700_000L, T0),
                new TimedAnswer("area", "Upland", T0),
                new TimedAnswer("financing", "preapproved", T0)),
            List.of(new TimedMessage(T0, true, "3 bed in Upland, 500-700k, preapproved")),
            List.of(),
            null,
            T0,
            LA);

    LeadFeatures f = extractor.extract(buyer, AS_OF);

    assertThat(f.price()).isEqualTo(600_000L);
    assertThat(f.beds()).isEqualTo(3.0);
    assertThat(f.baths()).isEqualTo(2.5);
    assertThat(f.financing()).isEqualTo("preapproved");
    assertThat(f.answersCompleted()).isEqualTo(2);
    assertThat(f.toMap()).doesNotContainKeys("area", "zip", "name");
  }

  @Test
  void values_outside_the_vocabulary_count_as_unanswered_except_motivation() {
    LeadFacts facts =
        withAnswer(
            withAnswer(seller(), new TimedAnswer("urgency", "whenever", T0.plusSeconds(120))),
            new TimedAnswer("motivation", "new_job", T0.plusSeconds(120)));

    LeadFeatures f = extractor.extract(facts, AS_OF);

    assertThat(f.urgency()).isNull();
    assertThat(f.motivation()).isEqualTo("other");
  }

  @Test
  void an_opt_out_at_or_before_the_scoring_time_is_a_feature() {
    LeadFacts base = seller();
    LeadFacts optedOut =
        new LeadFacts(
            base.channel(),
            base.side(),
            base.answers(),
            base.messages(),
            base.handoffs(),
            AS_OF,
            base.firstContactAt(),
            base.zone());

    assertThat(extractor.extract(optedOut, AS_OF).optedOut()).isTrue();
  }

  @Test
  void scoring_before_the_first_contact_is_refused() {
    assertThatThrownBy(() -> extractor.extract(seller(), T0.minusSeconds(1)))
        .isInstanceOf(InvalidInputException.class);
  }

  private static LeadFacts withAnswer(LeadFacts facts, TimedAnswer answer) {
    List<TimedAnswer> answers = new ArrayList<>(facts.answers());
    answers.add(answer);
    return new LeadFacts(
        facts.channel(),
        facts.side(),
        answers,
        facts.messages(),
        facts.handoffs(),
        facts.optedOutAt(),
        facts.firstContactAt(),
        facts.zone());
  }

  private static LeadFacts withMessage(LeadFacts facts, TimedMessage message) {
    List<TimedMessage> messages = new ArrayList<>(facts.messages());
    messages.add(message);
    return new LeadFacts(
        facts.channel(),
        facts.side(),
        facts.answers(),
        messages,
        facts.handoffs(),
        facts.optedOutAt(),
        facts.firstContactAt(),
        facts.zone());
  }
}
