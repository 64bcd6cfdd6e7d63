package dk.rammearkitektur.cli;

import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerClient;
import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerEnvironment;
import dk.rammearkitektur.clients.beskedfordeler.EventSubscription;
import dk.rammearkitektur.clients.beskedfordeler.PublishReceipt;
import dk.rammearkitektur.clients.common.events.EventMessage;
import dk.rammearkitektur.clients.common.events.EventPayload;
import dk.rammearkitektur.clients.common.events.RelatedObject;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.ValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code rammearkitektur events listen --config <file>} and {@code rammearkitektur events publish <file> --config
 * <file>}: receive events from a dueslag of the Beskedfordeler (SF1461) and print them as they arrive (CPR numbers
 * masked), and publish an event (SF1462). Uses the configuration keys of {@code klasse} ({@code environment} for the STS,
 * {@code certificate.*}, {@code trust.anchors}, {@code sts.cvr}, {@code sts.certificates}, {@code auth}) plus
 * {@code beskedfordeler.dueslag} and either {@code beskedfordeler.host} and {@code beskedfordeler.port} (a broker such
 * as the simulator's) or {@code beskedfordeler.environment} ({@code test} or {@code production}).
 */
@Command(name = "events", description = "Events through the Beskedfordeler (SF1461 receive, SF1462 publish).",
        subcommands = {EventsCommand.ListenCommand.class, EventsCommand.PublishCommand.class})
final class EventsCommand {

    static BeskedfordelerClient client(CprLookupCommand.Config config, Properties p) {
        String host = config.get(p, "beskedfordeler.host");
        BeskedfordelerEnvironment environment = host == null
                ? BeskedfordelerEnvironment.parse(config.required(p, "beskedfordeler.environment"), null)
                : BeskedfordelerEnvironment.parse(host + ":" + config.required(p, "beskedfordeler.port"),
                        URI.create(config.required(p, "environment")));
        StsClientSettings s = StsClientSettings.of(config, p);
        return BeskedfordelerClient.builder().environment(environment)
                .systemCertificate(s.certificate(), s.password()).trustAnchors(s.trustAnchors())
                .authorityCvr(s.cvr()).stsProtocol(s.protocol()).stsCertificates(s.stsCertificates())
                .build();
    }

    /** One line per event: id, type, when it was made, related objects and payloads; CPR numbers masked. */
    static String describe(EventMessage m) {
        StringBuilder b = new StringBuilder(m.messageId()).append("  type ").append(m.filter().messageType());
        if (m.delivery() != null && m.delivery().createdAt() != null && m.delivery().createdAt().dateTime() != null) {
            b.append("  created ").append(m.delivery().createdAt().dateTime());
        }
        for (RelatedObject o : m.filter().relatedObjects()) {
            b.append("  ").append(o.objectType()).append('=').append(o.objectId());
        }
        for (EventPayload p : m.payloads()) {
            b.append("  payload ").append(p.isEmpty() ? "(empty)" : p.rootName());
        }
        return PersonalData.maskCprNumbers(b.toString());
    }

    /**
     * {@code events listen}: prints each event of the dueslag as it arrives, until {@code --count} events were
     * printed, {@code --timeout} passed or Ctrl-C. Events are acknowledged after they are printed. Exit 0, or 4 when
     * the timeout passed before {@code --count} events came.
     */
    @Command(name = "listen", description = "Print the events of a dueslag as they arrive (CPR numbers masked).")
    static final class ListenCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        CprLookupCommand.Config config = new CprLookupCommand.Config();

        @CommandLine.Option(names = "--dueslag", paramLabel = "<uuid>", description = "The dueslag (default: beskedfordeler.dueslag in the configuration).")
        UUID dueslag;

        @CommandLine.Option(names = "--count", paramLabel = "<n>", description = "Stop after this many events.")
        Integer count;

        @CommandLine.Option(names = "--timeout", paramLabel = "<duration>", description = "Stop after this ISO-8601 duration, e.g. PT30S.")
        Duration timeout;

        @Override
        public Integer call() throws Exception {
            Properties p = KlasseCommand.properties(config);
            UUID queue = dueslag != null ? dueslag : uuid(config.required(p, "beskedfordeler.dueslag"));
            if (count != null && count < 1) {
                throw new ValidationException("count", "must be at least 1");
            }
            PrintWriter out = spec.commandLine().getOut();
            CountDownLatch done = new CountDownLatch(count == null ? Integer.MAX_VALUE : count);
            AtomicInteger printed = new AtomicInteger();
            try (BeskedfordelerClient client = client(config, p);
                    EventSubscription s = client.subscription(queue).handler(e -> {
                        synchronized (out) {
                            out.println((e.redelivered() ? "again  " : "event  ") + describe(e.message()));
                            out.flush();
                        }
                        printed.incrementAndGet();
                        done.countDown();
                    }).onUnreadable(u -> {
                        synchronized (out) {
                            out.println("unreadable  " + u);
                            out.flush();
                        }
                    }).start()) {
                Thread hook = new Thread(() -> {
                    while (done.getCount() > 0) {
                        done.countDown();
                    }
                }, "events-listen-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                boolean all;
                try {
                    all = timeout == null ? await(done) : done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } finally {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // the JVM is already stopping
                    }
                }
                out.println(printed.get() + " event(s) from dueslag " + queue + "; " + s.counts());
                out.flush();
                return all || count == null ? ExitCodes.OK : ExitCodes.NOT_FOUND;
            }
        }

        private static boolean await(CountDownLatch done) throws InterruptedException {
            done.await();
            return true;
        }
    }

    /**
     * {@code events publish <file>}: reads a {@code Haendelsesbesked} (or a {@code ModtagBeskedInput} or
     * {@code AfsendBeskedInput} wrapping one), checks it, publishes it and prints the Beskedfordeler's answer. Exit 0
     * when accepted, 2 for an unreadable file, 1 when refused.
     */
    @Command(name = "publish", description = "Publish an event (a Haendelsesbesked XML file) and print the answer.")
    static final class PublishCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        CprLookupCommand.Config config = new CprLookupCommand.Config();

        @CommandLine.Parameters(index = "0", paramLabel = "<file>", description = "The event as XML.")
        Path file;

        @Override
        public Integer call() {
            EventMessage message;
            try {
                message = EventMessage.parse(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new ValidationException("file", "could not be read: " + e.getMessage());
            }
            Properties p = KlasseCommand.properties(config);
            PrintWriter out = spec.commandLine().getOut();
            try (BeskedfordelerClient client = client(config, p)) {
                PublishReceipt r = client.publish(message);
                out.println("accepted  " + describe(message));
                out.println("correlation id " + r.correlationId() + ", " + r.attempts() + " attempt(s)"
                        + (r.statusText() == null ? "" : ": " + r.statusText()));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("config.beskedfordeler.dueslag", "must be a UUID");
        }
    }
}
