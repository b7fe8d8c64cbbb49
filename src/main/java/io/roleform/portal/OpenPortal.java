package io.roleform.portal;

import java.util.Objects;

/**
 * An opened portal: its client, the label a plan records (never a credential), and whatever else
 * had to be started for it (an in-process sandbox). Closing it closes all of them; never throws.
 */
public final class OpenPortal implements AutoCloseable {

  private final PortalClient client;
  private final String label;
  private final AutoCloseable behind;

  /**
   * @param behind what to close after the client, or {@code null}
   */
  public OpenPortal(PortalClient client, String label, AutoCloseable behind) {
    this.client = Objects.requireNonNull(client, "client == null");
    this.label = Objects.requireNonNull(label, "label == null");
    this.behind = behind;
  }

  public PortalClient client() {
    return client;
  }

  public String label() {
    return label;
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      if (behind != null) {
        try {
          behind.close();
        } catch (Exception e) {
          // closing is best effort; nothing is left to tell the user
        }
      }
    }
  }
}
