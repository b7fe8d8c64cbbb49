package io.roleform.portal.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A successful (or explicitly accepted) Admin API answer.
 *
 * @param body the parsed JSON body, or a missing node when there was none
 * @param location the {@code Location} header, or {@code null}
 * @param attempts how many times the request was sent (more than 1 after a retry)
 */
record AdminReply(int status, JsonNode body, String location, int attempts) {

  AdminReply {
    body = body == null ? MissingNode.getInstance() : body;
  }
}
