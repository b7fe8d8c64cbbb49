/**
 * The {@code security} suite (JUnit tag {@code security}, part of every {@code ./mvnw verify}): each
 * hole of issue 10 tried as an attacker would — a token or secret through {@code ${VAR}}, a saved
 * plan edited between plan and apply, a token sent to another portal, a sandbox stalled by idle or
 * slow clients, control characters in messages, symlinked configs, an export overwriting files.
 */
package io.roleform.security;
