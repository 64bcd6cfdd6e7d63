package dk.rammearkitektur.clients.common.events;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

/** jqwik arbitraries for the envelope: every part, optional parts absent or present, identifiers of every kind. */
final class Envelopes {
    private Envelopes() {
    }

    static Arbitrary<String> uuids() {
        return Arbitraries.longs().tuple2().map(t -> new UUID(t.get1(), t.get2()).toString())
                .flatMap(u -> Arbitraries.of(u, u.toUpperCase()));
    }

    static Arbitrary<String> urns() {
        Arbitrary<String> nid = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> nss = Arbitraries.strings().alpha().numeric().withChars(".:_-&<>'\"æøåÆØÅ/()+,;=@$!*?#%~")
                .ofMinLength(1).ofMaxLength(30);
        Arbitrary<String> cpr = Arbitraries.strings().numeric().ofLength(10).map(d -> "urn:oio:cpr-nr:" + d);
        return Arbitraries.oneOf(Combinators.combine(nid, nss).as((n, s) -> "urn:" + n + ":" + s), cpr);
    }

    static Arbitrary<String> unikIds() {
        return Arbitraries.oneOf(uuids(), urns());
    }

    static Arbitrary<UUID> actors() {
        return Arbitraries.longs().tuple2().map(t -> new UUID(t.get1(), t.get2()));
    }

    static Arbitrary<EventTime> times() {
        Arbitrary<LocalDateTime> local = Combinators.combine(Arbitraries.integers().between(1, 9999),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 28),
                Arbitraries.integers().between(0, 86_399), Arbitraries.integers().between(0, 999_999_999))
                .as((y, m, d, s, n) -> LocalDateTime.of(y, m, d, s / 3600, s / 60 % 60, s % 60, n));
        Arbitrary<ZoneOffset> offset = Arbitraries.integers().between(-14 * 60, 14 * 60).map(mi -> ZoneOffset.ofTotalSeconds(mi * 60));
        Arbitrary<EventTime> dateTimes = Combinators.combine(local, offset).as((l, o) -> EventTime.of(OffsetDateTime.of(l, o)));
        return Arbitraries.oneOf(dateTimes, Arbitraries.of(true, false).map(EventTime::boundary));
    }

    static Arbitrary<String> texts() {
        return Arbitraries.strings().alpha().numeric().withChars(" .&<>'\"æøå\t\n\r]]>").ofMinLength(1).ofMaxLength(20)
                .filter(s -> !s.isBlank());
    }

    static Arbitrary<EventPayload> payloads() {
        Arbitrary<EventPayload> base64 = Arbitraries.bytes().array(byte[].class).ofMaxSize(200).map(EventPayload::ofBase64);
        Arbitrary<EventPayload> inline = Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().alpha().numeric().withChars(" &<>æ\"'").ofMaxLength(20))
                .as((ns, text) -> EventPayload.of("<x:Doc xmlns:x=\"urn:test:" + ns + "\"><x:V a=\"" + escape(text) + "\">"
                        + escape(text) + "</x:V><Plain/></x:Doc>"));
        return Arbitraries.oneOf(base64, inline, Arbitraries.just(EventPayload.of("")),
                Arbitraries.just(EventPayload.of("<a/><b xmlns=\"urn:b\"><c/></b>")));
    }

    static Arbitrary<EventMessage> messages() {
        return Builders.withBuilder(EventMessage::builder)
                .use(unikIds()).in(EventMessage.Builder::messageId)
                .use(texts()).in(EventMessage.Builder::version)
                .use(unikIds()).in(EventMessage.Builder::messageType)
                .use(actors()).withProbability(0.5).in(EventMessage.Builder::responsibleActor)
                .use(unikIds().list().ofMaxSize(3)).in((b, l) -> each(b, l, EventMessage.Builder::allowedRecipient))
                .use(relatedObjects().list().ofMaxSize(3)).in((b, l) -> each(b, l, EventMessage.Builder::relatedObject))
                .use(objectRegistrations().list().ofMaxSize(2)).in((b, l) -> each(b, l, EventMessage.Builder::objectRegistration))
                .use(unikIds().list().ofMaxSize(2)).in((b, l) -> each(b, l, EventMessage.Builder::crossProcess))
                .use(deliveries()).in(EventMessage.Builder::delivery)
                .use(recipientActions()).withProbability(0.5).in(EventMessage.Builder::recipientAction)
                .use(times()).withProbability(0.5).in(EventMessage.Builder::validFrom)
                .use(times()).withProbability(0.5).in(EventMessage.Builder::validTo)
                .use(payloads().list().ofMaxSize(3)).in((b, l) -> each(b, l, EventMessage.Builder::payload))
                .build(EventMessage.Builder::build);
    }

    private static Arbitrary<RelatedObject> relatedObjects() {
        return Combinators.combine(unikIds(), unikIds(), unikIds().injectNull(0.5)).as(RelatedObject::new);
    }

    private static Arbitrary<ObjectRegistration> objectRegistrations() {
        Arbitrary<String> id = unikIds().injectNull(0.4);
        return Combinators.combine(id, actors().injectNull(0.4), times().injectNull(0.4), id, id, id, id, id)
                .as(ObjectRegistration::new);
    }

    private static Arbitrary<DeliveryInfo> deliveries() {
        Arbitrary<DeliveryRoute> route = Combinators.combine(unikIds().injectNull(0.4), times().injectNull(0.4),
                times().injectNull(0.4), actors().injectNull(0.4), unikIds().injectNull(0.4),
                Arbitraries.integers().greaterOrEqual(0).injectNull(0.4)).as(DeliveryRoute::new);
        return Combinators.combine(times().injectNull(0.3), unikIds().injectNull(0.3), actors().injectNull(0.3),
                texts().injectNull(0.3), unikIds().injectNull(0.3), route.list().ofMaxSize(2)).as(DeliveryInfo::new);
    }

    private static Arbitrary<RecipientAction> recipientActions() {
        return Combinators.combine(unikIds().injectNull(0.3), actors().injectNull(0.3)).as(RecipientAction::new);
    }

    private static <T> EventMessage.Builder each(EventMessage.Builder b, List<T> values,
            BiFunction<EventMessage.Builder, T, EventMessage.Builder> add) {
        values.forEach(v -> add.apply(b, v));
        return b;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
