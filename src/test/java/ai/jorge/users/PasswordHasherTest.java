package ai.jorge.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void a_hash_verifies_its_own_password_and_no_other() {
    String stored = hasher.hash("correct horse battery".toCharArray());
    assertThat(hasher.verify("correct horse battery".toCharArray(), stored)).isTrue();
    assertThat(hasher.verify("correct horse batterY".toCharArray(), stored)).isFalse();
    assertThat(hasher.verify("".toCharArray(), stored)).isFalse();
  }

  @Test
  void the_same_password_hashes_differently_each_time_with_210000_iterations() {
    String a = hasher.hash("same password".toCharArray());
    String b = hasher.hash("same password".toCharArray());
    assertThat(a).isNotEqualTo(b).startsWith("pbkdf2-sha256$210000$").doesNotContain("same password");
    assertThat(PasswordHasher.ITERATIONS).isGreaterThanOrEqualTo(210_000);
  }

  @Test
  void a_malformed_stored_hash_never_verifies() {
    assertThat(hasher.verify("x".toCharArray(), "plain-text")).isFalse();
    assertThat(hasher.verify("x".toCharArray(), "md5$1$a$b")).isFalse();
  }
}
