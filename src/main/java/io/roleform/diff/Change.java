package io.roleform.diff;

/**
 * A value that an operation changes, from {@code before} (live) to {@code after} (desired).
 * Operations hold {@code null} instead of a {@code Change} for a value they leave alone.
 */
public record Change<T>(T before, T after) {}
