package io.roleform.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

/**
 * Reads the {@code until} of a member entry {@code {email, until: YYYY-MM-DD}}. The schema checks
 * the shape; this checks that the date exists (no 2027-02-30).
 */
final class ExpiringMembers {
  private ExpiringMembers() {}

  /** The date, or {@code null} (reported, unless the schema already reports the shape). */
  static LocalDate until(ParsedDocument doc, String itemPointer, JsonNode item, List<Diagnostic> problems) {
    JsonNode v = item.path("until");
    if (!v.isTextual() || !v.asText().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) return null;
    try {
      return LocalDate.parse(v.asText());
    } catch (DateTimeException e) {
      problems.add(new Diagnostic(Location.of(doc, itemPointer + "/until"),
          "`" + v.asText() + "` is not a date in the calendar", "write the last day of access as YYYY-MM-DD"));
      return null;
    }
  }
}
