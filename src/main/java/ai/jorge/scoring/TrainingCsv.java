package ai.jorge.scoring;

import ai.jorge.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads and writes a team's own lead history as CSV: a header naming every feature of {@link
 * LeadFeatures#names()} plus {@code converted} ({@code true|false|1|0|yes|no}) and {@code at}
 * (ISO-8601 instant of the scoring time), in any column order; an empty cell is an unanswered
 * question. Every bad row is reported with its line number instead of stopping at the first.
 * Stateless and thread-safe.
 */
public final class TrainingCsv {
  /** The parsed rows and one message per bad line, e.g. {@code "line 7: feature 'price' ..."}. */
  public record Result(List<LabelledLead> leads, List<String> errors) {
    public Result {
      leads = List.copyOf(leads);
      errors = List.copyOf(errors);
    }

    /** The leads, or an exception whose details are the errors when there are any. */
    public List<LabelledLead> orThrow() {
      if (!errors.isEmpty()) {
        throw new InvalidInputException(errors.size() + " bad rows in training CSV", errors);
      }
      return leads;
    }
  }

  private TrainingCsv() {}

  /** The columns of the format: every feature name, then {@code converted} and {@code at}. */
  public static List<String> columns() {
    return Stream.concat(LeadFeatures.names().stream(), Stream.of("converted", "at")).toList();
  }

  public static Result read(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Result read(Reader reader) {
    List<LabelledLead> leads = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(reader)) {
      String headerLine = in.readLine();
      if (headerLine == null) {
        return new Result(leads, List.of("line 1: empty file, expected a header " + columns()));
      }
      Map<String, Integer> header = header(CsvLine.split(stripBom(headerLine)), errors);
      if (!errors.isEmpty()) {
        return new Result(leads, errors);
      }
      String line;
      int number = 1;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        List<String> problems = new ArrayList<>();
        LabelledLead lead = row(CsvLine.split(line), header, problems);
        if (problems.isEmpty()) {
          leads.add(lead);
        } else {
          for (String p : problems) {
            errors.add("line " + number + ": " + p);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Result(leads, errors);
  }

  public static void write(List<LabelledLead> leads, Writer out) {
    try {
      out.write(String.join(",", columns()));
      out.write('\n');
      for (LabelledLead lead : leads) {
        List<String> cells = new ArrayList<>();
        for (Object value : lead.features().toMap().values()) {
          cells.add(value == null ? "" : CsvLine.quote(value.toString()));
        }
        cells.add(Boolean.toString(lead.converted()));
        cells.add(lead.at().toString());
        out.write(String.join(",", cells));
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Integer> header(List<String> names, List<String> errors) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).strip();
      if (!columns().contains(name)) {
        errors.add("line 1: unknown column '" + name + "'");
      } else if (index.putIfAbsent(name, i) != null) {
        errors.add("line 1: duplicate column '" + name + "'");
      }
    }
    for (String column : columns()) {
      if (!index.containsKey(column)) {
        errors.add("line 1: missing column '" + column + "'");
      }
    }
    return index;
  }

  private static LabelledLead row(
      List<String> cells, Map<String, Integer> header, List<String> problems) {
    if (cells.size() != header.size()) {
      problems.add("expected " + header.size() + " cells, found " + cells.size());
      return null;
    }
    Map<String, Object> values = new HashMap<>();
    for (FeatureSchema.Spec spec : FeatureSchema.SPECS) {
      values.put(
          spec.name(), FeatureValues.parse(spec, cells.get(header.get(spec.name())), problems));
    }
    Boolean converted = FeatureValues.parseBoolean(cells.get(header.get("converted")));
    if (converted == null) {
      problems.add(
          "column 'converted' must be true or false, was '"
              + cells.get(header.get("converted"))
              + "'");
    }
    Instant at = null;
    String atText = cells.get(header.get("at")).strip();
    try {
      at = Instant.parse(atText);
    } catch (DateTimeParseException e) {
      problems.add(
          "column 'at' must be an ISO-8601 instant like 2024-03-01T10:15:30Z, was '"
              + atText
              + "'");
    }
    if (!problems.isEmpty()) {
      return null;
    }
    try {
      return new LabelledLead(LeadFeatures.fromMap(values), converted, at);
    } catch (InvalidInputException e) {
      problems.addAll(e.details());
      return null;
    }
  }

  private static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }
}
