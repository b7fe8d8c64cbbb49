/**
 * Carries out a plan through a {@link io.roleform.portal.PortalClient}, in order, with progress and a report of each operation outcome.
 */
package io.roleform.apply;
