package io.roleform.sandbox.http;

import io.roleform.sandbox.store.PortalRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One endpoint: a method, a path template with {@code {name}} parameters, and either a read or a
 * write handler.
 */
record Route(String method, String template, Pattern pattern, List<String> paramNames, Read read, Write write) {

  /** Serves a GET inside one read transaction; the caller adds the State-Version header. */
  @FunctionalInterface
  interface Read {
    ApiResponse read(ApiRequest request, Connection c, PortalRow portal) throws SQLException;
  }

  /** Makes one write inside the write transaction; the caller does idempotency, audit, version. */
  @FunctionalInterface
  interface Write {
    WriteOutcome write(WriteContext w) throws SQLException;
  }

  static Route get(String template, Read read) {
    return of("GET", template, read, null);
  }

  static Route write(String method, String template, Write write) {
    return of(method, template, null, write);
  }

  private static Route of(String method, String template, Read read, Write write) {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("\\{([a-zA-Z]+)}").matcher(template);
    StringBuilder regex = new StringBuilder();
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
      names.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    return new Route(method, template, Pattern.compile(regex.toString()), List.copyOf(names), read, write);
  }

  boolean isWrite() {
    return write != null;
  }
}
