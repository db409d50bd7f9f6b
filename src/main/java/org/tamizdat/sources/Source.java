package org.tamizdat.sources;

import java.time.Instant;

/**
 * A source as anyone on the staff may see it: the public pseudonym (e.g. "Sergei, name changed")
 * and who keeps the source. The real name, contacts and notes are in {@link SourceSecrets}.
 */
public record Source(
    long id, String pseudonym, long ownerId, Instant createdAt, Instant updatedAt) {}
