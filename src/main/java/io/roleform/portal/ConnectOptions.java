package io.roleform.portal;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to connect, the same for every portal kind ({@code --timeout}, {@code --max-retries}, {@code
 * --verbose} ...). A kind may let its address override some of them (documented with the kind).
 *
 * @param timeout the limit of each attempt of each request (connect, send, answer)
 * @param maxRetries how many times a failed request is retried (see the transport's retry policy)
 * @param verboseLog receives one line per request sent, never a secret; {@code null} for none
 * @param insecureHttp allow plain {@code http://} to a host that is not loopback
 * @param token a token given explicitly ({@code --token-file}), or {@code null}; never printed
 * @param env the environment, where kinds find their default credentials
 */
public record ConnectOptions(
    Duration timeout,
    int maxRetries,
    Consumer<String> verboseLog,
    boolean insecureHttp,
    String token,
    Map<String, String> env) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_RETRIES = 5;

  public ConnectOptions {
    Objects.requireNonNull(timeout, "timeout == null");
    if (timeout.isNegative() || timeout.isZero() || maxRetries < 0) {
      throw new PortalAddressException("--timeout must be positive and --max-retries 0 or more.");
    }
    env = Map.copyOf(env);
  }

  /** The defaults, with {@code env}. */
  public static ConnectOptions defaults(Map<String, String> env) {
    return new ConnectOptions(DEFAULT_TIMEOUT, DEFAULT_MAX_RETRIES, null, false, null, env);
  }

  /** The same options with another explicit token. */
  public ConnectOptions withToken(String explicitToken) {
    return new ConnectOptions(timeout, maxRetries, verboseLog, insecureHttp, explicitToken, env);
  }

  /** Shows everything but the token. */
  @Override
  public String toString() {
    return "ConnectOptions[timeout=" + timeout + ", maxRetries=" + maxRetries + ", verbose="
        + (verboseLog != null) + ", insecureHttp=" + insecureHttp + ", token=" + (token == null ? "none" : "[redacted]")
        + "]";
  }
}
