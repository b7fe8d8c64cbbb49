/**
 * The portal client SPI ({@link io.roleform.portal.PortalClient}) and the immutable {@link io.roleform.portal.LiveState} it reads. Implementations live in sub-packages; nothing outside them knows HTTP.
 */
package io.roleform.portal;
