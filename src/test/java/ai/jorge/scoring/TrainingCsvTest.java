package ai.jorge.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.jorge.InvalidInputException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingCsvTest {
  static final String HEADER = String.join(",", TrainingCsv.columns());

  static String row(LeadFeatures features, String converted, String at) {
    StringWriter out = new StringWriter();
    TrainingCsv.write(List.of(new LabelledLead(features, false, Instant.EPOCH)), out);
    String line = out.toString().split("\n")[1];
    return line.substring(0, line.lastIndexOf(",false,")) + "," + converted + "," + at;
  }

  @Test
  void reads_good_rows_and_reports_every_bad_row_with_its_line_number() {
    String good = row(Leads.hotSeller(), "true", "2025-01-02T10:00:00Z");
    String csv =
        HEADER
            + "\n"
            + good
            + "\n"
            + row(Leads.hotSeller(), "maybe", "2025-01-02T10:00:00Z")
            + "\n"
            + "\n"
            + row(Leads.coldBuyer(), "0", "yesterday")
            + "\n"
            + good.replace(",relocation,", ",bored,")
            + "\n"
            + "sms,seller\n"
            + row(Leads.coldBuyer(), "no", "2025-01-03T10:00:00Z")
            + "\n";

    TrainingCsv.Result result = TrainingCsv.read(new StringReader(csv));

    assertThat(result.leads()).hasSize(2);
    assertThat(result.leads().get(1).features()).isEqualTo(Leads.coldBuyer());
    assertThat(result.errors())
        .hasSize(4)
        .satisfiesExactly(
            e -> assertThat(e).startsWith("line 3: column 'converted'"),
            e -> assertThat(e).startsWith("line 5: column 'at'"),
            e -> assertThat(e).startsWith("line 6: feature 'motivation'"),
            e -> assertThat(e).startsWith("line 7: expected 24 cells, found 2"));
    assertThatThrownBy(result::orThrow)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("4 bad rows");
  }

  @Test
  void names_missing_and_unknown_columns_on_line_one() {
    String header = HEADER.replace("price,", "zip,");

    TrainingCsv.Result result = TrainingCsv.read(new StringReader(header + "\n"));

    assertThat(result.errors())
        .containsExactlyInAnyOrder(
            "line 1: unknown column 'zip'", "line 1: missing column 'price'");
  }

  @Test
  void accepts_columns_in_any_order_quoted_cells_and_a_byte_order_mark() {
    List<String> columns = new ArrayList<>(TrainingCsv.columns());
    Collections.reverse(columns);
    LeadFeatures f = Leads.hotSeller();
    StringBuilder line = new StringBuilder();
    for (String column : columns) {
      Object value =
          switch (column) {
            case "converted" -> "yes";
            case "at" -> "2025-01-02T10:00:00Z";
            default -> f.toMap().get(column);
          };
      line.append(line.isEmpty() ? "" : ",")
          .append('"')
          .append(value == null ? "" : value)
          .append('"');
    }
    String csv = "\uFEFF" + String.join(",", columns) + "\r\n" + line + "\r\n";

    TrainingCsv.Result result = TrainingCsv.read(new StringReader(csv));

    assertThat(result.errors()).isEmpty();
    assertThat(result.leads())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.features()).isEqualTo(f);
              assertThat(l.converted()).isTrue();
            });
  }

  @Test
  void an_empty_file_is_reported() {
    assertThat(TrainingCsv.read(new StringReader("")).errors())
        .singleElement()
        .asString()
        .startsWith("line 1");
  }
}
