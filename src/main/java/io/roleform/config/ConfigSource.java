package io.roleform.config;

import java.util.Objects;

/**
 * One config file as it was read: its path relative to the config root ({@code /}-separated, the
 * path order and the digest use it) and its exact bytes. A saved plan keeps these, so that apply
 * can plan again from exactly the config that was reviewed.
 *
 * @param path the path relative to the config root (the file name for a single-file config)
 * @param bytes the file's content; not copied, never modified
 */
public record ConfigSource(String path, byte[] bytes) {

  public ConfigSource {
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(bytes, "bytes == null");
  }
}
