package io.roleform.bench;

import io.roleform.portal.LiveState;
import io.roleform.portal.http.HttpPortalClient;
import io.roleform.portal.http.HttpPortalConfig;
import io.roleform.portal.transport.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * roleform's live read alone, in a fresh JVM: {@link HttpPortalClient#read()} against a portal,
 * nothing else (no config, no diff, no plan). Run with the launcher's JVM options next to {@link
 * FloorClient} — both fetch the same pages; what the read costs above the floor's CPU (GNU time's
 * user+sys) is the parsing and the assembly of the {@link LiveState}. Prints one line: {@code
 * readMs=.. requests=.. users=.. roles=.. memberships=..}.
 *
 * <p>Usage: {@code java -cp target/test-classes:target/roleform.jar io.roleform.bench.ReadFloor
 * http://127.0.0.1:PORT TOKEN}
 */
public final class ReadFloor {
  private ReadFloor() {}

  public static void main(String[] args) {
    long t0 = System.nanoTime();
    HttpPortalConfig config = new HttpPortalConfig(URI.create(args[0]), args[1], false,
        Duration.ofSeconds(60), RetryPolicy.defaults(), null);
    try (HttpPortalClient client = HttpPortalClient.create(config)) {
      LiveState state = client.read();
      double ms = (System.nanoTime() - t0) / 1e6;
      long memberships = 0;
      for (Set<String> ids : state.members().values()) memberships += ids.size();
      System.out.printf("readMs=%.1f requests=%d users=%d roles=%d memberships=%d%n", ms,
          client.requestCount(), state.users().size(), state.roles().size(), memberships);
    }
  }
}
