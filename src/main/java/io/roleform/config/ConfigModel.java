package io.roleform.config;

import java.util.List;
import java.util.Map;

/**
 * Everything read from all documents of a config, each value still tied to its document path, so
 * that cross-file checks can name both places. Internal to loading: {@link DesiredState} is what
 * leaves the package. {@code listProblems} holds, for each of {@code roles}, the problems of its own
 * lists ({@link ConsistencyCheck#listProblems}), found when the role was read ({@link DocumentRoles}).
 */
record ConfigModel(
    List<Entry<DesiredRole>> roles,
    List<List<Diagnostic>> listProblems,
    List<Entry<RemovedRole>> removed,
    List<Entry<String>> order,
    SourcePosition orderPosition,
    DesiredSettings settings,
    Map<String, SourcePosition> settingsPositions,
    PeopleModel people,
    List<Entry<DesiredPolicy>> policies) {

  /**
   * A value with the JSON pointer of where it sits in its document.
   *
   * @param value the value
   * @param doc the document it was read from
   * @param pointer its path in the document, such as {@code /roles/2}
   */
  record Entry<T>(T value, ParsedDocument doc, String pointer) {
    /** Where the value is in its document: its position and {@link #pointer()}. */
    Location location() {
      return new Location(doc.positionOf(pointer), pointer);
    }

    /**
     * Where a value inside this one is in its document, such as {@code name} or {@code members/3}:
     * the position the value recorded ({@link Located#positionOf}; for a plain value, the
     * document's) and the pointer {@code POINTER/RELATIVE}.
     */
    Location locationOf(String relative) {
      SourcePosition at = value instanceof Located l ? l.positionOf(relative) : doc.positionOf(pointer + "/" + relative);
      return new Location(at, pointer + "/" + relative);
    }

    /** Where the value was written. */
    SourcePosition position() {
      return location().position();
    }

    /** Where a value inside this one was written, such as {@code name} or {@code members/3}. */
    SourcePosition position(String relative) {
      return locationOf(relative).position();
    }
  }

  /** Where a settings key was written ({@code owner} ...): {@code /settings/KEY}. */
  Location settingsLocation(String key) {
    return new Location(settingsPositions.get("settings/" + key), "/settings/" + key);
  }
}
