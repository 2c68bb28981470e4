package ai.jorge.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactExportTest {
  @Test
  void cells_with_commas_quotes_or_line_breaks_are_quoted_and_quotes_doubled() {
    assertThat(ContactExport.cell("Lopez, Maria")).isEqualTo("\"Lopez, Maria\"");
    assertThat(ContactExport.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(ContactExport.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(ContactExport.cell(null)).isEmpty();
  }

  @Test
  void text_a_spreadsheet_would_run_as_a_formula_is_neutralised_but_phones_are_kept() {
    assertThat(ContactExport.cell("=HYPERLINK(\"x\")")).startsWith("\"'=HYPERLINK");
    assertThat(ContactExport.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(ContactExport.cell("+cmd|' /C calc'!A0")).startsWith("'+cmd");
    assertThat(ContactExport.cell("-2+3")).isEqualTo("'-2+3");
    assertThat(ContactExport.cell("+1 (512) 555-0142")).isEqualTo("+1 (512) 555-0142");
    assertThat(ContactExport.cell("+15125550142")).isEqualTo("+15125550142");
  }
}
