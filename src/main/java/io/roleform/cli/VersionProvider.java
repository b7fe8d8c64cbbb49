package io.roleform.cli;

import picocli.CommandLine;

/** {@code --version}: the version from the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {"roleform " + (v == null ? "dev" : v)};
  }
}
