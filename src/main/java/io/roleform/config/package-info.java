/**
 * Reads config files into a validated {@link io.roleform.config.DesiredState}: YAML nodes with positions, JSON Schema check, internal references, and problems reported as {@link io.roleform.config.Diagnostic} values. The only package that knows YAML and JSON Schema.
 *
 * <p>Every value the loader builds carries where it was written: a {@link
 * io.roleform.config.Located} value (role, removal, user, department, policy) answers {@code
 * locationOf("members/3")} with a {@link io.roleform.config.Location} (file, line, column, alias
 * anchor, JSON pointer), and every {@link io.roleform.config.Diagnostic} is made from one. Only this
 * package makes locations (checked by {@code ArchitectureTest}).
 */
package io.roleform.config;
