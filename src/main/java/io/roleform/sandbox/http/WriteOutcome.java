package io.roleform.sandbox.http;

/**
 * The result of a successful write handler: the response to send and the audit entry to append.
 *
 * @param action the audit action, e.g. {@code role.create}
 * @param target what changed, in words
 */
record WriteOutcome(ApiResponse response, String action, String target) {}
