package io.roleform.config;

import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import io.roleform.portal.PortalSettings;
import io.roleform.portal.UserStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes a live portal as a config in our format ({@code roleform export}), so that an existing
 * portal can be brought under roleform: a plan of the written config against the same portal shows
 * no changes.
 *
 * <p>What it writes: the {@code yaml-language-server} schema comment, {@code apiVersion}, the
 * settings the portal has (non-null ones only), the full {@code order}, and every role in position
 * order with its description (when not empty), permissions (not for roles whose permissions are
 * fixed), case actions (when any) and members — sorted emails, {@code []} when none, so that
 * memberships are managed. Pending appliers are not members.
 *
 * <p>Every string reads back exactly as it was: a value that YAML 1.1 would take as something else
 * ({@code NO}, {@code on}, {@code null}, {@code ~}, {@code 1e3}, {@code 0x1F}), or that holds
 * {@code :}, {@code #}, quotes, line breaks or leading/trailing spaces, is double-quoted with
 * escapes; {@code ${} is written {@code $${}, which the loader reads back as a literal {@code ${}
 * instead of substituting an environment variable.
 */
public final class ConfigWriter {

  /** The first line of every exported file. */
  public static final String SCHEMA_COMMENT =
      "# yaml-language-server: $schema=https://roleform.dev/schema/roleform.schema.json";

  /** The file {@link #writeTo} writes in its directory. */
  public static final String FILE_NAME = "roleform.yaml";

  /** Strings written without quotes: a letter, then letters, digits and a few safe characters. */
  private static final Pattern PLAIN = Pattern.compile("\\p{L}[\\p{L}\\p{N} ._@/()+-]*");

  /** Plain words YAML 1.1 or 1.2 resolves to booleans or null (compared lower-cased). */
  private static final Set<String> KEYWORDS =
      Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null");

  private ConfigWriter() {}

  /** The config as one YAML document, ending with a newline. */
  public static String write(LiveState live) {
    Map<String, LiveUser> users =
        live.users().stream().collect(Collectors.toMap(LiveUser::id, Function.identity(), (a, b) -> a));
    List<LiveRole> roles = new ArrayList<>(live.roles());
    roles.sort(Comparator.comparingInt(LiveRole::position));

    StringBuilder out = new StringBuilder();
    out.append(SCHEMA_COMMENT).append('\n');
    out.append("apiVersion: roleform/v1\n");
    PortalSettings settings = live.portal().settings();
    if (settings.owner() != null || settings.allowView() != null || settings.notifyMembers() != null) {
      out.append("settings:\n");
      if (settings.owner() != null) out.append("  owner: ").append(scalar(settings.owner())).append('\n');
      if (settings.allowView() != null) out.append("  allowView: ").append(settings.allowView()).append('\n');
      if (settings.notifyMembers() != null) {
        out.append("  notifyMembers: ").append(settings.notifyMembers()).append('\n');
      }
    }
    out.append("order:").append(roles.isEmpty() ? " []" : "").append('\n');
    for (LiveRole role : roles) out.append("  - ").append(scalar(role.name())).append('\n');
    out.append("roles:").append(roles.isEmpty() ? " []" : "").append('\n');
    for (LiveRole role : roles) {
      out.append("  - name: ").append(scalar(role.name())).append('\n');
      if (!role.description().isEmpty()) {
        out.append("    description: ").append(scalar(role.description())).append('\n');
      }
      if (!role.fixedPermissions()) out.append("    permissions: ").append(flow(role.permissions())).append('\n');
      if (!role.caseActions().isEmpty()) out.append("    caseActions: ").append(flow(role.caseActions())).append('\n');
      members(out, live.members().getOrDefault(role.id(), Set.of()), users);
    }
    return out.toString();
  }

  /** Writes {@code dir/roleform.yaml} (replacing it atomically if present), creating {@code dir}. */
  public static void writeTo(LiveState live, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path target = dir.resolve(FILE_NAME);
    Path temp = Files.createTempFile(dir, ".roleform-export-", ".tmp");
    try {
      Files.writeString(temp, write(live), StandardCharsets.UTF_8);
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * The role's members as sorted emails. A member id with no known user cannot be written as an
   * email; it is named in a comment rather than dropped silently.
   */
  private static void members(StringBuilder out, Set<String> ids, Map<String, LiveUser> users) {
    List<String> emails = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String id : ids) {
      LiveUser user = users.get(id);
      if (user == null) unknown.add(id);
      else if (user.status() != UserStatus.PENDING) emails.add(user.email());
    }
    emails.sort(Comparator.comparing((String e) -> e.toLowerCase(Locale.ROOT)).thenComparing(e -> e));
    out.append("    members:").append(emails.isEmpty() ? " []" : "").append('\n');
    for (String email : emails) out.append("      - ").append(scalar(email)).append('\n');
    unknown.sort(Comparator.naturalOrder());
    for (String id : unknown) {
      out.append("      # left out: user id ").append(id.replaceAll("[^A-Za-z0-9._-]", "?"))
          .append(" is a member but the portal did not list that user\n");
    }
  }

  private static String flow(List<String> values) {
    return values.stream().map(ConfigWriter::scalar).collect(Collectors.joining(", ", "[", "]"));
  }

  /** {@code value} as a YAML scalar that reads back as exactly {@code value} (after {@code $${}). */
  static String scalar(String value) {
    String escaped = value.replace("${", "$${");
    if (PLAIN.matcher(escaped).matches()
        && !escaped.endsWith(" ")
        && !KEYWORDS.contains(escaped.toLowerCase(Locale.ROOT))) {
      return escaped;
    }
    return doubleQuoted(escaped);
  }

  private static String doubleQuoted(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        sb.append(String.format("\\U%08x", s.codePointAt(i)));
        i++;
      } else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029 || c == 0xfeff
          || c >= 0xfffe || Character.isSurrogate(c)) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
