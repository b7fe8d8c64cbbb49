package io.roleform.render;

import io.roleform.portal.LiveRole;
import io.roleform.portal.LiveState;
import io.roleform.portal.LiveUser;
import io.roleform.portal.PortalSettings;
import io.roleform.portal.UserStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

  /** The file {@link #writeTo} writes in its directory (the only one, unless the config is large). */
  public static final String FILE_NAME = "roleform.yaml";

  /**
   * Above this many characters the export is split into several files. At most 3 bytes of UTF-8 a
   * char, so a file stays under 4.5 MiB even when every character is non-ASCII.
   */
  static final int SPLIT_CHARS = 1_500_000;

  /** The size, in characters, each role part file stays under (or one role, if larger). */
  static final int PART_CHARS = 1_000_000;

  private static final Pattern PART = Pattern.compile("(roles|users)-\\d{4}\\.yaml");

  /** Strings written without quotes: a letter, then letters, digits and a few safe characters. */
  private static final Pattern PLAIN = Pattern.compile("\\p{L}[\\p{L}\\p{N} ._@/()+-]*");

  /** Plain words YAML 1.1 or 1.2 resolves to booleans or null (compared lower-cased). */
  private static final Set<String> KEYWORDS =
      Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null");

  private ConfigWriter() {}

  /** Portals with fewer users than this export {@code users:} unless told otherwise. */
  public static final int USERS_BY_DEFAULT_BELOW = 10_000;

  /** Whether an export of {@code live} includes users when neither --users nor --no-users is given. */
  public static boolean usersByDefault(LiveState live) {
    return live.has(io.roleform.portal.Capabilities.Feature.USERS) && live.users().size() < USERS_BY_DEFAULT_BELOW;
  }

  /** The config as one YAML document, ending with a newline; users as {@link #usersByDefault}. */
  public static String write(LiveState live) {
    return write(live, usersByDefault(live));
  }

  /** The config as one YAML document, ending with a newline, with or without users and departments. */
  public static String write(LiveState live, boolean users) {
    StringBuilder out = header(live);
    roles(out, live, sortedRoles(live), usersById(live));
    if (users) out.append(PeopleWriter.departments(live)).append(PeopleWriter.users(live, live.users()));
    return out.toString();
  }

  /**
   * The config as files: {@code roleform.yaml} alone while the whole config stays under {@link
   * #SPLIT_CHARS}; past that, {@code roleform.yaml} holds the settings and the order, and the roles
   * follow in {@code roles-0001.yaml}, {@code roles-0002.yaml} ... of about {@link #PART_CHARS} each,
   * so that every file stays well under the loader's 5 MiB limit. Keys are file names, in order.
   */
  public static Map<String, String> files(LiveState live) {
    return files(live, usersByDefault(live));
  }

  /**
   * As {@link #files(LiveState)}, with or without users and departments; when split, departments
   * go to {@code roleform.yaml} and users to {@code users-NNNN.yaml} parts.
   */
  public static Map<String, String> files(LiveState live, boolean withUsers) {
    // Linear in the size of the portal: the users are indexed once, every role is written once,
    // and part files are cut from the role texts already written.
    Map<String, LiveUser> users = usersById(live);
    List<LiveRole> sorted = sortedRoles(live);
    StringBuilder head = header(live);
    List<String> texts = new ArrayList<>(sorted.size());
    long total = head.length() + "roles:\n".length();
    for (LiveRole role : sorted) {
      StringBuilder one = new StringBuilder();
      role(one, role, live, users);
      texts.add(one.toString());
      total += one.length();
    }
    String people = withUsers ? PeopleWriter.departments(live) + PeopleWriter.users(live, live.users()) : "";
    total += people.length();
    if (total <= SPLIT_CHARS) {
      head.append("roles:").append(sorted.isEmpty() ? " []" : "").append('\n');
      texts.forEach(head::append);
      head.append(people);
      return Map.of(FILE_NAME, head.toString());
    }
    Map<String, String> files = new java.util.LinkedHashMap<>();
    files.put(FILE_NAME, head.append("roles: []\n").append(withUsers ? PeopleWriter.departments(live) : "").toString());
    StringBuilder part = null;
    int size = 0;
    for (String one : texts) {
      if (part != null && size + one.length() > PART_CHARS) {
        files.put(partName(files.size()), part.toString());
        part = null;
      }
      if (part == null) {
        part = new StringBuilder(PART_CHARS + 4096).append(PART_HEADER);
        size = 0;
      }
      part.append(one);
      size += one.length();
    }
    if (part != null) files.put(partName(files.size()), part.toString());
    if (withUsers) {
      List<LiveUser> chunk = new ArrayList<>();
      int chunkSize = 0;
      int n = 0;
      for (LiveUser u : PeopleWriter.sorted(live.users())) {
        chunk.add(u);
        chunkSize += 120;
        if (chunkSize > PART_CHARS) {
          files.put(String.format(Locale.ROOT, "users-%04d.yaml", ++n), SCHEMA_COMMENT + "\napiVersion: roleform/v1\n"
              + PeopleWriter.users(live, chunk));
          chunk = new ArrayList<>();
          chunkSize = 0;
        }
      }
      if (!chunk.isEmpty()) {
        files.put(String.format(Locale.ROOT, "users-%04d.yaml", ++n), SCHEMA_COMMENT + "\napiVersion: roleform/v1\n"
            + PeopleWriter.users(live, chunk));
      }
    }
    return files;
  }

  private static String partName(int n) {
    return String.format(Locale.ROOT, "roles-%04d.yaml", n);
  }

  /** The start of every role part file, before its roles. */
  private static final String PART_HEADER = SCHEMA_COMMENT + "\napiVersion: roleform/v1\nroles:\n";

  private static Map<String, LiveUser> usersById(LiveState live) {
    Map<String, LiveUser> users = new java.util.HashMap<>(live.users().size() * 2);
    for (LiveUser u : live.users()) users.putIfAbsent(u.id(), u);
    return users;
  }

  private static List<LiveRole> sortedRoles(LiveState live) {
    List<LiveRole> roles = new ArrayList<>(live.roles());
    roles.sort(Comparator.comparingInt(LiveRole::position));
    return roles;
  }

  private static StringBuilder header(LiveState live) {
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
    List<LiveRole> roles = sortedRoles(live);
    out.append("order:").append(roles.isEmpty() ? " []" : "").append('\n');
    for (LiveRole role : roles) out.append("  - ").append(scalar(role.name())).append('\n');
    return out;
  }

  private static void roles(StringBuilder out, LiveState live, List<LiveRole> roles, Map<String, LiveUser> users) {
    out.append("roles:").append(roles.isEmpty() ? " []" : "").append('\n');
    for (LiveRole role : roles) role(out, role, live, users);
  }

  private static void role(StringBuilder out, LiveRole role, LiveState live, Map<String, LiveUser> users) {
    out.append("  - name: ").append(scalar(role.name())).append('\n');
    if (!role.description().isEmpty()) {
      out.append("    description: ").append(scalar(role.description())).append('\n');
    }
    if (!role.fixedPermissions()) out.append("    permissions: ").append(flow(role.permissions())).append('\n');
    if (!role.caseActions().isEmpty()) out.append("    caseActions: ").append(flow(role.caseActions())).append('\n');
    members(out, live.members().getOrDefault(role.id(), Set.of()), users);
  }

  /**
   * Writes {@link #files} into {@code dir} (creating it), each replaced atomically; role part files
   * of an earlier export ({@code roles-NNNN.yaml}) that this one does not write are deleted, so the
   * directory always holds exactly one config.
   */
  public static void writeTo(LiveState live, Path dir) throws IOException {
    writeTo(live, dir, usersByDefault(live));
  }

  /** As {@link #writeTo(LiveState, Path)}, with or without users and departments. */
  public static void writeTo(LiveState live, Path dir, boolean users) throws IOException {
    Files.createDirectories(dir);
    Map<String, String> files = files(live, users);
    try (var old = Files.list(dir)) {
      for (Path p : old.filter(p -> PART.matcher(p.getFileName().toString()).matches()).toList()) {
        if (!files.containsKey(p.getFileName().toString())) Files.delete(p);
      }
    }
    for (Map.Entry<String, String> file : files.entrySet()) {
      AtomicFile.write(dir.resolve(file.getKey()), file.getValue());
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
    // Sorted by a key computed once per email (not once per comparison): 2,000,000 members at XL.
    String[][] keyed = new String[emails.size()][];
    for (int i = 0; i < keyed.length; i++) {
      String e = emails.get(i);
      keyed[i] = new String[] {e.toLowerCase(Locale.ROOT), e};
    }
    java.util.Arrays.sort(keyed, Comparator.comparing((String[] k) -> k[0]).thenComparing(k -> k[1]));
    out.append("    members:").append(keyed.length == 0 ? " []" : "").append('\n');
    for (String[] k : keyed) out.append("      - ").append(scalar(k[1])).append('\n');
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
