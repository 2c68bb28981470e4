package ai.jorge.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SyntheticLeadsTest {
  static String csv(List<LabelledLead> leads) {
    StringWriter out = new StringWriter();
    SyntheticLeads.writeCsv(leads, out);
    return out.toString();
  }

  @Test
  void the_same_seed_gives_an_identical_csv() {
    assertThat(csv(SyntheticLeads.generate(7, 2_000)))
        .isEqualTo(csv(SyntheticLeads.generate(7, 2_000)));
  }

  @Test
  void a_different_seed_gives_different_leads() {
    assertThat(csv(SyntheticLeads.generate(8, 2_000)))
        .isNotEqualTo(csv(SyntheticLeads.generate(7, 2_000)));
  }

  @Test
  void first_rows_of_seed_42_match_the_golden_file() throws IOException {
    try (InputStream golden = getClass().getResourceAsStream(SyntheticLeadsGolden.RESOURCE)) {
      assertThat(golden).as("regenerate with SyntheticLeadsGolden.main").isNotNull();
      assertThat(csv(SyntheticLeadsGolden.leads()))
          .isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void leads_come_oldest_first() {
    assertThat(SyntheticLeads.generate(3, 1_000))
        .isSortedAccordingTo(Comparator.comparing(LabelledLead::at));
  }

  @Test
  void the_base_rate_is_between_15_and_25_percent() {
    List<LabelledLead> leads = SyntheticLeads.generate(11, 20_000);
    double rate = leads.stream().filter(LabelledLead::converted).count() / (double) leads.size();
    assertThat(rate).isBetween(0.15, 0.25);
  }

  @Test
  void documented_signals_raise_conversion() {
    List<LabelledLead> leads = SyntheticLeads.generate(12, 20_000);
    assertThat(rate(leads, f -> "high".equals(f.urgency())))
        .isGreaterThan(rate(leads, f -> "low".equals(f.urgency())) + 0.15);
    assertThat(
            rate(leads, f -> "cash".equals(f.financing()) || "preapproved".equals(f.financing())))
        .isGreaterThan(rate(leads, f -> "not_yet".equals(f.financing())) + 0.15);
    assertThat(rate(leads, LeadFeatures::optedOut)).isLessThan(0.05);
  }

  @Test
  void csv_round_trip_gives_the_same_leads() {
    List<LabelledLead> leads = SyntheticLeads.generate(5, 500);
    assertThat(SyntheticLeads.readCsv(new StringReader(csv(leads)))).isEqualTo(leads);
  }

  private static double rate(List<LabelledLead> leads, Predicate<LeadFeatures> which) {
    List<LabelledLead> subset = leads.stream().filter(l -> which.test(l.features())).toList();
    assertThat(subset).hasSizeGreaterThan(200);
    return subset.stream().filter(LabelledLead::converted).count() / (double) subset.size();
  }
}
