package io.roleform.portal.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a {@link Transport} connects: the same meaning for every portal kind.
 *
 * @param timeout the connect, read and write timeout of each attempt ({@code --timeout})
 * @param retry how failed calls are retried ({@code --max-retries} sets its attempts)
 * @param auth where bearer tokens come from, or {@code null} to send none (a token endpoint)
 * @param verboseLog one line per request sent ({@code --verbose}), never a secret; or {@code null}.
 *     Called by the threads that send, several at once when writes run in parallel: it must be
 *     thread-safe
 * @param messages the portal kind's words for failures
 * @param sleeper waits between attempts (tests record instead of sleeping)
 */
public record TransportOptions(
    Duration timeout,
    RetryPolicy retry,
    TokenSupplier auth,
    Consumer<String> verboseLog,
    MessageTable messages,
    Sleeper sleeper) {

  public TransportOptions {
    Objects.requireNonNull(timeout, "timeout == null");
    Objects.requireNonNull(retry, "retry == null");
    Objects.requireNonNull(messages, "messages == null");
    sleeper = sleeper == null ? Sleeper.REAL : sleeper;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("The timeout must be positive, was " + timeout + ".");
    }
  }

  /** The same options with another token supplier. */
  public TransportOptions withAuth(TokenSupplier tokens) {
    return new TransportOptions(timeout, retry, tokens, verboseLog, messages, sleeper);
  }

  /** The same options with another message table. */
  public TransportOptions withMessages(MessageTable table) {
    return new TransportOptions(timeout, retry, auth, verboseLog, table, sleeper);
  }
}
