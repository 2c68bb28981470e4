package ai.jorge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingConverterTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SMS to +19095550142 sent|SMS to ***-0142 sent",
        "call (909) 555-0142 today|call ***-0142 today",
        "phone 909.555.0142|phone ***-0142",
        "mail maria.lopez@example.com now|mail m***@example.com now",
        "contact ct_8f3k2m1q turn 3|contact ct_8f3k2m1q turn 3",
        "price 725000 for 2026|price 725000 for 2026",
        "outbox 12 retried|outbox 12 retried",
      })
  void emails_and_phone_numbers_are_masked_and_other_numbers_are_not(String in, String out) {
    assertThat(MaskingConverter.mask(in)).isEqualTo(out);
  }
}
