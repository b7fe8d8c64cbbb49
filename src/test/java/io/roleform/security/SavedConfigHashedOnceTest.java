package io.roleform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.MessageDigestSpi;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.Provider;
import java.security.Security;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code apply --plan} hashes the config the saved plan carries once: the digest that checks it
 * against the plan is the digest of the config loaded and planned again (it was hashed twice, ≈
 * 0.6 s of CPU at XL). Counted from outside: every SHA-256 the JVM computes goes through a
 * counting provider placed first, which counts the digests whose input holds this test's marker
 * (a comment only the test's config has; the live state's fingerprint and other tests' hashes
 * never hold it).
 */
@Tag("security")
class SavedConfigHashedOnceTest {
  private static final String MARKER = "hash-marker-" + UUID.randomUUID();
  private static final AtomicInteger CONFIG_HASHES = new AtomicInteger();
  private static final Provider COUNTING = new CountingProvider();

  @RegisterExtension final SavedPlanFixture fx = SavedPlanFixture.of(SavedPlanTamperTest.CONFIG + "# " + MARKER + "\n");

  @BeforeEach
  void countHashes() {
    Security.insertProviderAt(COUNTING, 1);
    CONFIG_HASHES.set(0);
  }

  @AfterEach
  void stopCounting() {
    Security.removeProvider(COUNTING.getName());
  }

  @Test
  void applyPlanHashesTheCarriedConfigOnce() throws Exception {
    Path plan = fx.plan();
    assertThat(CONFIG_HASHES.get()).as("plan --out hashes the config once").isEqualTo(1);

    CONFIG_HASHES.set(0);
    CliRun apply = fx.run("apply", "--plan", plan.toString());

    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    assertThat(CONFIG_HASHES.get()).as("apply --plan hashes the config it carries once").isEqualTo(1);
  }

  @Test
  void aChangedCarriedConfigIsStillRefusedByItsDigest() throws Exception {
    Path plan = fx.plan();
    String text = java.nio.file.Files.readString(plan);
    java.nio.file.Files.writeString(plan, text.replace("Reads logs", "Reads Logs"));
    CONFIG_HASHES.set(0);

    CliRun apply = fx.run("apply", "--plan", plan.toString());

    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(3);
    assertThat(apply.err()).contains("its config digest differs from the digest of the config it carries");
    assertThat(CONFIG_HASHES.get()).isEqualTo(1);
  }

  /** SHA-256 of the JVM's own provider, counting the digests of input that holds {@link #MARKER}. */
  public static final class CountingSha256 extends MessageDigestSpi {
    private static final byte[] MARK = MARKER.getBytes(StandardCharsets.UTF_8);
    private final MessageDigest real;
    private boolean marked;

    public CountingSha256() throws NoSuchAlgorithmException, NoSuchProviderException {
      real = MessageDigest.getInstance("SHA-256", "SUN");
    }

    @Override
    protected void engineUpdate(byte input) {
      real.update(input);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
      real.update(input, offset, len);
      if (!marked) marked = contains(input, offset, len);
    }

    @Override
    protected byte[] engineDigest() {
      if (marked) CONFIG_HASHES.incrementAndGet();
      marked = false;
      return real.digest();
    }

    @Override
    protected void engineReset() {
      marked = false;
      real.reset();
    }

    private static boolean contains(byte[] input, int offset, int len) {
      outer:
      for (int i = offset; i <= offset + len - MARK.length; i++) {
        for (int j = 0; j < MARK.length; j++) {
          if (input[i + j] != MARK[j]) continue outer;
        }
        return true;
      }
      return false;
    }
  }

  private static final class CountingProvider extends Provider {
    CountingProvider() {
      super("RoleformCountingSha256", "1.0", "counts the SHA-256 digests of a test's config");
      putService(new Service(this, "MessageDigest", "SHA-256", CountingSha256.class.getName(), List.of(), null) {
        @Override
        public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
          try {
            return new CountingSha256();
          } catch (NoSuchProviderException e) {
            throw new NoSuchAlgorithmException(e);
          }
        }
      });
    }
  }
}
