package dk.rammearkitektur.clients.digitalpost.internal;

import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import java.io.IOException;
import dk.rammearkitektur.clients.digitalpost.memo.internal.ByteCounter;

/**
 * The exact byte length of a {@code kombi_request} body, known before its first byte is sent, so that the body goes
 * with a {@code Content-Length} as every public client sends it. A dry run of the streaming writer counts the bytes
 * it would write; file content whose size is known ({@link dk.rammearkitektur.clients.digitalpost.memo.FileContent#knownSize()})
 * is not read but counted as its Base64 length, other content is read once and discarded. Nothing is held in memory.
 */
public final class BodyLength {
    private BodyLength() {
    }

    /** The number of bytes {@link KombiStax#write} writes for {@code request}. */
    public static long of(KombiRequest request) throws IOException {
        ByteCounter c = new ByteCounter();
        KombiStax.write(request, c);
        return c.count();
    }
}
