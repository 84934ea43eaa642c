package org.concordia.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.concordia.federation.Directory;
import org.concordia.federation.Participant;
import org.concordia.model.ParticipantCode;

/**
 * Who an alert goes to: every participant of the federation, the participants of one region, or named
 * participants. Resolved against the signed directory when the alert is published (and again for an
 * update or a cancellation, which also go to every participant the alert reached before).
 */
public sealed interface Recipients {
    /** Every participant but the owner. */
    record All() implements Recipients {}

    /** The participants whose directory region is this one (case-insensitive). */
    record Region(String region) implements Recipients {
        public Region {
            Objects.requireNonNull(region, "region");
            if (region.isBlank()) {
                throw new IllegalArgumentException("a region is named");
            }
        }
    }

    /** These participants. */
    record Named(List<ParticipantCode> participants) implements Recipients {
        public Named {
            participants = List.copyOf(participants);
            if (participants.isEmpty()) {
                throw new IllegalArgumentException("at least one participant is named");
            }
        }
    }

    /**
     * The participants of {@code directory} this designates, the owner left out, in directory order; a
     * named participant missing from the directory is not silently dropped: see {@link #unknown}.
     */
    default List<Participant> resolve(Directory directory, ParticipantCode owner) {
        List<Participant> out = new ArrayList<>();
        for (Participant p : directory.participants()) {
            if (p.code().equals(owner)) {
                continue;
            }
            boolean in = switch (this) {
                case All a -> true;
                case Region r ->
                    p.region().toLowerCase(Locale.ROOT).equals(r.region().toLowerCase(Locale.ROOT));
                case Named n -> n.participants().contains(p.code());
            };
            if (in) {
                out.add(p);
            }
        }
        return out;
    }

    /** Named participants the directory does not list (empty for all and region). */
    default List<ParticipantCode> unknown(Directory directory) {
        if (!(this instanceof Named n)) {
            return List.of();
        }
        return n.participants().stream()
                .filter(c -> directory.participant(c).isEmpty())
                .toList();
    }
}
