package io.roleform.sandbox.store;

/**
 * One audit entry.
 *
 * @param at ISO-8601 instant (UTC)
 * @param actor email of the token's user
 * @param action e.g. {@code role.create}
 * @param target human-readable description of what changed
 */
public record AuditRow(long id, String at, String actor, String action, String target) {}
