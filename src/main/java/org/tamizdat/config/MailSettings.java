package org.tamizdat.config;

import java.util.Optional;

/**
 * The newsletter's mail settings. Who our mail is from: {@code from} may carry a display name
 * ({@code Name <a@b>}); {@code returnPath} is the envelope sender, where bounces go (the From
 * address when unset). All are checked at start-up; {@code from} is required once {@code
 * TAMIZDAT_SMTP_URL} is set. {@code bounceLimit}: permanent failures before an address counts as
 * bounced. {@code subscribeRateLimit}: subscription attempts per client per hour (readers behind
 * one Tor exit or NAT share a client, so not too low).
 */
public record MailSettings(
    Optional<String> from,
    Optional<String> replyTo,
    Optional<String> returnPath,
    int bounceLimit,
    int subscribeRateLimit) {}
