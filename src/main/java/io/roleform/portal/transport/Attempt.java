package io.roleform.portal.transport;

/**
 * Request tag: which attempt of its logical call a request is (1 for the first), out of how many
 * the retry policy allows. Set by {@link RetryInterceptor}, read by logging and error messages.
 */
record Attempt(int number, int of) {}
