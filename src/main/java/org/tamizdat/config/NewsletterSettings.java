package org.tamizdat.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The digest's schedule per edition ({@code empty}: that edition gets no automatic digest), in the
 * newsroom's zone ({@code TAMIZDAT_TIME_ZONE}); it runs only when SMTP is set. {@code dkim}: our
 * mail is signed when set (leave it empty when a relay signs). {@code bounceMailbox}: an IMAP or
 * POP3 URL with credentials, polled for delivery reports. {@code concurrency}: sending workers,
 * each with its own SMTP connection; {@code ratePerSecond}: messages per second for all of them
 * together (0: no limit). {@code mirrors}: the site's other addresses, listed in the digest's
 * footer ({@code TAMIZDAT_MIRRORS}, the name the feeds use too).
 */
public record NewsletterSettings(
    Optional<WeeklySlot> scheduleEn,
    Optional<WeeklySlot> scheduleRu,
    Optional<DkimSettings> dkim,
    Optional<URI> bounceMailbox,
    int concurrency,
    double ratePerSecond,
    List<URI> mirrors) {}
