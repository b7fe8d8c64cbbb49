package io.roleform.diff;

/**
 * The JSON-pointer paths plan-time diagnostics use (see the package documentation): roles and
 * removals are named by their name, list entries by their index.
 */
final class DocumentPath {

  private DocumentPath() {}

  /** {@code /roles/NAME} followed by the given segments. */
  static String role(String roleName, Object... segments) {
    return join("/roles/" + escape(roleName), segments);
  }

  /** {@code /removed/NAME} followed by the given segments. */
  static String removed(String roleName, Object... segments) {
    return join("/removed/" + escape(roleName), segments);
  }

  /** {@code /order/INDEX}. */
  static String order(int index) {
    return "/order/" + index;
  }

  /** {@code /settings/KEY}. */
  static String settings(String key) {
    return "/settings/" + key;
  }

  private static String join(String head, Object... segments) {
    StringBuilder sb = new StringBuilder(head);
    for (Object s : segments) sb.append('/').append(escape(String.valueOf(s)));
    return sb.toString();
  }

  private static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }
}
