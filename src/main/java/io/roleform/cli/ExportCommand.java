package io.roleform.cli;

import io.roleform.render.ConfigWriter;
import io.roleform.portal.LiveState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code roleform export}: the live portal as config, to bootstrap an existing portal. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write the live portal as a roleform config (bootstrap an existing portal).",
      "",
      "Writes the live portal's roles, permissions, order, members and settings as a roleform",
      "config, and its users and departments (by default on portals with fewer than 10,000",
      "users; --users / --no-users to choose). A plan of the exported config shows no changes.",
      "With --out, files in DIR that export did not write are never replaced or deleted without --force."
    },
    footer = {"", "Examples:", "  roleform export --portal embedded:app-roles --out config/",
        "  roleform export --portal embedded:case-portal --no-users",
        "  roleform export --portal embedded:app-roles --out config/ --force   # replace hand-written files too"})
final class ExportCommand implements Callable<Integer> {

  @ParentCommand RoleformCommand parent;
  @Spec CommandSpec spec;
  @Mixin PortalOptions portal;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Write DIR/roleform.yaml (plus roles-NNNN.yaml parts for a large portal) instead of printing the config on stdout.")
  Path out;

  @Option(names = "--force",
      description = "With --out: replace or delete files in DIR that roleform export did not write (or that changed since).")
  boolean force;

  @Option(names = "--users", negatable = true,
      description = "Also write users: and departments: (default: only when the portal has fewer than 10,000 users).")
  Boolean users;

  @Override
  public Integer call() {
    try (PortalConnection conn = PortalConnection.open(parent.registry(), portal, parent.env(), Streams.err(spec))) {
      LiveState live = PortalConnection.call(conn.client()::read);
      boolean withUsers = users != null ? users : ConfigWriter.usersByDefault(live);
      if (out == null) {
        spec.commandLine().getOut().print(ConfigWriter.write(live, withUsers));
        spec.commandLine().getOut().flush();
      } else {
        try {
          ExportDirectory.write(out, ConfigWriter.files(live, withUsers), force)
              .forEach(spec.commandLine().getErr()::println);
        } catch (IOException e) {
          throw new CliException(ExitCodes.ERROR, "Cannot write the export to " + out + ": " + e.getMessage());
        }
        spec.commandLine().getErr().println("Exported " + live.roles().size() + " roles"
            + (withUsers ? " and " + live.users().size() + " users" : "") + " to " + out);
      }
      return ExitCodes.OK;
    }
  }
}
