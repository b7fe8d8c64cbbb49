package io.roleform.sandbox.http;

/**
 * The authenticated caller: the token's user and the token's scope.
 *
 * @param scope {@code read} or {@code write}
 */
record Caller(String userId, String email, String scope) {
  boolean canWrite() {
    return "write".equals(scope);
  }
}
