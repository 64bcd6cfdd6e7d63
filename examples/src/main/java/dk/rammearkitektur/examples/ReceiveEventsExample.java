package dk.rammearkitektur.examples;

import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerClient;
import dk.rammearkitektur.clients.beskedfordeler.Deduplication;
import dk.rammearkitektur.clients.beskedfordeler.EventSubscription;
import dk.rammearkitektur.clients.beskedfordeler.ReceivedEvent;
import dk.rammearkitektur.clients.common.events.EventMessage;
import dk.rammearkitektur.clients.digitalpost.DeliveryStatus;
import dk.rammearkitektur.core.PersonalData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Receives the events of a dueslag from the Beskedfordeler (SF1461) and turns delivery statuses (PKO_PostStatus) into
 * {@link DeliveryStatus}es matched to the letters they report on, as a fagsystem does. Every event is acknowledged only
 * after {@code onEvent} returned, and handled once per BeskedId by the {@link Deduplication} store (use a
 * {@link dk.rammearkitektur.clients.beskedfordeler.JdbcDeduplication} when the fagsystem runs in several instances).
 * See {@code docs/beskedfordeler.md} and {@link ExampleConfig} for the keys.
 *
 * <pre>
 * java -cp ... dk.rammearkitektur.examples.ReceiveEventsExample client.properties
 * </pre>
 */
public final class ReceiveEventsExample {
    private ReceiveEventsExample() {
    }

    /**
     * Starts receiving from {@code dueslag}: each event to {@code onEvent}, each PKO_PostStatus also to
     * {@code onDeliveryStatus}. Close the subscription to stop.
     *
     * @param client a client built from the configuration
     * @param deduplication where handled BeskedIds are remembered
     */
    public static EventSubscription receive(BeskedfordelerClient client, UUID dueslag, Deduplication deduplication,
            Consumer<EventMessage> onEvent, Consumer<DeliveryStatus> onDeliveryStatus) {
        Objects.requireNonNull(onEvent, "onEvent == null");
        Objects.requireNonNull(onDeliveryStatus, "onDeliveryStatus == null");
        return client.subscription(dueslag).deduplication(deduplication).handler((ReceivedEvent event) -> {
            EventMessage m = event.message();
            onEvent.accept(m);
            if (isPostStatus(m)) {
                onDeliveryStatus.accept(DeliveryStatus.of(m));
            }
        }).start();
    }

    /** True when one of the event's payloads is a PKO_PostStatus, inline or Base64-encoded. */
    static boolean isPostStatus(EventMessage m) {
        return m.payloads().stream().anyMatch(p -> !p.isEmpty() && ("PKO_PostStatus".equals(p.rootName())
                || p.base64Content().map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)
                        .contains("PKO_PostStatus")).orElse(false)));
    }

    /**
     * Usage: {@code ReceiveEventsExample <config.properties> [seconds]}: prints the events of the configured dueslag
     * (CPR numbers masked) for the given time (default 60 seconds).
     *
     * @param args the configuration file and optionally how long to listen
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ReceiveEventsExample <config.properties> [seconds]");
            System.exit(2);
        }
        ExampleConfig config = ExampleConfig.load(Path.of(args[0]));
        Duration listen = Duration.ofSeconds(args.length == 2 ? Long.parseLong(args[1]) : 60);
        try (BeskedfordelerClient client = config.beskedfordelerClient().build();
                EventSubscription s = receive(client, config.dueslag(),
                        dk.rammearkitektur.clients.beskedfordeler.InMemoryDeduplication.create(),
                        m -> System.out.println(PersonalData.maskCprNumbers(m.toString())),
                        st -> System.out.println("  delivery status " + st.kind() + " \"" + st.statusText()
                                + "\" for letter " + st.messageUuid()))) {
            Thread.sleep(listen.toMillis());
            System.out.println(s.counts());
        }
    }
}
