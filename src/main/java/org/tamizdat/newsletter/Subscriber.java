package org.tamizdat.newsletter;

import org.tamizdat.article.Language;

/** A stored subscriber. {@code email} is the address as it will be written on envelopes. */
public record Subscriber(
    long id,
    String email,
    Language lang,
    SubscriberState state,
    String unsubscribeToken,
    int bounceCount) {}
