package io.roleform.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Derives the churn config from an exported one (config = live): changes {@code membershipShare}
 * of the generated roles' memberships (half removed, half added: members of other roles not yet in
 * this one) and {@code roleShare} of the generated roles (a new description; every other one also
 * a different permission set). Deterministic for a seed.
 *
 * @param config the churn config's main file (its directory holds every file of it)
 * @param membershipsChanged memberships added plus removed
 * @param rolesChanged roles whose description or permissions changed
 * @param expectedOperations one membership batch per role touched plus one update per changed role
 */
record ChurnConfig(Path config, int membershipsChanged, int rolesChanged, int expectedOperations) {

  @SuppressWarnings("unchecked")
  static ChurnConfig write(Path exportedDir, Path targetDir, double membershipShare, double roleShare, long seed)
      throws IOException {
    LoaderOptions lo = new LoaderOptions();
    lo.setCodePointLimit(Integer.MAX_VALUE);
    // An export is roleform.yaml, plus roles-NNNN.yaml parts when large: churn every file's roles.
    Map<Path, Map<String, Object>> docs = new java.util.TreeMap<>();
    try (var files = Files.list(exportedDir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        docs.put(f.getFileName(), new Yaml(lo).load(Files.readString(f, StandardCharsets.UTF_8)));
      }
    }
    List<Map<String, Object>> roles = new ArrayList<>();
    Set<String> catalog = new TreeSet<>();
    for (Map<String, Object> role : docs.values().stream()
        .flatMap(d -> ((List<Map<String, Object>>) d.getOrDefault("roles", List.of())).stream()).toList()) {
      if (role.get("permissions") instanceof List<?> ps) {
        ps.forEach(p -> catalog.add(p.toString()));
      }
      if (String.valueOf(role.get("name")).startsWith("Generated role")) {
        role.put("members", new ArrayList<>((List<Object>) role.getOrDefault("members", List.of())));
        roles.add(role);
      }
    }
    Random random = new Random(seed);
    List<String> everyone = new ArrayList<>(new LinkedHashSet<>(roles.stream()
        .flatMap(r -> ((List<Object>) r.get("members")).stream().map(Object::toString)).toList()));
    int total = roles.stream().mapToInt(r -> ((List<Object>) r.get("members")).size()).sum();
    int changes = (int) Math.round(total * membershipShare);
    Set<Map<String, Object>> touched = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    int removed = 0;
    while (removed < changes / 2) {
      Map<String, Object> role = roles.get(random.nextInt(roles.size()));
      List<Object> members = (List<Object>) role.get("members");
      if (members.size() > 1) {
        members.remove(random.nextInt(members.size()));
        touched.add(role);
        removed++;
      }
    }
    int added = 0;
    while (added < changes - changes / 2) {
      Map<String, Object> role = roles.get(random.nextInt(roles.size()));
      List<Object> members = (List<Object>) role.get("members");
      String user = everyone.get(random.nextInt(everyone.size()));
      if (!members.contains(user)) {
        members.add(user);
        touched.add(role);
        added++;
      }
    }
    int roleChanges = Math.max(1, (int) Math.round(roles.size() * roleShare));
    List<String> permissions = new ArrayList<>(catalog);
    permissions.remove("roles-and-authorizations");
    for (int i = 0; i < roleChanges; i++) {
      Map<String, Object> role = roles.get(i * roles.size() / roleChanges);
      role.put("description", "Synthetic role for benchmarks (churned)");
      if (i % 2 == 0) {
        List<String> before = (List<String>) role.get("permissions");
        List<String> after = new ArrayList<>(List.of(permissions.get(i % permissions.size())));
        if (after.equals(before)) {
          after = List.of(permissions.get((i + 1) % permissions.size()));
        }
        role.put("permissions", after);
      }
    }
    DumperOptions dumper = new DumperOptions();
    dumper.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    dumper.setWidth(200);
    Files.createDirectories(targetDir);
    for (Map.Entry<Path, Map<String, Object>> doc : docs.entrySet()) {
      Files.writeString(targetDir.resolve(doc.getKey()), new Yaml(dumper).dump(doc.getValue()), StandardCharsets.UTF_8);
    }
    return new ChurnConfig(targetDir.resolve("roleform.yaml"), removed + added, roleChanges,
        touched.size() + roleChanges);
  }
}
