package dk.rammearkitektur.clients.stoettesystemer;

import dk.rammearkitektur.core.Violations;
import java.net.URI;
import java.util.UUID;

/**
 * The settings both index clients' builders share ({@link CaseIndexClient.Builder}, {@link BenefitIndexClient.Builder}):
 * the Klassifikation client, the owning authority, the IT system and the entity id, with their checks.
 *
 * @param <B> the concrete builder
 */
abstract class IndexClientBuilder<B extends IndexClientBuilder<B>> {
    KlassifikationClient klassifikation;
    UUID owner;
    String ownerCvr;
    String ownerName;
    UUID itSystem;
    String itSystemName;
    String entityId;

    IndexClientBuilder(String defaultEntityId) {
        this.entityId = defaultEntityId;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** The Klassifikation client to share the connection and tokens with and to look classes up in. Required. */
    public B klassifikation(KlassifikationClient klassifikation) {
        this.klassifikation = klassifikation;
        return self();
    }

    /**
     * The authority that owns what is indexed (aktør Ejer): its Organisation UUID in Fælleskommunalt
     * Organisationssystem, its CVR number and its name. Required.
     */
    public B owner(UUID organisation, String cvr, String name) {
        this.owner = organisation;
        this.ownerCvr = cvr;
        this.ownerName = name;
        return self();
    }

    /** This fagsystem's IT-system instance (Master and Afsender): its UUID and its name. Required. */
    public B itSystem(UUID uuid, String name) {
        this.itSystem = uuid;
        this.itSystemName = name;
        return self();
    }

    /** The entity id tokens are asked for (default: the client's {@code DEFAULT_ENTITY_ID}). */
    public B entityId(String entityId) {
        this.entityId = entityId;
        return self();
    }

    /** Checks the shared settings into {@code v}. */
    final void checkShared(Violations v) {
        v.require(klassifikation != null, "klassifikation", "must be set");
        v.require(owner != null, "owner.organisation", "must be set");
        v.require(ownerCvr != null && ownerCvr.matches("[0-9]{8}"), "owner.cvr", "must be 8 digits");
        v.require(ownerName != null && !ownerName.isBlank() && ownerName.length() <= 255, "owner.name",
                "must be 1 to 255 characters");
        v.require(itSystem != null, "itSystem.uuid", "must be set");
        v.require(itSystemName != null && !itSystemName.isBlank() && itSystemName.length() <= 255,
                "itSystem.name", "must be 1 to 255 characters (SystemNavn)");
        v.require(entityId != null && !entityId.isBlank(), "entityId", "must not be blank");
    }

    /** Checks that an endpoint, when set, is an absolute https URL. */
    static void checkEndpoint(Violations v, String path, URI endpoint) {
        if (endpoint != null) {
            v.require(endpoint.isAbsolute() && "https".equals(endpoint.getScheme()), path,
                    "must be an absolute https URL");
        }
    }
}
