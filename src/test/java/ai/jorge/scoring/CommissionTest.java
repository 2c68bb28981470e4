package ai.jorge.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CommissionTest {
  @Test
  void expected_commission_is_probability_times_price_times_rate() {
    assertThat(Commission.expectedCommission(0.5, 650_000, Commission.DEFAULT_RATE))
        .isCloseTo(19_500, within(1e-9));
    assertThat(Commission.expectedCommission(0.5, Leads.hotSeller(), 0.05).getAsDouble())
        .isCloseTo(16_250, within(1e-9));
  }

  @Test
  void there_is_no_expected_commission_without_a_price() {
    Map<String, Object> map = Leads.map(Leads.hotSeller());
    map.put("price", null);

    assertThat(Commission.expectedCommission(0.5, LeadFeatures.fromMap(map), 0.06)).isEmpty();
  }

  @Test
  void refuses_a_probability_or_rate_outside_zero_to_one() {
    assertThatThrownBy(() -> Commission.expectedCommission(1.2, 100, 0.06))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Commission.expectedCommission(0.2, 100, -0.06))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void expected_close_days_is_the_timeline_plus_escrow() {
    Map<String, Object> seller = Leads.map(Leads.hotSeller());
    assertThat(Commission.expectedCloseDays(Leads.hotSeller())).isEqualTo(30 + 30);

    seller.put("timeline_days", null);
    assertThat(Commission.expectedCloseDays(LeadFeatures.fromMap(seller))).isEqualTo(30 + 30);
    seller.put("accepts_fast_sale", false);
    assertThat(Commission.expectedCloseDays(LeadFeatures.fromMap(seller))).isEqualTo(90 + 30);

    Map<String, Object> buyer = Leads.map(Leads.coldBuyer());
    buyer.put("timeline_days", 60);
    buyer.put("financing", "cash");
    assertThat(Commission.expectedCloseDays(LeadFeatures.fromMap(buyer))).isEqualTo(60 + 14);
    buyer.put("timeline_days", null);
    buyer.put("financing", "preapproved");
    assertThat(Commission.expectedCloseDays(LeadFeatures.fromMap(buyer))).isEqualTo(180 + 30);
  }
}
