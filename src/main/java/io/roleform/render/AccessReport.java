package io.roleform.render;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/** The three forms of the access report ({@code roleform report --format}), written to a stream. */
public enum AccessReport {
  html,
  csv,
  json;

  /** Writes {@code data} in this form to {@code out} (UTF-8); does not close {@code out}. */
  public void write(ReportData data, OutputStream out) {
    OutputStream kept = new java.io.FilterOutputStream(out) {
      @Override
      public void close() throws java.io.IOException {
        flush();
      }
    };
    switch (this) {
      case json -> ReportJson.write(data, kept);
      case csv -> ReportCsv.write(data, writer(kept));
      case html -> ReportHtml.write(data, writer(kept));
    }
  }

  private static BufferedWriter writer(OutputStream out) {
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }
}
