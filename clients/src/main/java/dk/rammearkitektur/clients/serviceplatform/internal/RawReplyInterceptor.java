package dk.rammearkitektur.clients.serviceplatform.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Takes the raw reply bytes and HTTP status off the wire as the first thing in CXF's in (and in-fault) chain, hands
 * them to the calling thread and stops the chain, so CXF never parses the reply. Bounded to {@link #MAX_BYTES}.
 */
final class RawReplyInterceptor extends AbstractPhaseInterceptor<Message> {
    /** The largest reply read: 16 MiB. */
    static final int MAX_BYTES = 16 * 1024 * 1024;
    static final RawReplyInterceptor INSTANCE = new RawReplyInterceptor();
    static final ThreadLocal<Reply> CAPTURED = new ThreadLocal<>();

    /**
     * A reply as received.
     *
     * @param status the HTTP status, or null when unknown
     * @param body the bytes read
     * @param tooLarge true when the reply exceeded {@link #MAX_BYTES}
     */
    record Reply(Integer status, byte[] body, boolean tooLarge) {
    }

    private RawReplyInterceptor() {
        super(Phase.RECEIVE);
    }

    @Override
    public void handleMessage(Message message) {
        InputStream in = message.getContent(InputStream.class);
        Object code = message.get(Message.RESPONSE_CODE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean tooLarge = false;
        if (in != null) {
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (out.size() + n > MAX_BYTES) {
                        tooLarge = true;
                        break;
                    }
                    out.write(buf, 0, n);
                }
            } catch (IOException e) {
                throw new Fault(e);
            }
        }
        CAPTURED.set(new Reply(code instanceof Integer i ? i : null, out.toByteArray(), tooLarge));
        message.getInterceptorChain().abort();
    }
}
