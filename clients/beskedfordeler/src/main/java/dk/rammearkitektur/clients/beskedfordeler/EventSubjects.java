package dk.rammearkitektur.clients.beskedfordeler;

import dk.rammearkitektur.clients.common.events.EventMessage;
import dk.rammearkitektur.clients.common.events.ObjectRegistration;
import dk.rammearkitektur.clients.common.events.RelatedObject;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.Cvr;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Whom an event is about, as its envelope names them: the persons (CPR numbers) and companies (CVR numbers) in the
 * {@code ObjektId} of its {@code RelateretObjekt} and {@code ObjektRegistrering} elements, and the CPR event codes in
 * their {@code ObjektHandling}. This is what a fagsystem following citizens or companies needs from a CPR or CVR
 * change notice; the notice's own payload ({@code Beskeddata}) has no published format, so it stays XML
 * ({@code EventPayload}).
 *
 * <p>Sources: KOMBIT's sample messages carry {@code urn:oio:cpr-nr:<ten digits>} in {@code ObjektId}
 * (rimi-itk/Beskedfordeler_kodeeksempler {@code testbesked01.xml}, KOMBIT's {@code externTestBesked.xml}); a Digital
 * Post message writes CVR numbers as {@code urn:oio:cvr:} where KOMBIT's samples write {@code urn:oio:cvr-nr:}, so both
 * are read; a public receiver of CPR events (Umut93/Beskedfordeler, {@code CPREventhandler.cs}) reads the event code as
 * {@code urn:oio:cpr:personhaendelse:<code>}. That the code sits in {@code ObjektHandling} is the SDK's reading (the
 * receiver searches the whole message). Identifiers that are not valid CPR or CVR numbers are left out.
 *
 * @param persons the CPR numbers, in the order the envelope names them, each once
 * @param companies the CVR numbers, in the same way
 * @param cprEventCodes the CPR event codes (the part after {@code urn:oio:cpr:personhaendelse:}), e.g. {@code 004}
 */
public record EventSubjects(List<Cpr> persons, List<Cvr> companies, List<String> cprEventCodes) {
    private static final String CPR = "urn:oio:cpr-nr:";
    private static final List<String> CVR = List.of("urn:oio:cvr-nr:", "urn:oio:cvr:");
    private static final String CPR_EVENT = "urn:oio:cpr:personhaendelse:";

    /** Copies the lists. */
    public EventSubjects {
        persons = List.copyOf(persons);
        companies = List.copyOf(companies);
        cprEventCodes = List.copyOf(cprEventCodes);
    }

    /** Reads the subjects of {@code message}'s envelope. */
    public static EventSubjects of(EventMessage message) {
        Set<Cpr> persons = new LinkedHashSet<>();
        Set<Cvr> companies = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>();
        List<String> ids = new ArrayList<>();
        for (RelatedObject o : message.filter().relatedObjects()) {
            ids.add(o.objectId());
        }
        for (ObjectRegistration r : message.filter().objectRegistrations()) {
            ids.add(r.objectId());
            String action = r.objectAction();
            if (action != null && lower(action).startsWith(CPR_EVENT) && action.length() > CPR_EVENT.length()) {
                codes.add(action.substring(CPR_EVENT.length()));
            }
        }
        for (String id : ids) {
            if (id == null) {
                continue;
            }
            String lower = lower(id);
            if (lower.startsWith(CPR)) {
                parse(id.substring(CPR.length()), Cpr::parse, persons::add);
            }
            for (String prefix : CVR) {
                if (lower.startsWith(prefix)) {
                    parse(id.substring(prefix.length()), Cvr::parse, companies::add);
                }
            }
        }
        return new EventSubjects(new ArrayList<>(persons), new ArrayList<>(companies), new ArrayList<>(codes));
    }

    /** True when the event names {@code person}. */
    public boolean concerns(Cpr person) {
        return persons.contains(person);
    }

    private static <T> void parse(String text, java.util.function.Function<String, T> parser, Consumer<T> into) {
        try {
            into.accept(parser.apply(text.strip()));
        } catch (ValidationException notANumber) {
            // an identifier of another shape: not a subject this reader knows
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** CPR numbers masked. */
    @Override
    public String toString() {
        return PersonalData.maskCprNumbers("EventSubjects[persons " + persons.stream().map(Cpr::value).toList()
                + ", companies " + companies.stream().map(Cvr::value).toList() + ", CPR events " + cprEventCodes
                + "]");
    }
}
