package io.roleform.portal.transport;

import java.net.URI;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * An absolute http(s) URL, built from a base address by appending path segments (each encoded as
 * needed, so an id or a name can hold any character) and query parameters. Immutable.
 */
public final class Url {

  private final HttpUrl url;

  private Url(HttpUrl url) {
    this.url = url;
  }

  /**
   * @throws IllegalArgumentException if {@code uri} is not an absolute http(s) URL
   */
  public static Url of(URI uri) {
    return new Url(HttpUrl.get(uri.toString()));
  }

  /** This URL with {@code segments} appended to its path. */
  public Url path(String... segments) {
    HttpUrl.Builder b = url.newBuilder();
    for (String s : segments) b.addPathSegment(s);
    return new Url(b.build());
  }

  /** This URL with its path replaced by {@code segments} (empty segments dropped). */
  public Url withPath(List<String> segments) {
    HttpUrl.Builder b = url.newBuilder().encodedPath("/");
    for (String s : segments) if (!s.isEmpty()) b.addPathSegment(s);
    return new Url(b.build());
  }

  /** This URL with one more query parameter. */
  public Url query(String name, Object value) {
    return new Url(url.newBuilder().addQueryParameter(name, String.valueOf(value)).build());
  }

  /** The decoded path segments. */
  public List<String> segments() {
    return url.pathSegments();
  }

  /** Path and query as sent, for messages and logs ({@code /api/v1/roles?limit=1000}). */
  public String target() {
    return url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
  }

  HttpUrl http() {
    return url;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Url other && other.url.equals(url);
  }

  @Override
  public int hashCode() {
    return url.hashCode();
  }

  @Override
  public String toString() {
    return url.toString();
  }
}
