/**
 * The command line: one class per command, shared options as mixins, and the one place that maps failures to exit codes. The only package that knows picocli.
 */
package io.roleform.cli;
