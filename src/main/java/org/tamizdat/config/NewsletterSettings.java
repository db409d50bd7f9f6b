package org.tamizdat.config;

import java.util.Optional;

/**
 * The digest's schedule per edition ({@code empty}: that edition gets no automatic digest). The
 * schedule is in the newsroom's zone ({@code TAMIZDAT_TIME_ZONE}); it runs only when SMTP is set.
 */
public record NewsletterSettings(
    Optional<WeeklySlot> scheduleEn, Optional<WeeklySlot> scheduleRu) {}
