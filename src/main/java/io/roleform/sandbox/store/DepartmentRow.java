package io.roleform.sandbox.store;

/**
 * One department (case portal). Users point at departments by id, so a rename keeps them.
 *
 * @param version bumped by every rename, sent as {@code ETag}
 */
public record DepartmentRow(String id, String name, long version) {}
