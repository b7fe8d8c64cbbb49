package io.roleform.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The portal kinds roleform knows, and the one way to go from an address to an open portal: the
 * first kind that {@link PortalKind#accepts accepts} the address parses it and opens its client.
 * Kinds come from {@code META-INF/services/io.roleform.portal.PortalKind}, in that file's order;
 * tests add their own with {@link #with}.
 */
public final class PortalRegistry {

  private final List<PortalKind> kinds;

  private PortalRegistry(List<PortalKind> kinds) {
    this.kinds = List.copyOf(kinds);
  }

  /** The kinds installed with roleform. */
  public static PortalRegistry installed() {
    List<PortalKind> kinds = new ArrayList<>();
    ServiceLoader.load(PortalKind.class, PortalRegistry.class.getClassLoader()).forEach(kinds::add);
    return new PortalRegistry(kinds);
  }

  /** Exactly these kinds. */
  public static PortalRegistry of(List<PortalKind> kinds) {
    return new PortalRegistry(kinds);
  }

  /** This registry plus {@code kind} (tried after the others). */
  public PortalRegistry with(PortalKind kind) {
    List<PortalKind> more = new ArrayList<>(kinds);
    more.add(kind);
    return new PortalRegistry(more);
  }

  public List<PortalKind> kinds() {
    return kinds;
  }

  /**
   * The kind that owns {@code address}.
   *
   * @throws PortalAddressException when none does, listing the forms that are accepted
   */
  public PortalKind kindOf(String address) {
    String a = address.strip();
    for (PortalKind kind : kinds) {
      if (kind.accepts(a)) return kind;
    }
    throw new PortalAddressException("The portal address '" + redact(a) + "' is not supported; expected "
        + forms() + ".");
  }

  /** The label a plan records for {@code address} (see {@link PortalKind#label}). */
  public String label(String address) {
    return kindOf(address).label(address.strip());
  }

  /** Whether {@code label} (as recorded in a plan) is an in-process or loopback portal. */
  public boolean isLocal(String label) {
    String a = label.strip();
    for (PortalKind kind : kinds) {
      if (kind.accepts(a)) return kind.isLocal(a);
    }
    return false;
  }

  /** Opens the portal at {@code address}. */
  public OpenPortal open(String address, ConnectOptions options) {
    return kindOf(address).open(address.strip(), options);
  }

  /** The accepted address forms, for messages: {@code A, B or C}. */
  public String forms() {
    List<String> forms = kinds.stream().map(PortalKind::addressForm).toList();
    if (forms.size() <= 1) return String.join("", forms);
    return forms.subList(0, forms.size() - 1).stream().collect(Collectors.joining(", "))
        + " or " + forms.get(forms.size() - 1);
  }

  /** The address without anything that could be a credential ({@code user:pass@}). */
  private static String redact(String address) {
    int scheme = address.indexOf("://");
    int at = address.indexOf('@');
    if (scheme >= 0 && at > scheme) {
      int slash = address.indexOf('/', scheme + 3);
      if (slash < 0 || at < slash) return address.substring(0, scheme + 3) + address.substring(at + 1);
    }
    return address;
  }
}
