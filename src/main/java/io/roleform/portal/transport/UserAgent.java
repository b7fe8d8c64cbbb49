package io.roleform.portal.transport;

/** {@code roleform/VERSION} ({@code roleform/dev} when run from classes, not the jar). */
final class UserAgent {

  static final String VALUE = "roleform/" + version();

  private UserAgent() {}

  private static String version() {
    String v = UserAgent.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
