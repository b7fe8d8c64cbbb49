/**
 * Reads config files into a validated {@link io.roleform.config.DesiredState}: YAML nodes with positions, JSON Schema check, internal references, and problems reported as {@link io.roleform.config.Diagnostic} values. The only package that knows YAML and JSON Schema.
 */
package io.roleform.config;
