package dk.rammearkitektur.clients.stoettesystemer.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What one SF1470 {@code importer} or {@code opdater} carries, mapped from the model and checked, before it is
 * written as XML: a Sag and the Dokumenter its journal entries point at. Role and type are Klassifikation keys here
 * (the writer turns them into Klasse UUIDs); every period is a virkning (from inclusive, to exclusive, null = open).
 */
public final class IndexPlan {
    private IndexPlan() {
    }

    /** A virkning period; {@code to} null is open-ended (GraenseIndikator). */
    public record Period(Instant from, Instant to) {
    }

    /** Registration data (Registrering): when, by whom (BrugerRef URN), note. */
    public record Meta(Instant at, String actorUrn, String note) {
    }

    /**
     * One relation: its list element (e.g. {@code Sagsaktoer}, or {@code SagsitsystemRelation} for the IT-system
     * relation that goes in the relation list's local extension), role and object type keys, reference (a UUID or a
     * URN), index (null for single roles), virkning, full name for the local extension, the authority's CVR for
     * actors, and for IT systems their name.
     */
    public record Relation(String element, String role, String type, String reference, String index, Period period,
            String fullName, String cvr, String key, String classTitle, String systemName) {
    }

    /** The Sag's properties (Egenskaber) for one period. */
    public record CaseProperties(Period period, String key, String number, String title) {
    }

    /** The index properties (SagIndeksEgenskaber) for one period: sensitivity (Foelsomhed) and local status. */
    public record IndexProperties(Period period, String sensitivity, String status) {
    }

    /** One progress state (Fremdrift) with its period. */
    public record State(Period period, String code) {
    }

    /** A Sag: id, registration, properties, states and relations. */
    public record Sag(UUID id, Meta meta, List<CaseProperties> properties, List<IndexProperties> indexProperties,
            List<State> states, List<Relation> relations) {
    }

    /** A Dokument: id, registration, properties (one period), state and relations. */
    public record Dokument(UUID id, Meta meta, Period period, String key, String title, LocalDate letterDate,
            String type, String sensitivity, State state, List<Relation> relations) {
    }

    /**
     * The Dokumenter first (the index needs them before a journal entry can point at them), then the Sag (null for a
     * request of Dokumenter only).
     */
    public record Request(List<Dokument> documents, Sag sag) {
    }
}
