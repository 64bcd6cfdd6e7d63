package dk.rammearkitektur.testkit.serviceplatform;

import dk.rammearkitektur.testkit.serviceplatform.LoraIndexParts.Problem;
import dk.rammearkitektur.testkit.serviceplatform.LoraIndexParts.Recorder;
import dk.rammearkitektur.testkit.serviceplatform.internal.Xml;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.w3c.dom.Element;

/**
 * What the simulated LoRa indexes' {@code fremsoeg} operations share: reading the objects a request names by UUID
 * (one element name for each of the index's two kinds) and answering the objects found with their Antal. The
 * searching itself ({@code SoegUdtryk}) and the snapshots stay with each index.
 *
 * @param <O> an object of the store
 * @param <R> a registration
 * @param <K> the kinds of object
 */
final class LoraIndexSearch<O extends LoraIndexStore.Stored<R, K>, R, K> {
    /** One of the two kinds of object: the element naming it by UUID in a request and its Antal's {@code Element} value. */
    record Target<K>(K kind, String idElement, String antalName) {
    }

    /** The UUIDs a request names and finds ({@code any}: it names at least one object, found or not). */
    record Named(Set<UUID> found, boolean any) {
    }

    private final LoraIndexStore<O, R, K> data;
    private final String ns;
    private final String prefix;
    private final int ok;
    private final Target<K> first;
    private final Target<K> second;

    /**
     * A search of {@code data} answering in namespace {@code ns} with {@code qnamePrefix:Antal} elements and
     * StandardRetur {@code ok}; objects of {@code first}'s kind are answered before the others ({@code second}).
     */
    LoraIndexSearch(LoraIndexStore<O, R, K> data, String ns, String qnamePrefix, int ok, Target<K> first,
            Target<K> second) {
        this.data = data;
        this.ns = ns;
        this.prefix = qnamePrefix;
        this.ok = ok;
        this.first = first;
        this.second = second;
    }

    /**
     * The objects {@code input}'s children name by UUID that are stored with the kind named and {@code visible}. A child
     * whose text is not a UUID refuses the request: its problem ({@code notUuid}) is recorded for
     * {@code correlationId} and answered in {@code out}'s StandardRetur, and the result is empty.
     */
    Optional<Named> named(Element input, Predicate<O> visible, Function<Element, Problem> notUuid, Element out,
            String correlationId, Recorder recorder) {
        Set<UUID> found = new LinkedHashSet<>();
        boolean any = false;
        for (Element e : Xml.kids(input)) {
            K kind = first.idElement.equals(e.getLocalName()) ? first.kind
                    : second.idElement.equals(e.getLocalName()) ? second.kind : null;
            if (kind == null) {
                continue;
            }
            any = true;
            Optional<UUID> id = LoraIndexParts.uuid(e.getTextContent().trim());
            if (id.isEmpty()) {
                Problem p = notUuid.apply(e);
                recorder.record(correlationId, p);
                LoraIndexParts.retur(out, "sd:StandardRetur", p.status(), p.toString());
                return Optional.empty();
            }
            data.get(id.get()).filter(o -> o.kind() == kind && visible.test(o)).ifPresent(o -> found.add(id.get()));
        }
        return Optional.of(new Named(found, any));
    }

    /**
     * Answers {@code found} in {@code out}: StandardRetur OK, an Antal of each kind, then the objects of the first kind
     * by {@code firstSnapshot} and the others by {@code secondSnapshot}, each in {@code found}'s order.
     */
    void answer(Element out, Set<UUID> found, Consumer<O> firstSnapshot, Consumer<O> secondSnapshot) {
        LoraIndexParts.retur(out, "sd:StandardRetur", ok, null);
        List<O> firsts = new ArrayList<>();
        List<O> seconds = new ArrayList<>();
        for (UUID u : found) {
            data.get(u).ifPresent(o -> (o.kind() == first.kind ? firsts : seconds).add(o));
        }
        antal(out, first.antalName, firsts.size());
        antal(out, second.antalName, seconds.size());
        firsts.forEach(firstSnapshot);
        seconds.forEach(secondSnapshot);
    }

    private void antal(Element out, String element, int count) {
        Element a = Xml.el(out, ns, prefix + ":Antal", null);
        Xml.el(a, ns, prefix + ":Element", element);
        Xml.el(a, ns, prefix + ":Antal", count);
    }
}
